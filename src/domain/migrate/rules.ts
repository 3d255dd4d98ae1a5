// The knowledge that drives the Ingress migration (prisma/content/migration/): how each
// ingress-nginx annotation maps to Gateway API, and the behaviour notes that become warnings.
// The code applies the typed transforms named here; the texts, outcomes and sources are data.

export const MIGRATION_OUTCOMES = ["TRANSLATED", "PARTIAL", "NOT_TRANSLATED", "IGNORED"] as const;
export type MigrationOutcome = (typeof MIGRATION_OUTCOMES)[number];

/**
 * Which Ingresses an annotation rule applies to: those served by ingress-nginx, those of another
 * controller, or ingress-nginx canary Ingresses (for annotations a canary inherits from its main Ingress).
 */
export const ANNOTATION_SCOPES = ["INGRESS_NGINX", "OTHER_CONTROLLER", "CANARY"] as const;
export type AnnotationScope = (typeof ANNOTATION_SCOPES)[number];

/**
 * The transforms the converter implements, each with the variants it may report. A variant names a
 * situation the data describes (outcome, note) because it depends on the value or on other annotations:
 * `invalid` (the value cannot be read), `inactive` (ingress-nginx ignores it here), and so on.
 * The content check makes every rule that names a transform describe all of its variants.
 */
export const TRANSFORM_VARIANTS = {
  ingressClass: [],
  canary: ["invalid", "inactive", "noMainIngress"],
  canaryWeight: ["invalid", "inactive"],
  canaryWeightTotal: ["invalid", "inactive"],
  canaryByHeader: ["invalid", "inactive"],
  canaryByHeaderValue: ["invalid", "inactive"],
  canaryByHeaderPattern: ["invalid", "inactive", "shadowed"],
  rewriteTarget: ["invalid", "captureGroups", "prefixIdiom", "redirected"],
  appRoot: ["invalid"],
  permanentRedirect: ["invalid", "queryString"],
  temporalRedirect: ["invalid", "queryString", "shadowed"],
  permanentRedirectCode: ["invalid", "inactive"],
  fromToWwwRedirect: ["invalid", "inactive"],
  sslRedirect: ["invalid", "inactive", "disabled"],
  forceSslRedirect: ["invalid", "inactive", "noTls"],
  preserveTrailingSlash: ["invalid"],
  upstreamVhost: ["invalid", "redirected"],
  xForwardedPrefix: ["invalid", "redirected"],
  proxyReadTimeout: ["invalid", "redirected"],
  proxySendTimeout: ["invalid", "redirected"],
  backendProtocol: ["invalid"],
  useRegex: ["invalid", "inactive"],
  enableCors: ["invalid", "inactive", "redirected"],
  corsSetting: ["invalid", "inactive"],
  proxySslSecret: ["invalid", "inactive"],
  proxySslName: ["invalid", "inactive"],
  proxySslVerify: ["invalid", "inactive"],
  proxySslServerName: ["invalid", "inactive"],
  affinity: ["invalid", "experimental"],
  sessionCookieName: ["invalid", "inactive", "experimental"],
  sessionCookieLifetime: ["invalid", "inactive", "experimental"],
  sslPassthrough: ["invalid", "inactive"],
  serverAlias: ["invalid"],
} as const satisfies Record<string, readonly string[]>;
export type TransformName = keyof typeof TRANSFORM_VARIANTS;
export type TransformVariant<T extends TransformName> = (typeof TRANSFORM_VARIANTS)[T][number];
export const TRANSFORM_NAMES = Object.keys(TRANSFORM_VARIANTS) as TransformName[];

/** Placeholders a behaviour note may use; the converter fills them in. */
export const WARNING_PLACEHOLDERS = ["host", "ingress", "path", "paths", "value", "service", "port", "class", "gateway", "detail"] as const;
export type WarningPlaceholder = (typeof WARNING_PLACEHOLDERS)[number];

/** Fields a case or variant may override on its annotation rule. */
export interface AnnotationOverride {
  readonly outcome?: MigrationOutcome | undefined;
  readonly gatewayField?: string | undefined;
  readonly note?: string | undefined;
  readonly nearest?: string | undefined;
  readonly behaviours?: readonly string[] | undefined;
  readonly sources?: readonly string[] | undefined;
}

/** A case applies when the annotation value matches `when` (a case-insensitive regular expression). */
export interface AnnotationCase extends AnnotationOverride {
  readonly when: string;
}

export interface AnnotationRule {
  readonly kind: "ANNOTATION";
  /** An annotation name, or a prefix ending in `*` (e.g. `nginx.ingress.kubernetes.io/*`, or `*` for any). */
  readonly annotation: string;
  readonly scope: AnnotationScope;
  /** ingress-nginx honours it on a canary Ingress (canary, affinity and load-balancing annotations). */
  readonly onCanary: boolean;
  readonly outcome: MigrationOutcome;
  readonly transform?: TransformName | undefined;
  /** The Gateway API field the annotation became, or the nearest one. */
  readonly gatewayField?: string | undefined;
  /** What behaves differently after the switch, in plain words. */
  readonly note: string;
  /** For annotations that do not translate (fully): the nearest Gateway API or implementation option. */
  readonly nearest?: string | undefined;
  /** Behaviour notes (ids) raised as warnings when the annotation is present. */
  readonly behaviours: readonly string[];
  readonly cases: readonly AnnotationCase[];
  readonly variants: Readonly<Record<string, AnnotationOverride>>;
  readonly sources: readonly string[];
}

/** A behaviour difference or conversion decision that becomes a warning where the input triggers it. */
export interface BehaviourNote {
  readonly kind: "BEHAVIOUR";
  readonly id: string;
  /** What happens, with {placeholders}. */
  readonly text: string;
  /** What to check after the switch. */
  readonly check: string;
  readonly sources: readonly string[];
}

export type IngressMigrationEntry = AnnotationRule | BehaviourNote;

/** The behaviour notes the converter itself raises (not through an annotation); the content check requires each. */
export const BUILT_IN_BEHAVIOURS = [
  "url-normalisation",
  "trailing-slash-redirect",
  "regex-prefix-case-insensitive",
  "regex-host-wide",
  "rewrite-implies-regex",
  "implementation-specific-path",
  "other-controller",
  "no-ingress-class",
  "gateway-class-placeholder",
  "named-port-unresolved",
  "backend-port-missing",
  "resource-backend",
  "cross-namespace-routes",
  "cross-namespace-certificate",
  "certificate-conflict",
  "tls-without-secret",
  "passthrough-listener-conflict",
  "passthrough-several-paths",
  "grpc-path-not-method",
  "grpc-http-same-host",
  "www-redirect-host-taken",
  "backend-tls-verification",
  "backend-tls-conflict",
  "canary-without-main",
  "route-split",
  "ingress-removed-api",
  "default-backend-catch-all",
  "invalid-path",
] as const;
export type BuiltInBehaviour = (typeof BUILT_IN_BEHAVIOURS)[number];
