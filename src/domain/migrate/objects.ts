// The Gateway API objects the migration writes, as plain JSON-like values (Gateway API v1.6.1).
// Names are DNS subdomains of at most 253 characters; longer ones are cut and given a short hash.

export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const GROUP = "gateway.networking.k8s.io";
export const API_VERSION = `${GROUP}/v1`;

export interface ManifestObject {
  readonly apiVersion: string;
  readonly kind: "Gateway" | "HTTPRoute" | "GRPCRoute" | "TLSRoute" | "BackendTLSPolicy" | "ReferenceGrant";
  readonly metadata: { readonly name: string; readonly namespace: string; readonly annotations?: Readonly<Record<string, string>> };
  readonly spec: JsonObject;
}

/** FNV-1a, enough to keep shortened names apart; deterministic, no crypto needed. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0").slice(0, 7);
}

/** A DNS subdomain (lowercase, dots allowed) of at most `max` characters built from parts. */
export function dnsName(parts: readonly string[], max = 253): string {
  const raw = parts
    .filter(Boolean)
    .join("-")
    .toLowerCase()
    .replace(/\*/g, "wildcard")
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/\.+/g, ".")
    .replace(/(^[-.]+)|([-.]+$)/g, "")
    .replace(/-\./g, ".")
    .replace(/\.-/g, ".");
  const name = raw || "route";
  if (name.length <= max) return name;
  const cut = name.slice(0, max - 8).replace(/[-.]+$/, "");
  return `${cut}-${shortHash(name)}`;
}

/** Hands out unique names per kind and namespace: `name`, `name-2`, `name-3`... */
export class NameRegistry {
  private readonly used = new Set<string>();
  take(kind: string, namespace: string, wanted: string): string {
    let name = wanted;
    for (let n = 2; this.used.has(`${kind}/${namespace}/${name}`); n++) name = dnsName([wanted.slice(0, 240), String(n)]);
    this.used.add(`${kind}/${namespace}/${name}`);
    return name;
  }
}
