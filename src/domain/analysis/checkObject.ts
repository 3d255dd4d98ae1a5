// Checks of one object on its own: what it is (apiVersion and kind, served at the target versions),
// its name and labels, its schema, and fields and annotations whose availability or deprecation
// depends on the version.
import { compareVersions, statusAt } from "../lifecycle.js";
import { serviceNameProblem } from "../serviceNames.js";
import type { AnalysisContext } from "./context.js";
import type { VersionedItem } from "./issues.js";
import { asArray, asRecord, type ObjectRecord } from "./model.js";
import { apiVersionsOfKind, schemaFor } from "./schemas.js";
import { applyDefaults, validateObject, type ValidationContext } from "./validate.js";

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Gateway API kinds and the concept whose lifecycle says from which release they are standard. */
const GATEWAY_KIND_CONCEPTS: Record<string, string> = {
  GatewayClass: "gateway-class",
  Gateway: "gateway",
  HTTPRoute: "httproute",
  GRPCRoute: "grpcroute",
  TLSRoute: "tlsroute",
  TCPRoute: "tcproute",
  UDPRoute: "udproute",
  ReferenceGrant: "reference-grant",
  BackendTLSPolicy: "backend-tls-policy",
  ListenerSet: "listener-set",
};

/**
 * Returns whether the object is of an apiVersion the target versions serve (or one the analysis
 * does not know, such as a ConfigMap), so the kind's own rules can run on it.
 */
export function checkObject(ctx: AnalysisContext, o: ObjectRecord, value: unknown, skippedCel: string[]): boolean {
  if (!o.raw) {
    ctx.report("not-an-object", o, null, { actual: Array.isArray(value) ? "a list" : value === null ? "null" : `a ${typeof value}` });
    return false;
  }
  if (!o.apiVersion || !o.kind) {
    ctx.report("missing-type-meta", o, o.apiVersion ? "kind" : "apiVersion", { field: o.apiVersion ? "kind" : "apiVersion" });
    return false;
  }
  checkName(ctx, o);
  checkLabels(ctx, o);
  const served = checkApiVersion(ctx, o);
  if (served === "schema") {
    checkSchema(ctx, o, skippedCel);
    checkVersionedItems(ctx, o);
  }
  return served !== "refused";
}

function checkName(ctx: AnalysisContext, o: ObjectRecord): void {
  const meta = asRecord(o.raw!.metadata);
  if (o.name === null) {
    if (typeof meta.generateName !== "string") ctx.report("missing-name", o, "metadata.name", {});
    return;
  }
  if (o.kind === "Service") {
    const problem = serviceNameProblem(o.name, ctx.kubernetesVersion);
    if (problem) ctx.report("invalid-service-name", o, "metadata.name", { name: o.name, detail: problem, version: ctx.kubernetesVersion });
  } else if (o.name.length > 253 || !DNS1123_SUBDOMAIN.test(o.name)) {
    ctx.report("invalid-object-name", o, "metadata.name", { name: o.name });
  }
  if (o.namespace !== null && (o.namespace.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(o.namespace))) {
    ctx.report("invalid-object-name", o, "metadata.namespace", { name: o.namespace });
  }
}

function labelProblem(key: string, value: string): string | null {
  const slash = key.lastIndexOf("/");
  const prefix = slash === -1 ? null : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== null && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) return `the key's prefix "${prefix}" is not a DNS subdomain`;
  if (name.length > 63 || !LABEL_NAME.test(name)) return `the key "${key}" is not a valid label name (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)`;
  if (value.length > 63 || !LABEL_VALUE.test(value)) return `the value "${value.slice(0, 70)}" is not a valid label value (at most 63 characters, letters, digits, '-', '_' or '.', starting and ending with a letter or digit)`;
  return null;
}

function checkLabels(ctx: AnalysisContext, o: ObjectRecord): void {
  const labelSets: [string, Record<string, unknown>][] = [["metadata.labels", asRecord(asRecord(o.raw!.metadata).labels)]];
  if (o.kind === "Service") labelSets.push(["spec.selector", asRecord(o.spec.selector)]);
  if (o.template && o.kind !== "Pod") labelSets.push([`${o.template.specPath.replace(/\.spec$/, "")}.metadata.labels`, o.template.labels]);
  for (const key of Object.keys(asRecord(asRecord(o.raw!.metadata).annotations))) {
    const problem = labelProblem(key, "");
    if (problem) ctx.report("invalid-label", o, `metadata.annotations.${key}`, { detail: `annotation keys follow the label key rules: ${problem}` });
  }
  for (const [path, labels] of labelSets) {
    for (const [key, value] of Object.entries(labels)) {
      if (typeof value !== "string") continue; // the schema check reports the type
      const problem = labelProblem(key, value);
      if (problem) ctx.report("invalid-label", o, `${path}.${key}`, { detail: problem });
    }
  }
}

/**
 * "schema" when the schemas define the apiVersion and kind; "refused" when the target version does
 * not serve them; "unchecked" for kinds the schemas do not cover and for older apiVersions still
 * served at the target version (the schemas hold only the current ones).
 */
function checkApiVersion(ctx: AnalysisContext, o: ObjectRecord): "schema" | "refused" | "unchecked" {
  const apiVersion = o.apiVersion!;
  const kind = o.kind!;
  for (const entry of ctx.rule("removed-api-version")?.apiVersions ?? []) {
    if (entry.apiVersion === apiVersion && entry.kinds.includes(kind) && entry.removedIn && compareVersions(ctx.kubernetesVersion, entry.removedIn) >= 0) {
      ctx.report("removed-api-version", o, "apiVersion", { kind, apiVersion, removedIn: entry.removedIn, version: ctx.kubernetesVersion, replacement: entry.replacement });
      return "refused";
    }
  }
  let listed = false;
  for (const entry of ctx.rule("deprecated-api-version")?.apiVersions ?? []) {
    if (entry.apiVersion !== apiVersion || !entry.kinds.includes(kind)) continue;
    listed = true;
    if (entry.deprecatedIn && compareVersions(ctx.kubernetesVersion, entry.deprecatedIn) >= 0) {
      ctx.report("deprecated-api-version", o, "apiVersion", { kind, apiVersion, deprecatedIn: `since Kubernetes ${entry.deprecatedIn}`, replacement: entry.replacement });
    }
  }
  const lookup = schemaFor(apiVersion, kind);
  if (!lookup) {
    if (listed) return "unchecked";
    const served = apiVersionsOfKind(kind);
    if (!served.length) return "unchecked";
    ctx.report("unknown-api-version", o, "apiVersion", { kind, apiVersion, served: served.join(", ") });
    return "refused";
  }
  if (lookup.source === "gateway") {
    const gw = lookup.kind;
    if (gw.channel === "experimental") {
      ctx.report(ctx.experimentalInUse ? "experimental-api-in-use" : "experimental-api", o, "apiVersion", { what: `${kind} ${apiVersion}` });
      if (!gw.servedExperimental) return "refused";
    } else {
      const concept = GATEWAY_KIND_CONCEPTS[kind];
      const lifecycle = concept ? ctx.knowledge.conceptsBySlug.get(concept)?.lifecycle : undefined;
      const standardSince = lifecycle?.stableIn;
      if (standardSince && compareVersions(ctx.gatewayApiVersion, standardSince) < 0) {
        ctx.report(ctx.experimentalInUse ? "experimental-api-in-use" : "experimental-api", o, "apiVersion", {
          what: `${kind} (standard only from Gateway API v${standardSince}; at v${ctx.gatewayApiVersion} it is experimental or absent)`,
        });
      } else if (lifecycle && statusAt(lifecycle, ctx.gatewayApiVersion) === null) {
        ctx.report("experimental-api", o, "apiVersion", { what: `${kind} (not in Gateway API v${ctx.gatewayApiVersion})` });
      }
    }
    if (gw.deprecated) ctx.report("deprecated-api-version", o, "apiVersion", { kind, apiVersion, deprecatedIn: "the Gateway API v1.6.1 CRDs mark this version deprecated", replacement: `${gw.group}/v1` });
  }
  return "schema";
}

function checkSchema(ctx: AnalysisContext, o: ObjectRecord, skippedCel: string[]): void {
  const lookup = schemaFor(o.apiVersion!, o.kind!)!;
  const validation: ValidationContext = {
    documentIndex: o.documentIndex,
    objectIndex: o.index,
    issues: [],
    skippedCel,
    experimental: [],
    gateway: lookup.source === "gateway",
  };
  const value = lookup.source === "gateway" ? (applyDefaults(lookup.schema, o.raw) as Record<string, unknown>) : o.raw!;
  validateObject(lookup.schema, value, validation, o.at.replace(/\.$/, ""));
  for (const issue of validation.issues) ctx.issues.push(issue.path === "" ? { ...issue, path: null } : issue);
  if (lookup.source === "gateway" && lookup.kind.channel === "standard") {
    for (const x of validation.experimental.slice(0, 5)) {
      ctx.report(ctx.experimentalInUse ? "experimental-api-in-use" : "experimental-api", o, x.path, { what: x.what });
    }
  }
}

/** Values at a dotted path with `[]` for list items, with their concrete paths. */
export function valuesAt(root: unknown, path: string): [string, unknown][] {
  let current: [string, unknown][] = [["", root]];
  for (const segment of path.split(".")) {
    const list = segment.endsWith("[]");
    const key = list ? segment.slice(0, -2) : segment;
    const next: [string, unknown][] = [];
    for (const [p, v] of current) {
      const child = asRecord(v)[key];
      if (child === undefined) continue;
      const childPath = p ? `${p}.${key}` : key;
      if (list) asArray(child).forEach((item, i) => next.push([`${childPath}[${i}]`, item]));
      else next.push([childPath, child]);
    }
    current = next;
  }
  return current;
}

function annotationMatches(pattern: string, key: string): boolean {
  return pattern.endsWith("*") ? key.startsWith(pattern.slice(0, -1)) : key === pattern;
}

function checkVersionedItems(ctx: AnalysisContext, o: ObjectRecord): void {
  const kind = o.kind!;
  const visit = (ruleId: string, fn: (item: VersionedItem, path: string, value: unknown) => void) => {
    for (const item of ctx.rule(ruleId)?.items ?? []) {
      if (!item.kinds.includes(kind)) continue;
      if (item.annotation) {
        for (const [key, value] of Object.entries(o.annotations)) if (annotationMatches(item.annotation, key)) fn(item, `metadata.annotations.${key}`, value);
      } else if (item.path) {
        for (const [path, value] of valuesAt(o.raw, item.path)) {
          if (item.value === undefined || value === item.value) fn(item, path, value);
        }
      }
    }
  };
  visit("field-not-available", (item, path, value) => {
    if (ctx.itemStatus(item) === "unavailable") {
      ctx.report("field-not-available", o, path, {
        field: item.value ? `${path}: ${item.value}` : path,
        since: ctx.itemVersion(item, "introduced"),
        version: ctx.kubernetesVersion,
      });
    }
    void value;
  });
  visit("deprecated-field", (item, path) => {
    if (ctx.itemStatus(item) === "deprecated") {
      ctx.report("deprecated-field", o, path, { field: item.value ? `${path}: ${item.value}` : path, since: ctx.itemVersion(item, "deprecated"), replacement: item.replacement ?? "" });
    }
  });
  visit("deprecated-annotation", (item, path) => {
    if (ctx.itemStatus(item) === "deprecated") {
      ctx.report("deprecated-annotation", o, path, { annotation: path.slice("metadata.annotations.".length), since: ctx.itemVersion(item, "deprecated"), replacement: item.replacement ?? "" });
    }
  });
  // Gateway API fields standard only from a later release than the target one.
  visit("experimental-api", (item, path) => {
    const lifecycle = item.concept ? ctx.knowledge.conceptsBySlug.get(item.concept)?.lifecycle : undefined;
    if (!lifecycle || lifecycle.track !== "GATEWAY_API") return;
    const status = statusAt(lifecycle, ctx.gatewayApiVersion);
    if (status === "GA" || status === "DEPRECATED") return;
    ctx.report(ctx.experimentalInUse ? "experimental-api-in-use" : "experimental-api", o, path, {
      what: `${item.value ? `${path}: ${item.value}` : path} (standard only from Gateway API v${lifecycle.stableIn ?? "?"}; at v${ctx.gatewayApiVersion} it is experimental or absent)`,
    });
  });
  visit("invalid-enum-value", (item, path, value) => {
    if (typeof value === "string" && item.allowed && !item.allowed.includes(value)) {
      ctx.report("invalid-enum-value", o, path, { path, value, allowed: item.allowed.join(", ") });
    }
  });
}
