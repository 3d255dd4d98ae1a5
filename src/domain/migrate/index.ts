// migrateIngress: Ingress manifests (ingress-nginx first) to Gateway API manifests, with one
// mapping row per annotation and warnings for the ingress-nginx behaviours that change.
import { badInput } from "../errors.js";
import type { KnowledgeSnapshot, Source } from "../knowledge.js";
import { toYaml } from "../recommend/yaml.js";
import { AnnotationRules, type AnnotationMapping } from "./annotations.js";
import { Converter, TooManyListeners, type IngressPlan, type MigrationOptions, type RaisedWarning } from "./convert.js";
import { readManifests, type IngressInput, type IngressClassInput } from "./input.js";
import type { ManifestObject } from "./objects.js";
import type { AnnotationRule, BehaviourNote, MigrationOutcome } from "./rules.js";
import { TRANSFORMS, newFeatures, type IngressFeatures } from "./transforms.js";

export type { AnnotationMapping } from "./annotations.js";
export type { MigrationOptions } from "./convert.js";
export type { ManifestObject } from "./objects.js";
export { MAX_DOCUMENTS, MAX_INPUT_CHARS } from "./input.js";

export interface IngressMigration {
  /** Multi-document YAML of the Gateway API objects. */
  readonly manifests: string;
  readonly annotations: readonly AnnotationMapping[];
  readonly warnings: readonly string[];
  readonly summary: string;
  /** The same objects as `manifests`, for callers that want them structured. */
  readonly objects: readonly ManifestObject[];
}

const NGINX_CONTROLLER = "k8s.io/ingress-nginx";
const NGINX_PREFIX = "nginx.ingress.kubernetes.io/";
/** ingress-nginx's class is `nginx` by default; installs that rename it usually keep "nginx" in the name. */
const NGINX_CLASS_NAME = /nginx/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function checkOptions(options: MigrationOptions): void {
  const check = (value: string | null | undefined, field: string, re: RegExp, max: number, what: string) => {
    if (value !== undefined && value !== null && (value.length > max || !re.test(value))) throw badInput(`"${value}" is not a valid ${what}.`, `options.${field}`);
  };
  check(options.gatewayName, "gatewayName", DNS_SUBDOMAIN, 253, "Gateway name (a lowercase DNS name)");
  check(options.gatewayNamespace, "gatewayNamespace", DNS_LABEL, 63, "namespace (a lowercase DNS label)");
  check(options.gatewayClassName, "gatewayClassName", DNS_SUBDOMAIN, 253, "GatewayClass name (a lowercase DNS name)");
}

interface Classified {
  readonly className: string;
  readonly nginx: boolean;
  readonly assumed: boolean;
}

function classify(ing: IngressInput, classes: readonly IngressClassInput[]): Classified {
  const className = ing.className ?? classes.find((c) => c.isDefault)?.name ?? null;
  const hasNginxAnnotations = ing.annotations.some(([k]) => k.startsWith(NGINX_PREFIX));
  if (className === null) return { className: "nginx", nginx: true, assumed: true };
  const declared = classes.find((c) => c.name === className);
  if (declared?.controller) return { className, nginx: declared.controller === NGINX_CONTROLLER, assumed: false };
  // F5's NGINX Ingress Controller also defaults to class nginx but reads nginx.org/ annotations.
  const f5Only = ing.annotations.some(([k]) => k.startsWith("nginx.org/")) && !hasNginxAnnotations;
  return { className, nginx: !f5Only && NGINX_CLASS_NAME.test(className), assumed: false };
}

export function migrateIngress(manifests: string, options: MigrationOptions | null | undefined, knowledge: KnowledgeSnapshot): IngressMigration {
  const opts = options ?? {};
  checkOptions(opts);
  const input = readManifests(manifests);
  const entries = knowledge.documents.ingressMigration;
  const rules = new AnnotationRules(entries.filter((e): e is AnnotationRule => e.kind === "ANNOTATION"));
  const notes = new Map(entries.filter((e): e is BehaviourNote => e.kind === "BEHAVIOUR").map((e) => [e.id, e]));
  const allowExperimental = opts.allowExperimental === true;

  // 1. Classify and read the annotations into features.
  const invalid = new Map<IngressInput, Set<string>>();
  const classes = new Map<IngressInput, Classified>();
  const plans: IngressPlan[] = input.ingresses.map((ing) => {
    const c = classify(ing, input.ingressClasses);
    classes.set(ing, c);
    const features = newFeatures();
    const bad = new Set<string>();
    if (c.nginx) {
      for (const [key, value] of ing.annotations) {
        const rule = rules.find("INGRESS_NGINX", key);
        if (rule.transform && !TRANSFORMS[rule.transform].parse(value, features, key)) bad.add(key);
      }
    }
    invalid.set(ing, bad);
    return { ingress: ing, nginx: c.nginx, features, gatewayKey: opts.gatewayName || c.className, mainFound: false };
  });

  // 2. ingress-nginx turns every path of a host into a case-insensitive regex when any of its
  // (non-canary) Ingresses for that host sets use-regex or rewrite-target.
  const regexHosts = new Set<string>();
  const regexCause = new Map<string, { ingress: string; cause: "use-regex" | "rewrite-target" }>();
  for (const plan of plans) {
    if (!plan.nginx || plan.features.canary) continue;
    const cause = plan.features.useRegex ? "use-regex" : plan.features.rewriteTarget ? "rewrite-target" : null;
    if (!cause) continue;
    for (const rule of plan.ingress.rules) {
      if (!rule.host) continue;
      regexHosts.add(rule.host);
      if (!regexCause.has(rule.host)) regexCause.set(rule.host, { ingress: `${plan.ingress.namespace}/${plan.ingress.name}`, cause });
    }
  }

  // 3. Convert: main Ingresses first, then canaries join them.
  const converter = new Converter(input, opts, regexHosts);
  converter.planGateways(plans, (p) => classes.get(p.ingress)!.className);
  for (const plan of plans) {
    const c = classes.get(plan.ingress)!;
    const where = `${plan.ingress.namespace}/${plan.ingress.name}`;
    if (c.assumed) converter.warn("no-ingress-class", { ingress: where });
    if (!c.nginx) converter.warn("other-controller", { ingress: where, class: c.className });
    if (plan.ingress.apiVersion !== "networking.k8s.io/v1") converter.warn("ingress-removed-api", { ingress: where, detail: plan.ingress.apiVersion });
    if (!(plan.nginx && plan.features.canary)) converter.addIngress(plan, allowExperimental);
  }
  for (const plan of plans) if (plan.nginx && plan.features.canary) converter.addCanary(plan, allowExperimental);
  for (const [host, { ingress, cause }] of regexCause) {
    if (converter.regexMatchHosts.has(host)) converter.warn("regex-prefix-case-insensitive", { host, ingress });
    const others = plans.filter((p) => p.nginx && `${p.ingress.namespace}/${p.ingress.name}` !== ingress && p.ingress.rules.some((r) => r.host === host));
    if (others.length) converter.warn("regex-host-wide", { host, ingress, detail: others.map((p) => `${p.ingress.namespace}/${p.ingress.name}`).join(", ") });
    if (cause === "rewrite-target") converter.warn("rewrite-implies-regex", { host, ingress });
  }
  if (plans.some((p) => p.nginx && !p.features.sslPassthrough)) converter.warn("url-normalisation");

  let objects: ManifestObject[];
  try {
    objects = converter.objects();
  } catch (error) {
    if (error instanceof TooManyListeners) throw badInput(`${error.message} Split the manifests, or name one Gateway per team with options.gatewayName.`, "manifests");
    throw error;
  }

  // 4. One mapping row per annotation, with the variant its transform reports.
  const raised: RaisedWarning[] = [...converter.warnings];
  const annotations: AnnotationMapping[] = [];
  for (const plan of plans) {
    const ing = plan.ingress;
    const where = `${ing.namespace}/${ing.name}`;
    const c = classes.get(ing)!;
    const hosts = ing.rules.map((r) => r.host).filter((h): h is string => h !== null);
    for (const [key, value] of ing.annotations) {
      let rule = rules.find(c.nginx ? "INGRESS_NGINX" : "OTHER_CONTROLLER", key);
      if (c.nginx && plan.features.canary && plan.mainFound && !rule.onCanary) rule = rules.find("CANARY", key);
      let variant: string | undefined;
      if (c.nginx && rule.transform) {
        variant = invalid.get(ing)!.has(key)
          ? "invalid"
          : TRANSFORMS[rule.transform].variant?.(plan.features as IngressFeatures, {
              hasTls: converterHasTls(ing),
              regexHost: hosts.some((h) => regexHosts.has(h)),
              mainIngressFound: plan.mainFound,
              allowExperimental,
              paths: ing.rules.flatMap((r) => r.paths.map((p) => p.path)),
            });
      }
      const resolved = rules.resolve(rule, value, variant);
      const fill = (text: string) => fillPlaceholders(text, { ingress: where, value, host: hosts[0] ?? "(any host)", class: c.className });
      const note = resolved.nearest ? `${fill(resolved.note)} Nearest option: ${fill(resolved.nearest)}` : fill(resolved.note);
      annotations.push({
        ingress: where,
        annotation: key,
        value,
        outcome: resolved.outcome,
        gatewayField: resolved.gatewayField ?? null,
        note,
        sources: resolved.sources.map((id) => knowledge.sourcesById.get(id)).filter((s): s is Source => s !== undefined),
      });
      for (const id of resolved.behaviours) raised.push({ id, values: { ingress: where, value, host: hosts[0] ?? "(any host)" } });
    }
  }

  const warnings = [...new Set(raised.map((w) => warningText(w, notes, knowledge)))];
  const manifestsText = objects.map((o) => toYaml(o as unknown as Record<string, unknown>)).join("---\n");
  return { manifests: manifestsText, annotations, warnings, summary: summarize(plans, objects, annotations, warnings), objects };
}

function converterHasTls(ing: IngressInput): boolean {
  return ing.tls.some((t) => t.secretName);
}

function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (all, name: string) => values[name] ?? all);
}

function warningText(w: RaisedWarning, notes: ReadonlyMap<string, BehaviourNote>, knowledge: KnowledgeSnapshot): string {
  const note = notes.get(w.id);
  if (!note) throw new Error(`behaviour note ${w.id} is missing from the knowledge base`);
  const url = knowledge.sourcesById.get(note.sources[0]!)?.url;
  return `${fillPlaceholders(note.text, w.values)} After the switch: ${fillPlaceholders(note.check, w.values)}${url ? ` (${url})` : ""}`;
}

function summarize(plans: readonly IngressPlan[], objects: readonly ManifestObject[], annotations: readonly AnnotationMapping[], warnings: readonly string[]): string {
  const count = (kind: string) => objects.filter((o) => o.kind === kind).length;
  const kinds = (["Gateway", "HTTPRoute", "GRPCRoute", "TLSRoute", "BackendTLSPolicy", "ReferenceGrant"] as const)
    .map((k) => [k, count(k)] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}${n === 1 ? "" : "s"}`);
  const nginx = plans.filter((p) => p.nginx).length;
  const outcomes = (["TRANSLATED", "PARTIAL", "NOT_TRANSLATED", "IGNORED"] as MigrationOutcome[])
    .map((o) => [o, annotations.filter((a) => a.outcome === o).length] as const)
    .filter(([, n]) => n > 0)
    .map(([o, n]) => `${n} ${o.toLowerCase().replace("_", " ")}`);
  const ingresses = `${plans.length} Ingress${plans.length === 1 ? "" : "es"}${nginx === plans.length ? "" : ` (${nginx} ingress-nginx, ${plans.length - nginx} of other controllers)`}`;
  return [
    `Converted ${ingresses} into ${kinds.join(", ") || "no objects"}.`,
    annotations.length ? `Annotations: ${outcomes.join(", ")}.` : "No annotations to map.",
    warnings.length ? `Review ${warnings.length} warning${warnings.length === 1 ? "" : "s"} before switching traffic, and test the routes against the new Gateway first.` : "Test the routes against the new Gateway before switching traffic.",
  ].join(" ");
}
