// A light view of the input's objects for the semantic and cross-object checks: identity, and for
// workloads the Pod template (labels, container ports, host networking).
import { isRecord } from "./parse.js";

export interface ObjectRecord {
  /** Position in the analysed objects. */
  readonly index: number;
  readonly documentIndex: number;
  /** Path prefix inside the document ("items[2]." for List items, else ""). */
  readonly at: string;
  readonly apiVersion: string | null;
  readonly group: string;
  readonly kind: string | null;
  readonly name: string | null;
  /** Null when the manifest does not say (kubectl applies it to the current namespace). */
  readonly namespace: string | null;
  readonly raw: Record<string, unknown> | null;
  readonly spec: Record<string, unknown>;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly template: PodTemplate | null;
}

export interface ContainerPort {
  readonly name: string | null;
  readonly containerPort: number | null;
  readonly protocol: string;
  readonly hostPort: number | null;
  readonly container: string;
}

export interface PodTemplate {
  readonly labels: Record<string, string>;
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  /** Path of the Pod spec inside the object, e.g. "spec.template.spec". */
  readonly specPath: string;
}

export const WORKLOAD_KINDS = new Set(["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController"]);

export const asRecord = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const asString = (value: unknown): string | null => (typeof value === "string" ? value : null);

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(value))) if (typeof v === "string") out[k] = v;
  return out;
}

function podTemplate(kind: string, raw: Record<string, unknown>): PodTemplate | null {
  let meta: Record<string, unknown>;
  let spec: Record<string, unknown>;
  let specPath: string;
  const s = asRecord(raw.spec);
  if (kind === "Pod") {
    meta = asRecord(raw.metadata);
    spec = s;
    specPath = "spec";
  } else if (kind === "CronJob") {
    const template = asRecord(asRecord(asRecord(s.jobTemplate).spec).template);
    meta = asRecord(template.metadata);
    spec = asRecord(template.spec);
    specPath = "spec.jobTemplate.spec.template.spec";
  } else {
    const template = asRecord(s.template);
    meta = asRecord(template.metadata);
    spec = asRecord(template.spec);
    specPath = "spec.template.spec";
  }
  const ports: ContainerPort[] = [];
  for (const list of ["containers", "initContainers"]) {
    for (const c of asArray(spec[list])) {
      const container = asRecord(c);
      // Init containers only count when they run for the Pod's life (sidecars, restartPolicy: Always).
      if (list === "initContainers" && container.restartPolicy !== "Always") continue;
      for (const p of asArray(container.ports)) {
        const port = asRecord(p);
        ports.push({
          name: asString(port.name),
          containerPort: typeof port.containerPort === "number" ? port.containerPort : null,
          protocol: asString(port.protocol) ?? "TCP",
          hostPort: typeof port.hostPort === "number" ? port.hostPort : null,
          container: asString(container.name) ?? "(unnamed)",
        });
      }
    }
  }
  return { labels: stringMap(meta.labels), ports, hostNetwork: spec.hostNetwork === true, specPath };
}

export function toRecord(index: number, documentIndex: number, pathPrefix: string, value: unknown): ObjectRecord {
  const raw = isRecord(value) ? value : null;
  const meta = asRecord(raw?.metadata);
  const apiVersion = asString(raw?.apiVersion);
  const kind = asString(raw?.kind);
  return {
    index,
    documentIndex,
    at: pathPrefix ? `${pathPrefix}.` : "",
    apiVersion,
    group: apiVersion?.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "",
    kind,
    name: asString(meta.name),
    namespace: asString(meta.namespace),
    raw,
    spec: asRecord(raw?.spec),
    labels: stringMap(meta.labels),
    annotations: stringMap(meta.annotations),
    template: raw && kind && WORKLOAD_KINDS.has(kind) ? podTemplate(kind, raw) : null,
  };
}

/** Two namespaces can be the same object's: equal, or one of them not written down. */
export const sameNamespace = (a: string | null, b: string | null) => a === null || b === null || a === b;

/** Label selector (matchLabels and matchExpressions, or a plain map for Services) against labels. */
export function selectorMatches(selector: Record<string, unknown>, labels: Record<string, string>, plainMap: boolean): boolean {
  if (plainMap) {
    for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false;
    return true;
  }
  for (const [k, v] of Object.entries(asRecord(selector.matchLabels))) if (labels[k] !== v) return false;
  for (const e of asArray(selector.matchExpressions)) {
    const expr = asRecord(e);
    const key = asString(expr.key) ?? "";
    const values = asArray(expr.values).map(String);
    const has = Object.hasOwn(labels, key);
    switch (expr.operator) {
      case "In":
        if (!has || !values.includes(labels[key]!)) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels[key]!)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export const describeSelector = (selector: Record<string, unknown>, plainMap: boolean): string => {
  const parts = plainMap
    ? Object.entries(selector).map(([k, v]) => `${k}=${String(v)}`)
    : [
        ...Object.entries(asRecord(selector.matchLabels)).map(([k, v]) => `${k}=${String(v)}`),
        ...asArray(selector.matchExpressions).map((e) => {
          const x = asRecord(e);
          return `${String(x.key)} ${String(x.operator)}${x.values ? ` (${asArray(x.values).join(", ")})` : ""}`;
        }),
      ];
  return parts.length ? parts.join(", ") : "everything";
};

export const objectLabel = (o: ObjectRecord) => `${o.kind ?? "object"} ${o.namespace ? `${o.namespace}/` : ""}${o.name ?? "(unnamed)"}`;
