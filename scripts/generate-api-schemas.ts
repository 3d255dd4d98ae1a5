// Generates the compact API schemas that manifest analysis validates against
// (src/domain/analysis/generated/*.json) from the official definitions in ../shared/specs/:
// the Kubernetes 1.36 OpenAPI v2 document and the Gateway API v1.6.1 CRDs (standard and
// experimental channels). Run by hand when the specs change: `npx tsx scripts/generate-api-schemas.ts [specsDir]`.
// The output is committed; tests and installs never regenerate it (CI has no specs folder).
//
// Kept: structure, types, formats, enums, limits, required, defaults, list types and the CRDs'
// CEL rules (x-kubernetes-validations). Dropped: descriptions. Gateway API fields, enum values,
// kinds and versions that exist only in the experimental channel are marked `x` / `xe`.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import type { CompactSchema, GatewaySchemaFile, KubernetesSchemaFile } from "../src/domain/analysis/schemaTypes.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SPECS = path.resolve(process.argv[2] ?? path.join(ROOT, "..", "shared", "specs"));
const OUT = path.join(ROOT, "src", "domain", "analysis", "generated");

/** The built-in kinds analysis validates: networking objects and the workloads that carry Pod labels and ports. */
const KUBERNETES_KINDS: readonly [apiVersion: string, kind: string][] = [
  ["v1", "Service"],
  ["v1", "Endpoints"],
  ["v1", "Pod"],
  ["v1", "Namespace"],
  ["discovery.k8s.io/v1", "EndpointSlice"],
  ["networking.k8s.io/v1", "Ingress"],
  ["networking.k8s.io/v1", "IngressClass"],
  ["networking.k8s.io/v1", "NetworkPolicy"],
  ["networking.k8s.io/v1", "ServiceCIDR"],
  ["networking.k8s.io/v1", "IPAddress"],
  ["apps/v1", "Deployment"],
  ["apps/v1", "StatefulSet"],
  ["apps/v1", "DaemonSet"],
  ["apps/v1", "ReplicaSet"],
  ["batch/v1", "Job"],
  ["batch/v1", "CronJob"],
];

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

type Json = Record<string, unknown>;

// ---- Kubernetes OpenAPI v2 ------------------------------------------------------------------

function compactOpenApi(node: Json): CompactSchema {
  const out: CompactSchema = {};
  if (typeof node.$ref === "string") return { ref: node.$ref.replace("#/definitions/", "") };
  const type = node.type as string | undefined;
  const format = node.format as string | undefined;
  if (format === "int-or-string") return { t: "is" };
  if (type === "object" || node.properties) {
    out.t = "o";
    if (node.properties) out.p = Object.fromEntries(Object.entries(node.properties as Record<string, Json>).map(([k, v]) => [k, compactOpenApi(v)]));
    if (node.additionalProperties) out.ap = compactOpenApi(node.additionalProperties as Json);
    if (!node.properties && !node.additionalProperties) out.t = "*";
    if (Array.isArray(node.required) && node.required.length) out.r = node.required as string[];
  } else if (type === "array") {
    out.t = "a";
    if (node.items) out.it = compactOpenApi(node.items as Json);
    if (node["x-kubernetes-list-type"]) out.lt = node["x-kubernetes-list-type"] as string;
    if (node["x-kubernetes-list-map-keys"]) out.lk = node["x-kubernetes-list-map-keys"] as string[];
  } else if (type === "string") out.t = "s";
  else if (type === "integer") out.t = "i";
  else if (type === "number") out.t = "n";
  else if (type === "boolean") out.t = "b";
  else out.t = "*";
  if (format && format !== "int-or-string") out.f = format;
  return out;
}

function generateKubernetes(): KubernetesSchemaFile {
  const file = path.join(SPECS, "kubernetes-1.36-openapi-v2.json");
  const text = readFileSync(file, "utf8");
  const doc = JSON.parse(text) as { definitions: Record<string, Json> };
  const byGvk = new Map<string, string>();
  for (const [name, def] of Object.entries(doc.definitions)) {
    for (const gvk of (def["x-kubernetes-group-version-kind"] as { group: string; version: string; kind: string }[] | undefined) ?? []) {
      byGvk.set(`${gvk.group ? `${gvk.group}/` : ""}${gvk.version}/${gvk.kind}`, name);
    }
  }
  const kinds: Record<string, string> = {};
  const queue: string[] = ["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"];
  for (const [apiVersion, kind] of KUBERNETES_KINDS) {
    const name = byGvk.get(`${apiVersion}/${kind}`);
    if (!name) throw new Error(`${apiVersion} ${kind} is not in the OpenAPI document`);
    kinds[`${apiVersion}/${kind}`] = name;
    queue.push(name);
  }
  const definitions: Record<string, CompactSchema> = {};
  while (queue.length) {
    const name = queue.pop()!;
    if (definitions[name]) continue;
    const def = doc.definitions[name];
    if (!def) throw new Error(`missing definition ${name}`);
    // Quantity is declared a string in OpenAPI v2, but the API server also reads JSON numbers
    // (`cpu: 1`); the v3 document says so with x-kubernetes-int-or-string.
    definitions[name] = name === "io.k8s.apimachinery.pkg.api.resource.Quantity" ? { t: "is", f: "quantity" } : compactOpenApi(def);
    JSON.stringify(def, (key, value: unknown) => {
      if (key === "$ref" && typeof value === "string") queue.push(value.replace("#/definitions/", ""));
      return value;
    });
  }
  return {
    source: { document: "kubernetes-1.36-openapi-v2.json", release: "Kubernetes 1.36 (python client v36.0.3, swagger.json.unprocessed)", sha256: sha256(text) },
    kubernetesVersion: "1.36",
    kinds,
    objectMeta: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
    definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))),
  };
}

// ---- Gateway API CRDs ----------------------------------------------------------------------

function compactCrd(node: Json): CompactSchema {
  const out: CompactSchema = {};
  const type = node.type as string | undefined;
  if (node["x-kubernetes-int-or-string"]) out.t = "is";
  else if (type === "object") out.t = node.properties || node.additionalProperties ? "o" : "*";
  else if (type === "array") out.t = "a";
  else if (type === "string") out.t = "s";
  else if (type === "integer") out.t = "i";
  else if (type === "number") out.t = "n";
  else if (type === "boolean") out.t = "b";
  else out.t = "*";
  if (node.properties) out.p = Object.fromEntries(Object.entries(node.properties as Record<string, Json>).map(([k, v]) => [k, compactCrd(v)]));
  if (node.additionalProperties && typeof node.additionalProperties === "object") out.ap = compactCrd(node.additionalProperties as Json);
  if (node["x-kubernetes-preserve-unknown-fields"]) out.pu = true;
  if (node.items) out.it = compactCrd(node.items as Json);
  if (Array.isArray(node.required) && node.required.length) out.r = node.required as string[];
  if (Array.isArray(node.enum)) out.e = node.enum as (string | number)[];
  if (typeof node.format === "string") out.f = node.format;
  if (typeof node.pattern === "string") out.pat = node.pattern;
  for (const [from, to] of [
    ["minimum", "min"],
    ["maximum", "max"],
    ["minLength", "minL"],
    ["maxLength", "maxL"],
    ["minItems", "minI"],
    ["maxItems", "maxI"],
    ["minProperties", "minP"],
    ["maxProperties", "maxP"],
  ] as const) {
    if (typeof node[from] === "number") out[to] = node[from] as number;
  }
  if (node.exclusiveMinimum === true) out.xmin = true;
  if (node.exclusiveMaximum === true) out.xmax = true;
  if (node.default !== undefined) out.d = node.default;
  if (node.nullable) out.nul = true;
  if (node["x-kubernetes-list-type"]) out.lt = node["x-kubernetes-list-type"] as string;
  if (node["x-kubernetes-list-map-keys"]) out.lk = node["x-kubernetes-list-map-keys"] as string[];
  const rules = node["x-kubernetes-validations"] as { rule: string; message?: string; messageExpression?: string; fieldPath?: string; reason?: string; optionalOldSelf?: boolean }[] | undefined;
  if (rules?.length) {
    out.cel = rules.map((r) => ({
      rule: r.rule,
      ...(r.message ? { message: r.message } : {}),
      ...(r.messageExpression ? { messageExpression: r.messageExpression } : {}),
      ...(r.fieldPath ? { fieldPath: r.fieldPath } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.optionalOldSelf ? { optionalOldSelf: true } : {}),
    }));
  }
  return out;
}

/** Marks in `experimental` what the standard schema lacks: fields (x) and enum values (xe). */
function markExperimental(experimental: CompactSchema, standard: CompactSchema | undefined): CompactSchema {
  if (!standard) return { ...experimental, x: true };
  const out: CompactSchema = { ...experimental };
  if (experimental.p) out.p = Object.fromEntries(Object.entries(experimental.p).map(([k, v]) => [k, markExperimental(v, standard.p?.[k])]));
  if (experimental.it) out.it = markExperimental(experimental.it, standard.it);
  if (experimental.ap) out.ap = markExperimental(experimental.ap, standard.ap);
  if (experimental.e && standard.e) {
    const extra = experimental.e.filter((v) => !standard.e!.includes(v));
    if (extra.length) out.xe = extra;
  }
  return out;
}

interface CrdVersion {
  readonly name: string;
  readonly served: boolean;
  readonly storage: boolean;
  readonly deprecated?: boolean;
  readonly deprecationWarning?: string;
  readonly schema: { openAPIV3Schema: Json };
}

function readCrds(channel: "standard" | "experimental", dir: string) {
  const crds = new Map<string, { group: string; kind: string; plural: string; versions: CrdVersion[] }>();
  const hashes: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) {
    if (!file.startsWith(`${channel}-`) || !file.endsWith(".yaml") || file.includes("kustomization")) continue;
    const text = readFileSync(path.join(dir, file), "utf8");
    hashes[file] = sha256(text);
    for (const doc of parseAllDocuments(text)) {
      const crd = doc.toJS() as { kind: string; spec: { group: string; names: { kind: string; plural: string }; versions: CrdVersion[] } };
      if (crd.kind !== "CustomResourceDefinition") continue;
      crds.set(`${crd.spec.group}/${crd.spec.names.kind}`, { group: crd.spec.group, kind: crd.spec.names.kind, plural: crd.spec.names.plural, versions: crd.spec.versions });
    }
  }
  return { crds, hashes };
}

function generateGateway(): GatewaySchemaFile {
  const dir = path.join(SPECS, "gateway-api-v1.6.1");
  const standard = readCrds("standard", dir);
  const experimental = readCrds("experimental", dir);
  const kinds: GatewaySchemaFile["kinds"] = {};
  for (const [key, exp] of experimental.crds) {
    const std = standard.crds.get(key);
    for (const version of exp.versions) {
      const stdVersion = std?.versions.find((v) => v.name === version.name);
      const schema = compactCrd(version.schema.openAPIV3Schema);
      const stdSchema = stdVersion ? compactCrd(stdVersion.schema.openAPIV3Schema) : undefined;
      kinds[`${exp.group}/${version.name}/${exp.kind}`] = {
        group: exp.group,
        version: version.name,
        kind: exp.kind,
        plural: exp.plural,
        // A version the standard channel carries but does not serve counts as experimental-only.
        channel: stdVersion?.served ? "standard" : "experimental",
        servedExperimental: version.served,
        storage: version.storage,
        deprecated: Boolean(version.deprecated || stdVersion?.deprecated),
        schema: stdSchema && stdVersion?.served ? markExperimental(schema, stdSchema) : schema,
      };
    }
  }
  return {
    source: { release: "Gateway API v1.6.1", files: { ...standard.hashes, ...experimental.hashes } },
    gatewayApiVersion: "1.6.1",
    kinds: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b))),
  };
}

mkdirSync(OUT, { recursive: true });
const kubernetes = generateKubernetes();
const gateway = generateGateway();
writeFileSync(path.join(OUT, "kubernetes-1.36.json"), `${JSON.stringify(kubernetes)}\n`);
writeFileSync(path.join(OUT, "gateway-api-v1.6.1.json"), `${JSON.stringify(gateway)}\n`);
const celCount = (s: CompactSchema): number =>
  (s.cel?.length ?? 0) + Object.values(s.p ?? {}).reduce((n, v) => n + celCount(v), 0) + (s.it ? celCount(s.it) : 0) + (s.ap ? celCount(s.ap) : 0);
console.log(
  `kubernetes: ${Object.keys(kubernetes.kinds).length} kinds, ${Object.keys(kubernetes.definitions).length} definitions; ` +
    `gateway api: ${Object.keys(gateway.kinds).length} kind versions, ${Object.values(gateway.kinds).reduce((n, k) => n + celCount(k.schema), 0)} CEL rules`,
);
