// CEL (x-kubernetes-validations) evaluation for the Gateway API CRDs, with @marcbachmann/cel-js.
// The library covers the CEL standard library, macros (has, all, exists, exists_one, filter),
// durations, matches and the strings extension the rules use. Kubernetes adds its own libraries
// (https://kubernetes.io/docs/reference/using-api/cel/); the functions the v1.6.1 CRDs call that the
// library lacks are registered here: `isIP` (Kubernetes IP library) and
// `format.dns1123Label().validate()` (Kubernetes format library).
// Transition rules (those reading `oldSelf`) need the stored object and are not evaluated.
import { Environment } from "@marcbachmann/cel-js";
import type { CelRule } from "./schemaTypes.js";

class FormatLibrary {}
class NamedFormat {
  constructor(readonly name: string) {}
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** IPv4 dotted quad without leading zeros, as Kubernetes' strict IP parsing accepts. */
export function isIPv4Literal(value: string): boolean {
  return IPV4.test(value);
}

/** IPv6 literal (RFC 4291 text forms, an embedded IPv4 tail allowed; no zone). */
export function isIPv6Literal(value: string): boolean {
  if (!value.includes(":") || !/^[0-9a-fA-F:.]+$/.test(value)) return false;
  let text = value;
  let groups = 8;
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    if (!isIPv4Literal(tail)) return false;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? head.length + rest.length < groups : head.length === groups;
}

export const isIPLiteral = (value: string) => isIPv4Literal(value) || isIPv6Literal(value);

function dns1123LabelErrors(value: string): string[] | null {
  const errors: string[] = [];
  if (value.length > 63) errors.push("must be no more than 63 characters");
  if (!DNS1123_LABEL.test(value)) errors.push("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character");
  return errors.length ? errors : null;
}

const environment = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false })
  .registerType("KubernetesFormatLibrary", { ctor: FormatLibrary })
  .registerType("KubernetesFormat", { ctor: NamedFormat })
  .registerConstant("format", "KubernetesFormatLibrary", new FormatLibrary())
  .registerFunction("KubernetesFormatLibrary.dns1123Label(): KubernetesFormat", () => new NamedFormat("dns1123Label"))
  .registerFunction("KubernetesFormat.validate(string): dyn", (format: NamedFormat, value: string) =>
    format.name === "dns1123Label" ? dns1123LabelErrors(value) : null,
  )
  .registerFunction("isIP(string): bool", (value: string) => isIPLiteral(value))
  .registerFunction("hasField(dyn, string): bool", (value: unknown, field: string) => value !== null && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, field));

/**
 * The library accepts has() only on a chain of field selections; CEL also allows a selection on an
 * indexed value (`has(self.matches[0].path)`, used by HTTPRoute rules). Such calls are rewritten to
 * the equivalent presence test on the indexed value.
 */
export function rewriteIndexedHas(rule: string): string {
  return rule.replace(/has\(((?:self|oldSelf)[\w.]*\[[^\]()]+\][\w.[\]]*)\.(\w+)\)/g, (_m, target: string, field: string) => `hasField(${target}, '${field}')`);
}

export type CompiledRule = (context: { self: unknown }) => unknown;

export type CelOutcome = { readonly kind: "pass" } | { readonly kind: "fail" } | { readonly kind: "skipped"; readonly reason: string };

const compiled = new Map<string, CompiledRule | Error>();

/** Whether a rule compares the new object with the stored one (a transition rule). */
export const isTransitionRule = (rule: CelRule) => /\boldSelf\b/.test(rule.rule);

/** Compiles a rule once; a rule the library cannot parse is an Error kept in the cache. */
export function compileRule(rule: string): CompiledRule | Error {
  let fn = compiled.get(rule);
  if (fn === undefined) {
    try {
      fn = environment.parse(rewriteIndexedHas(rule)) as unknown as CompiledRule;
    } catch (error) {
      fn = error instanceof Error ? error : new Error(String(error));
    }
    compiled.set(rule, fn);
  }
  return fn;
}

/**
 * Evaluates one rule on a value. A rule that reads a field the object does not have fails to
 * evaluate in the library where the API server would see a default; such rules are skipped
 * rather than reported, so a finding is always a rule that really evaluated to false.
 */
export function evaluateRule(rule: CelRule, self: unknown): CelOutcome {
  if (isTransitionRule(rule)) return { kind: "skipped", reason: "transition rule (needs the stored object)" };
  const fn = compileRule(rule.rule);
  if (fn instanceof Error) return { kind: "skipped", reason: `does not compile: ${fn.message.split("\n")[0]}` };
  try {
    return fn({ self: toCel(self) }) === true ? { kind: "pass" } : { kind: "fail" };
  } catch (error) {
    return { kind: "skipped", reason: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  }
}

/**
 * YAML numbers are JavaScript numbers; CEL ints are BigInts in the library, so whole numbers become
 * BigInts. Rules sit at many levels of one object, so converted sub-objects are remembered.
 */
const converted = new WeakMap<object, unknown>();
function toCel(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(value) : value;
  if (value === null || typeof value !== "object") return value;
  let out = converted.get(value);
  if (out === undefined) {
    if (Array.isArray(value)) out = value.map(toCel);
    else {
      const obj: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) obj[k] = toCel(v);
      out = obj;
    }
    converted.set(value, out);
  }
  return out;
}
