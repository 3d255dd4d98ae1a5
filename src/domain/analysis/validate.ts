// Schema validation of one object against the compact API schema, as the API server does with
// `kubectl --validate=strict`: unknown fields, wrong types, missing required fields, enum values,
// formats, limits and patterns, then the CRD's CEL rules on the defaulted object.
import { evaluateRule } from "./cel.js";
import type { Issue } from "./issues.js";
import { OBJECT_META, resolve } from "./schemas.js";
import type { CompactSchema } from "./schemaTypes.js";

export interface ValidationContext {
  readonly documentIndex: number;
  readonly objectIndex: number;
  readonly issues: Issue[];
  /** CEL rules that could not be evaluated on this input (reported in the summary, never as passing). */
  readonly skippedCel: string[];
  /** Experimental-only fields and values found (path and what). */
  readonly experimental: { path: string; what: string }[];
  readonly gateway: boolean;
}

const MAX_ISSUES_PER_OBJECT = 50;

const TYPE_NAMES: Record<string, string> = { o: "an object", a: "a list", s: "a string", i: "an integer", n: "a number", b: "a boolean (true or false)", is: "a number or a string" };

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  if (typeof value === "boolean") return "a boolean";
  return `a ${typeof value}`;
}

/** Kubernetes resource quantities: a signed decimal number with an optional binary, decimal or exponent suffix. */
const QUANTITY = /^[+-]?(\d+\.?\d*|\.\d+)([KMGTPE]i|[mkMGTPE]|[eE][+-]?\d+)?$/;

const patternCache = new Map<string, RegExp | null>();
function pattern(source: string): RegExp | null {
  let re = patternCache.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, "u");
    } catch {
      re = null;
    }
    patternCache.set(source, re);
  }
  return re;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const show = (value: unknown) => {
  const text = typeof value === "string" ? `"${value}"` : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Fills in schema defaults for absent fields, as the API server does before validating a custom resource. */
export function applyDefaults(schema: CompactSchema, value: unknown): unknown {
  const s = resolve(schema);
  if (Array.isArray(value)) return s.it ? value.map((v) => applyDefaults(s.it!, v)) : value;
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (!s.p && !s.ap) return value;
  const out: Record<string, unknown> = { ...obj };
  if (s.p) {
    for (const [key, child] of Object.entries(s.p)) {
      if (out[key] === undefined && child.d !== undefined) out[key] = structuredClone(child.d);
      if (out[key] !== undefined) out[key] = applyDefaults(child, out[key]);
    }
  }
  if (s.ap) for (const key of Object.keys(out)) if (!s.p?.[key]) out[key] = applyDefaults(s.ap, out[key]);
  return out;
}

export function validateObject(root: CompactSchema, value: Record<string, unknown>, ctx: ValidationContext, pathPrefix: string): void {
  const s = resolve(root);
  // Every object's metadata is ObjectMeta, whatever the CRD says (its schema only says "object").
  const withMeta: CompactSchema = { ...s, p: { ...s.p, metadata: OBJECT_META } };
  walk(withMeta, value, pathPrefix, ctx);
}

function report(ctx: ValidationContext, rule: string, path: string, params: Record<string, string | number>): void {
  if (ctx.issues.length >= MAX_ISSUES_PER_OBJECT) return;
  ctx.issues.push({ rule, documentIndex: ctx.documentIndex, objectIndex: ctx.objectIndex, path, params });
}

function walk(schema: CompactSchema, value: unknown, path: string, ctx: ValidationContext): void {
  const s = resolve(schema);
  if (s.x) ctx.experimental.push({ path, what: `the field ${path}` });
  // null means "not set": the API server decodes it as an absent field (generated manifests carry
  // `creationTimestamp: null`), and prunes it from custom resources unless the field is nullable.
  if (value === null) return;
  switch (s.t) {
    case "o":
      if (typeof value !== "object" || Array.isArray(value)) return report(ctx, "schema-wrong-type", path, { path, expected: "an object", actual: typeOf(value) });
      walkObject(s, value as Record<string, unknown>, path, ctx);
      break;
    case "a":
      if (!Array.isArray(value)) return report(ctx, "schema-wrong-type", path, { path, expected: "a list", actual: typeOf(value) });
      if (s.minI !== undefined && value.length < s.minI) report(ctx, "schema-limit", path, { path, limit: `at least ${s.minI} item(s)`, actual: `${value.length}` });
      if (s.maxI !== undefined && value.length > s.maxI) report(ctx, "schema-limit", path, { path, limit: `at most ${s.maxI} item(s)`, actual: `${value.length}` });
      if (s.lt === "set") checkUniqueItems(value, path, ctx);
      if (s.lt === "map" && s.lk) checkUniqueKeys(value, s.lk, path, ctx);
      if (s.it) value.forEach((item, i) => walk(s.it!, item, `${path}[${i}]`, ctx));
      break;
    case "s":
      if (typeof value !== "string") return report(ctx, "schema-wrong-type", path, { path, expected: "a string", actual: typeOf(value) });
      checkString(s, value, path, ctx);
      break;
    case "i":
      if (typeof value !== "number" || !Number.isInteger(value)) return report(ctx, "schema-wrong-type", path, { path, expected: "an integer", actual: typeOf(value) });
      checkNumber(s, value, path, ctx);
      break;
    case "n":
      if (typeof value !== "number") return report(ctx, "schema-wrong-type", path, { path, expected: "a number", actual: typeOf(value) });
      checkNumber(s, value, path, ctx);
      break;
    case "b":
      if (typeof value !== "boolean") return report(ctx, "schema-wrong-type", path, { path, expected: "a boolean (true or false)", actual: typeOf(value) });
      break;
    case "is":
      if (typeof value === "number") {
        if (!Number.isInteger(value) && s.f !== "quantity") report(ctx, "schema-wrong-type", path, { path, expected: "an integer or a string", actual: typeOf(value) });
        else checkNumber(s, value, path, ctx);
      } else if (typeof value === "string") checkString(s, value, path, ctx);
      else report(ctx, "schema-wrong-type", path, { path, expected: "an integer or a string", actual: typeOf(value) });
      break;
    default:
      break;
  }
  if (s.cel) {
    for (const rule of s.cel) {
      const outcome = evaluateRule(rule, value);
      if (outcome.kind === "fail") {
        const where = rule.fieldPath ? `${path}${rule.fieldPath}` : path;
        report(ctx, "schema-cel-rule", where, { path: where || "the object", detail: (rule.message ?? `the rule ${rule.rule} does not hold`).replace(/\.$/, "") });
      } else if (outcome.kind === "skipped" && !outcome.reason.startsWith("transition")) {
        ctx.skippedCel.push(`${path}: ${rule.rule} (${outcome.reason})`);
      }
    }
  }
}

function walkObject(s: CompactSchema, obj: Record<string, unknown>, path: string, ctx: ValidationContext): void {
  const keys = Object.keys(obj);
  if (s.minP !== undefined && keys.length < s.minP) report(ctx, "schema-limit", path, { path, limit: `at least ${s.minP} field(s)`, actual: `${keys.length}` });
  if (s.maxP !== undefined && keys.length > s.maxP) report(ctx, "schema-limit", path, { path, limit: `at most ${s.maxP} field(s)`, actual: `${keys.length}` });
  for (const required of s.r ?? []) {
    if (obj[required] === undefined) report(ctx, "schema-required-field", join(path, required), { path: join(path, required), field: required });
  }
  for (const key of keys) {
    const child = s.p?.[key];
    const childPath = join(path, key);
    if (child) walk(child, obj[key], childPath, ctx);
    else if (s.ap) walk(s.ap, obj[key], childPath, ctx);
    else if (!s.pu) report(ctx, "schema-unknown-field", childPath, { path: childPath, field: key, known: Object.keys(s.p ?? {}).slice(0, 12).join(", ") || "none" });
  }
}

function checkString(s: CompactSchema, value: string, path: string, ctx: ValidationContext): void {
  if (s.e && !s.e.includes(value)) {
    report(ctx, "schema-enum", path, { path, value: show(value), allowed: s.e.map(String).join(", ") });
    return;
  }
  if (s.xe?.includes(value)) ctx.experimental.push({ path, what: `the value ${show(value)} of ${path}` });
  const length = [...value].length;
  if (s.minL !== undefined && length < s.minL) report(ctx, "schema-limit", path, { path, limit: `at least ${s.minL} character(s)`, actual: `${length}` });
  if (s.maxL !== undefined && length > s.maxL) report(ctx, "schema-limit", path, { path, limit: `at most ${s.maxL} characters`, actual: `${length}` });
  if (s.pat) {
    const re = pattern(s.pat);
    if (re && !re.test(value)) report(ctx, "schema-pattern", path, { path, value: show(value), pattern: s.pat });
  }
  if (s.f === "date-time" && Number.isNaN(Date.parse(value))) report(ctx, "schema-format", path, { path, value: show(value), format: "an RFC 3339 date-time" });
  if (s.f === "quantity" && !QUANTITY.test(value)) report(ctx, "schema-format", path, { path, value: show(value), format: 'a quantity such as 500m, 1, 128Mi or 1.5Gi' });
  if (s.f === "byte" && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) report(ctx, "schema-format", path, { path, value: show(value), format: "base64" });
}

function checkNumber(s: CompactSchema, value: number, path: string, ctx: ValidationContext): void {
  if (s.e && !s.e.includes(value)) report(ctx, "schema-enum", path, { path, value: show(value), allowed: s.e.map(String).join(", ") });
  if (s.f === "int32" && (value < -2147483648 || value > 2147483647)) report(ctx, "schema-format", path, { path, value: show(value), format: "a 32-bit integer" });
  if (s.min !== undefined && (s.xmin ? value <= s.min : value < s.min)) report(ctx, "schema-limit", path, { path, limit: `${s.xmin ? "more than" : "at least"} ${s.min}`, actual: `${value}` });
  if (s.max !== undefined && (s.xmax ? value >= s.max : value > s.max)) report(ctx, "schema-limit", path, { path, limit: `${s.xmax ? "less than" : "at most"} ${s.max}`, actual: `${value}` });
}

function checkUniqueItems(items: unknown[], path: string, ctx: ValidationContext): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) report(ctx, "schema-duplicate", `${path}[${i}]`, { path: `${path}[${i}]`, value: show(item) });
    seen.add(key);
  });
}

function checkUniqueKeys(items: unknown[], keys: readonly string[], path: string, ctx: ValidationContext): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (item === null || typeof item !== "object") return;
    const key = JSON.stringify(keys.map((k) => (item as Record<string, unknown>)[k] ?? null));
    if (seen.has(key)) report(ctx, "schema-duplicate", `${path}[${i}]`, { path: `${path}[${i}]`, value: keys.map((k) => `${k}=${show((item as Record<string, unknown>)[k])}`).join(", ") });
    seen.add(key);
  });
}
