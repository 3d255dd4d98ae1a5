// The typed transforms that annotation rules name (prisma/content/migration/annotations.yaml).
// `parse` reads one annotation value into the Ingress's features (false: the value is unusable);
// `variant` reports, once all annotations are read, which situation of the rule's data applies.
import type { TransformName, TransformVariant } from "./rules.js";

export interface CorsFeature {
  enabled: boolean;
  origins?: string[];
  methods?: string[];
  headers?: string[];
  expose?: string[];
  credentials?: boolean;
  maxAge?: number;
}

/** What the annotations of one Ingress ask for, in ingress-nginx terms. */
export interface IngressFeatures {
  canary: boolean;
  canaryWeight?: number;
  canaryWeightTotal?: number;
  canaryHeader?: string;
  canaryHeaderValue?: string;
  canaryHeaderPattern?: string;
  rewriteTarget?: string;
  appRoot?: string;
  permanentRedirect?: URL;
  permanentRedirectCode?: number;
  temporalRedirect?: URL;
  fromToWww?: boolean;
  sslRedirect?: boolean;
  forceSslRedirect?: boolean;
  preserveTrailingSlash?: boolean;
  upstreamVhost?: string;
  xForwardedPrefix?: string;
  readTimeout?: number;
  sendTimeout?: number;
  backendProtocol?: "HTTP" | "HTTPS" | "GRPC" | "GRPCS";
  useRegex?: boolean;
  cors: CorsFeature;
  proxySslSecret?: { namespace: string | null; name: string };
  proxySslName?: string;
  proxySslVerify?: boolean;
  proxySslServerName?: boolean;
  affinityCookie?: boolean;
  sessionCookieName?: string;
  sessionCookieLifetime?: number;
  sslPassthrough?: boolean;
  serverAliases?: string[];
}

export const newFeatures = (): IngressFeatures => ({ canary: false, cors: { enabled: false } });

/** Facts about the Ingress and its neighbours that decide a variant. */
export interface VariantContext {
  readonly hasTls: boolean;
  /** Some ingress-nginx Ingress for one of this Ingress's hosts turns on regex matching. */
  readonly regexHost: boolean;
  /** A canary Ingress found the main Ingress it belongs to. */
  readonly mainIngressFound: boolean;
  readonly allowExperimental: boolean;
  /** The paths of the Ingress, as written. */
  readonly paths: readonly string[];
}

interface Transform<T extends TransformName> {
  parse(value: string, f: IngressFeatures, annotation: string): boolean;
  variant?(f: IngressFeatures, ctx: VariantContext): TransformVariant<T> | undefined;
}

type Transforms = { readonly [T in TransformName]: Transform<T> };

const TRUE = /^true$/i;
const FALSE = /^false$/i;
const bool = (value: string): boolean | undefined => (TRUE.test(value.trim()) ? true : FALSE.test(value.trim()) ? false : undefined);
const int = (value: string, min: number, max: number): number | undefined => {
  const v = value.trim();
  if (!/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
};
const list = (value: string): string[] =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const redirected = (f: IngressFeatures) => f.permanentRedirect !== undefined || f.temporalRedirect !== undefined;

function setBool(key: "fromToWww" | "sslRedirect" | "forceSslRedirect" | "preserveTrailingSlash" | "useRegex" | "proxySslServerName" | "sslPassthrough") {
  return (value: string, f: IngressFeatures) => {
    const b = bool(value);
    if (b === undefined) return false;
    f[key] = b;
    return true;
  };
}

function readUrl(value: string): URL | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

function corsList(key: "origins" | "methods" | "headers" | "expose") {
  return (value: string, f: IngressFeatures) => {
    const items = list(value);
    if (items.length === 0) return false;
    f.cors[key] = items;
    return true;
  };
}

export const TRANSFORMS: Transforms = {
  ingressClass: { parse: () => true },
  canary: {
    parse: (v, f) => {
      const b = bool(v);
      if (b === undefined) return false;
      f.canary = b;
      return true;
    },
    variant: (f, ctx) => (!f.canary ? "inactive" : !ctx.mainIngressFound ? "noMainIngress" : undefined),
  },
  canaryWeight: {
    parse: (v, f) => (f.canaryWeight = int(v, 0, 1_000_000)) !== undefined,
    variant: (f) => (!f.canary ? "inactive" : undefined),
  },
  canaryWeightTotal: {
    parse: (v, f) => (f.canaryWeightTotal = int(v, 1, 1_000_000)) !== undefined,
    variant: (f) => (!f.canary ? "inactive" : undefined),
  },
  canaryByHeader: {
    parse: (v, f) => HEADER_NAME.test(v.trim()) && (f.canaryHeader = v.trim()) !== undefined,
    variant: (f) => (!f.canary ? "inactive" : undefined),
  },
  canaryByHeaderValue: {
    parse: (v, f) => v.length > 0 && v.length <= 4096 && (f.canaryHeaderValue = v) !== undefined,
    variant: (f) => (!f.canary || !f.canaryHeader ? "inactive" : undefined),
  },
  canaryByHeaderPattern: {
    parse: (v, f) => v.length > 0 && v.length <= 4096 && (f.canaryHeaderPattern = v) !== undefined,
    variant: (f) => (!f.canary || !f.canaryHeader ? "inactive" : f.canaryHeaderValue !== undefined ? "shadowed" : undefined),
  },
  rewriteTarget: {
    parse: (v, f) => v.trim().length > 0 && v.length <= 1024 && (f.rewriteTarget = v.trim()) !== undefined,
    variant: (f, ctx) => (redirected(f) ? "redirected" : rewriteKind(f.rewriteTarget!, ctx.paths)),
  },
  appRoot: { parse: (v, f) => /^\/[^\s?#]*$/.test(v.trim()) && v.length <= 1024 && (f.appRoot = v.trim()) !== undefined },
  permanentRedirect: {
    parse: (v, f) => (f.permanentRedirect = readUrl(v)) !== undefined,
    variant: (f) => (f.permanentRedirect!.search ? "queryString" : undefined),
  },
  temporalRedirect: {
    parse: (v, f) => (f.temporalRedirect = readUrl(v)) !== undefined,
    // ingress-nginx checks the permanent redirect first.
    variant: (f) => (f.permanentRedirect ? "shadowed" : f.temporalRedirect!.search ? "queryString" : undefined),
  },
  permanentRedirectCode: {
    parse: (v, f) => {
      const code = int(v, 300, 399);
      if (code === undefined || ![301, 302, 303, 307, 308].includes(code)) return false;
      f.permanentRedirectCode = code;
      return true;
    },
    variant: (f) => (!f.permanentRedirect ? "inactive" : undefined),
  },
  fromToWwwRedirect: { parse: setBool("fromToWww"), variant: (f) => (!f.fromToWww ? "inactive" : undefined) },
  sslRedirect: {
    parse: setBool("sslRedirect"),
    variant: (f, ctx) => (f.sslRedirect === false ? (ctx.hasTls ? "disabled" : "inactive") : !ctx.hasTls ? "inactive" : undefined),
  },
  forceSslRedirect: {
    parse: setBool("forceSslRedirect"),
    variant: (f, ctx) => (!f.forceSslRedirect ? "inactive" : !ctx.hasTls ? "noTls" : undefined),
  },
  preserveTrailingSlash: { parse: setBool("preserveTrailingSlash") },
  upstreamVhost: {
    parse: (v, f) => HOSTNAME.test(v.trim()) && v.length <= 253 && (f.upstreamVhost = v.trim()) !== undefined,
    variant: (f) => (redirected(f) ? "redirected" : undefined),
  },
  xForwardedPrefix: {
    parse: (v, f) => v.length > 0 && v.length <= 4096 && (f.xForwardedPrefix = v) !== undefined,
    variant: (f) => (redirected(f) ? "redirected" : undefined),
  },
  proxyReadTimeout: {
    parse: (v, f) => (f.readTimeout = int(v, 1, 1_000_000)) !== undefined,
    variant: (f) => (redirected(f) ? "redirected" : undefined),
  },
  proxySendTimeout: {
    parse: (v, f) => (f.sendTimeout = int(v, 1, 1_000_000)) !== undefined,
    variant: (f) => (redirected(f) ? "redirected" : undefined),
  },
  backendProtocol: {
    parse: (v, f) => {
      const p = v.trim().toUpperCase();
      if (p === "HTTP" || p === "HTTPS" || p === "GRPC" || p === "GRPCS") f.backendProtocol = p;
      // AJP, FCGI and unknown values keep HTTP here; the rule's cases describe them.
      return /^[A-Z_]+$/.test(p);
    },
  },
  useRegex: { parse: setBool("useRegex"), variant: (f) => (!f.useRegex ? "inactive" : undefined) },
  enableCors: {
    parse: (v, f) => {
      const b = bool(v);
      if (b === undefined) return false;
      f.cors.enabled = b;
      return true;
    },
    variant: (f) => (!f.cors.enabled ? "inactive" : redirected(f) ? "redirected" : undefined),
  },
  corsSetting: {
    parse: (v, f, annotation) => {
      const key = annotation.slice(annotation.lastIndexOf("/") + 1);
      switch (key) {
        case "cors-allow-origin":
          return corsList("origins")(v, f);
        case "cors-allow-methods":
          return corsList("methods")(v, f);
        case "cors-allow-headers":
          return corsList("headers")(v, f);
        case "cors-expose-headers":
          return corsList("expose")(v, f);
        case "cors-allow-credentials": {
          const b = bool(v);
          if (b === undefined) return false;
          f.cors.credentials = b;
          return true;
        }
        case "cors-max-age":
          return (f.cors.maxAge = int(v, 0, 2_147_483_647)) !== undefined;
        default:
          return false;
      }
    },
    variant: (f) => (!f.cors.enabled ? "inactive" : undefined),
  },
  proxySslSecret: {
    parse: (v, f) => {
      const [a, b] = v.trim().split("/");
      const secretName = b ?? a!;
      if (!HOSTNAME.test(secretName) || (b !== undefined && !HOSTNAME.test(a!))) return false;
      f.proxySslSecret = { namespace: b === undefined ? null : a!, name: secretName };
      return true;
    },
    variant: (f) => (!isTlsBackend(f) ? "inactive" : undefined),
  },
  proxySslName: {
    parse: (v, f) => HOSTNAME.test(v.trim()) && (f.proxySslName = v.trim()) !== undefined,
    variant: (f) => (!isTlsBackend(f) ? "inactive" : undefined),
  },
  proxySslVerify: {
    parse: (v, f) => {
      const value = v.trim().toLowerCase();
      if (value !== "on" && value !== "off") return false;
      f.proxySslVerify = value === "on";
      return true;
    },
    variant: (f) => (!isTlsBackend(f) ? "inactive" : undefined),
  },
  proxySslServerName: {
    parse: (v, f) => {
      const value = v.trim().toLowerCase();
      if (value !== "on" && value !== "off") return false;
      f.proxySslServerName = value === "on";
      return true;
    },
    variant: (f) => (!isTlsBackend(f) ? "inactive" : undefined),
  },
  affinity: {
    parse: (v, f) => v.trim() === "cookie" && (f.affinityCookie = true),
    variant: (_, ctx) => (ctx.allowExperimental ? "experimental" : undefined),
  },
  sessionCookieName: {
    parse: (v, f) => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,128}$/.test(v.trim()) && (f.sessionCookieName = v.trim()) !== undefined,
    variant: (f, ctx) => (!f.affinityCookie ? "inactive" : ctx.allowExperimental ? "experimental" : undefined),
  },
  sessionCookieLifetime: {
    parse: (v, f) => (f.sessionCookieLifetime = int(v, 1, 99_999 * 3600)) !== undefined,
    variant: (f, ctx) => (!f.affinityCookie ? "inactive" : ctx.allowExperimental ? "experimental" : undefined),
  },
  sslPassthrough: { parse: setBool("sslPassthrough"), variant: (f) => (!f.sslPassthrough ? "inactive" : undefined) },
  serverAlias: {
    parse: (v, f) => {
      const aliases = list(v).map((a) => a.toLowerCase());
      if (aliases.length === 0 || !aliases.every((a) => /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(a))) return false;
      f.serverAliases = aliases;
      return true;
    },
  },
};

export const isTlsBackend = (f: IngressFeatures) => f.backendProtocol === "HTTPS" || f.backendProtocol === "GRPCS";

/** `$1`-style references need the regex captures, except in the `/prefix(/|$)(.*)` → `/$2` idiom. */
export function rewriteKind(target: string, paths: readonly string[]): "captureGroups" | "prefixIdiom" | undefined {
  if (!/\$\d/.test(target)) return undefined;
  return paths.length > 0 && paths.every((p) => prefixIdiom(p, target) !== null) ? "prefixIdiom" : "captureGroups";
}

// A literal path prefix as written in a regex: segments of URL characters, dots escaped as `\.`.
const LITERAL = String.raw`(?:/(?:[A-Za-z0-9_~!&'*+,;=:@%-]|\\\.)+)+`;
const IDIOMS = [
  { path: new RegExp(`^(${LITERAL})\\(/\\|\\$\\)\\(\\.\\*\\)$`), group: "2" },
  { path: new RegExp(`^(${LITERAL})/\\?\\(\\.\\*\\)$`), group: "1" },
];

/**
 * For an ingress-nginx regex path and rewrite target of the prefix idiom, the literal prefix and the
 * replacement prefix (`/$2` → `/`, `/api/$2` → `/api`); null when the pair is anything else.
 */
export function prefixIdiom(path: string, target: string): { prefix: string; replacement: string } | null {
  for (const idiom of IDIOMS) {
    const m = idiom.path.exec(path);
    if (!m) continue;
    const t = new RegExp(`^((?:/[A-Za-z0-9._~!&'*+,;=:@%-]+)*)/\\$${idiom.group}$`).exec(target);
    if (!t) return null;
    return { prefix: m[1]!.replaceAll("\\.", "."), replacement: t[1] || "/" };
  }
  return null;
}
