// Ingress paths to HTTPRoute path matches. Prefix → PathPrefix and Exact → Exact keep their
// meaning; ImplementationSpecific and ingress-nginx regex hosts are handled explicitly, and a path
// the HTTPRoute CRD would refuse becomes an escaped RegularExpression instead of an invalid object.

export interface PathMatch {
  readonly type: "Exact" | "PathPrefix" | "RegularExpression";
  readonly value: string;
}

export type PathNote = "implementation-specific-path" | "invalid-path";

const VALID_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$/;

/** The HTTPRoute CRD's CEL rules for Exact and PathPrefix values (v1.6.1). */
export function isValidPrefixOrExact(value: string): boolean {
  return (
    value.startsWith("/") &&
    value.length <= 1024 &&
    !value.includes("//") &&
    !value.includes("/./") &&
    !value.includes("/../") &&
    !/%2f/i.test(value) &&
    !value.includes("#") &&
    !value.endsWith("/..") &&
    !value.endsWith("/.") &&
    VALID_CHARS.test(value)
  );
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * How ingress-nginx matches a path on a regex host (`use-regex` or `rewrite-target` anywhere on the
 * host): `location ~* "^<path>"`, a case-insensitive regular expression anchored only at the start.
 * Written for RE2-style full matching: `(?i)` plus the path plus `.*` unless the path ends in `$`.
 */
export function nginxRegex(path: string): string {
  const body = path.startsWith("^") ? path.slice(1) : path;
  if (body.endsWith("$") && !body.endsWith("\\$")) return `(?i)${body.slice(0, -1)}`;
  return body.endsWith(".*") ? `(?i)${body}` : `(?i)${body}.*`;
}

export function convertPath(path: string, pathType: "Exact" | "Prefix" | "ImplementationSpecific", regexHost: boolean): { match: PathMatch; note?: PathNote } {
  if (regexHost) return { match: { type: "RegularExpression", value: nginxRegex(path) } };
  const type = pathType === "Exact" ? "Exact" : "PathPrefix";
  if (!isValidPrefixOrExact(path)) {
    const literal = `${escapeRegex(path)}${type === "PathPrefix" ? "(/.*)?" : ""}`;
    return { match: { type: "RegularExpression", value: literal }, note: "invalid-path" };
  }
  return pathType === "ImplementationSpecific" ? { match: { type, value: path }, note: "implementation-specific-path" } : { match: { type, value: path } };
}

/** Gateway API durations allow at most five digits per unit: 86400 seconds is written `24h`. */
export function duration(seconds: number): string {
  if (seconds <= 99_999) return `${seconds}s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}h${m ? `${m}m` : ""}${s ? `${s}s` : ""}`;
}
