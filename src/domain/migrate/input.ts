// Reads the manifests a user pastes (multi-document YAML or JSON, `kind: List` included) into the
// few objects the migration needs: Ingresses, Services (to resolve named ports) and IngressClasses.
// Work is bounded: input size, document count, YAML aliases and nesting are capped (by the reader
// manifest analysis uses), and anything malformed is a BAD_USER_INPUT error that says which
// document and field.
import { z } from "zod";
import { isRecord, parseManifests } from "../analysis/parse.js";
import { badInput } from "../errors.js";

export const MAX_INPUT_CHARS = 1_000_000;
export const MAX_DOCUMENTS = 500;

export type BackendInput =
  | { readonly type: "service"; readonly name: string; readonly port: number | string | null }
  | { readonly type: "resource"; readonly group: string; readonly kind: string; readonly name: string };

export interface IngressPathInput {
  readonly path: string;
  readonly pathType: "Exact" | "Prefix" | "ImplementationSpecific";
  readonly backend: BackendInput;
}

export interface IngressInput {
  readonly namespace: string;
  readonly name: string;
  readonly apiVersion: string;
  /** spec.ingressClassName, else the deprecated kubernetes.io/ingress.class annotation, else null. */
  readonly className: string | null;
  readonly annotations: readonly (readonly [string, string])[];
  readonly defaultBackend: BackendInput | null;
  readonly rules: readonly { readonly host: string | null; readonly paths: readonly IngressPathInput[] }[];
  readonly tls: readonly { readonly hosts: readonly string[]; readonly secretName: string | null }[];
  /** Position in the input, for stable ordering. */
  readonly index: number;
}

export interface ServiceInput {
  readonly namespace: string;
  readonly name: string;
  readonly ports: readonly { readonly name: string | null; readonly port: number; readonly appProtocol: string | null }[];
}

export interface IngressClassInput {
  readonly name: string;
  readonly controller: string | null;
  readonly isDefault: boolean;
}

export interface MigrationInput {
  readonly ingresses: readonly IngressInput[];
  readonly services: readonly ServiceInput[];
  readonly ingressClasses: readonly IngressClassInput[];
  /** Kinds that were present but are not used, with counts, for the summary. */
  readonly skipped: number;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const name = z.string().max(253).regex(DNS_SUBDOMAIN, "must be a lowercase DNS name");
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const metadata = z.object({
  name,
  namespace: z.string().max(63).regex(DNS_LABEL, "must be a lowercase DNS label").optional(),
  annotations: z.record(z.string(), scalar).nullish(),
});

const portRef = z.object({ number: z.number().int().min(1).max(65535).optional(), name: z.string().min(1).optional() });
const backendV1 = z.object({
  service: z.object({ name, port: portRef.optional() }).optional(),
  resource: z.object({ apiGroup: z.string().nullish(), kind: z.string().min(1), name }).optional(),
});
// networking.k8s.io/v1beta1 and extensions/v1beta1 wrote serviceName/servicePort.
const backendV1beta1 = z.object({
  serviceName: name.optional(),
  servicePort: z.union([z.number().int().min(1).max(65535), z.string().min(1)]).optional(),
});
const backend = backendV1.and(backendV1beta1);

const ingressSchema = z.object({
  apiVersion: z.string(),
  metadata,
  spec: z
    .object({
      ingressClassName: z.string().nullish(),
      defaultBackend: backend.nullish(),
      backend: backend.nullish(),
      rules: z
        .array(
          z.object({
            host: z.string().nullish(),
            http: z
              .object({
                paths: z.array(
                  z.object({
                    path: z.string().nullish(),
                    pathType: z.enum(["Exact", "Prefix", "ImplementationSpecific"]).nullish(),
                    backend,
                  }),
                ),
              })
              .nullish(),
          }),
        )
        .nullish(),
      tls: z.array(z.object({ hosts: z.array(z.string()).nullish(), secretName: z.string().nullish() })).nullish(),
    })
    .nullish(),
});

const serviceSchema = z.object({
  metadata,
  spec: z
    .object({
      ports: z
        .array(z.object({ name: z.string().nullish(), port: z.number().int().min(1).max(65535), appProtocol: z.string().nullish() }))
        .nullish(),
    })
    .nullish(),
});

const ingressClassSchema = z.object({
  metadata,
  spec: z.object({ controller: z.string().nullish() }).nullish(),
});

function toBackend(raw: z.infer<typeof backend>, where: string): BackendInput {
  if (raw.service) return { type: "service", name: raw.service.name, port: raw.service.port?.number ?? raw.service.port?.name ?? null };
  if (raw.serviceName) return { type: "service", name: raw.serviceName, port: raw.servicePort ?? null };
  if (raw.resource) return { type: "resource", group: raw.resource.apiGroup ?? "", kind: raw.resource.kind, name: raw.resource.name };
  throw badInput(`${where}: a backend needs a service (name and port) or a resource.`, "manifests");
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join(".") || "(document)"}: ${issue.message}`;
}

/** Parses the manifests; throws BAD_USER_INPUT for anything it cannot read. */
export function readManifests(text: string): MigrationInput {
  if (text.length > MAX_INPUT_CHARS) throw badInput(`The manifests are ${text.length} characters long; at most ${MAX_INPUT_CHARS} are accepted.`, "manifests");
  if (text.trim() === "") throw badInput("The manifests are empty: paste one or more Ingress objects as YAML or JSON.", "manifests");
  // The same reader as manifest analysis: document, alias and nesting caps before any heavy work.
  const parsed = parseManifests(text);
  const problem = parsed.syntaxProblems[0];
  if (problem) {
    const at = problem.line === null ? "" : ` (line ${problem.line}, column ${problem.column})`;
    throw badInput(`document ${problem.documentIndex + 1} is not valid YAML${at}: ${problem.message}`, "manifests");
  }
  const objects = parsed.objects.map(({ documentIndex, pathPrefix, value }) => {
    const where = `document ${documentIndex + 1}${pathPrefix ? ` ${pathPrefix}` : ""}`;
    if (!isRecord(value)) throw badInput(`${where} is not a Kubernetes object (a mapping with apiVersion and kind).`, "manifests");
    return { value, where };
  });
  if (objects.length > MAX_DOCUMENTS) throw badInput(`The manifests hold ${objects.length} objects; at most ${MAX_DOCUMENTS} are accepted.`, "manifests");

  const ingresses: IngressInput[] = [];
  const services: ServiceInput[] = [];
  const ingressClasses: IngressClassInput[] = [];
  let skipped = 0;
  for (const [index, { value, where }] of objects.entries()) {
    if (value.kind === "Ingress") ingresses.push(readIngress(value, where, index));
    else if (value.kind === "Service" && value.apiVersion === "v1") services.push(readService(value, where));
    else if (value.kind === "IngressClass") ingressClasses.push(readIngressClass(value, where));
    else skipped++;
  }
  if (ingresses.length === 0) throw badInput("The manifests contain no Ingress; there is nothing to migrate.", "manifests");
  return { ingresses, services, ingressClasses, skipped };
}

function readIngress(value: Record<string, unknown>, where: string, index: number): IngressInput {
  const parsed = ingressSchema.safeParse(value);
  if (!parsed.success) throw badInput(`${where} (Ingress): ${issueText(parsed.error)}`, "manifests");
  const { apiVersion, metadata: meta, spec } = parsed.data;
  const label = `${where} (Ingress ${meta.name})`;
  const annotations = Object.entries(meta.annotations ?? {});
  const classAnnotation = annotations.find(([k]) => k === "kubernetes.io/ingress.class")?.[1];
  const defaultBackend = spec?.defaultBackend ?? spec?.backend;
  return {
    namespace: meta.namespace ?? "default",
    name: meta.name,
    apiVersion,
    className: spec?.ingressClassName ?? classAnnotation ?? null,
    annotations,
    defaultBackend: defaultBackend ? toBackend(defaultBackend, `${label} defaultBackend`) : null,
    rules: (spec?.rules ?? []).map((rule, r) => ({
      host: rule.host ? rule.host.toLowerCase() : null,
      paths: (rule.http?.paths ?? []).map((p, i) => ({
        path: p.path || "/",
        pathType: p.pathType ?? "ImplementationSpecific",
        backend: toBackend(p.backend, `${label} rules[${r}].http.paths[${i}].backend`),
      })),
    })),
    tls: (spec?.tls ?? []).map((t) => ({ hosts: (t.hosts ?? []).map((h) => h.toLowerCase()), secretName: t.secretName ?? null })),
    index,
  };
}

function readService(value: Record<string, unknown>, where: string): ServiceInput {
  const parsed = serviceSchema.safeParse(value);
  if (!parsed.success) throw badInput(`${where} (Service): ${issueText(parsed.error)}`, "manifests");
  const { metadata: meta, spec } = parsed.data;
  return {
    namespace: meta.namespace ?? "default",
    name: meta.name,
    ports: (spec?.ports ?? []).map((p) => ({ name: p.name ?? null, port: p.port, appProtocol: p.appProtocol ?? null })),
  };
}

function readIngressClass(value: Record<string, unknown>, where: string): IngressClassInput {
  const parsed = ingressClassSchema.safeParse(value);
  if (!parsed.success) throw badInput(`${where} (IngressClass): ${issueText(parsed.error)}`, "manifests");
  const { metadata: meta, spec } = parsed.data;
  return {
    name: meta.name,
    controller: spec?.controller ?? null,
    isDefault: meta.annotations?.["ingressclass.kubernetes.io/is-default-class"] === "true",
  };
}
