// The shape of the compact API schemas in ./generated/, written by scripts/generate-api-schemas.ts
// from the Kubernetes OpenAPI document and the Gateway API CRDs. Short keys keep the files small.

export interface CelRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  /** Where the API server reports the failure, relative to the node (e.g. ".spec.rules"). */
  readonly fieldPath?: string;
  readonly reason?: string;
  readonly optionalOldSelf?: boolean;
}

export interface CompactSchema {
  /** o object, a array, s string, i integer, n number, b boolean, is int-or-string, * anything. */
  t?: "o" | "a" | "s" | "i" | "n" | "b" | "is" | "*";
  /** A shared definition (Kubernetes only). */
  ref?: string;
  p?: Record<string, CompactSchema>;
  /** Schema of map values (additionalProperties). */
  ap?: CompactSchema;
  /** x-kubernetes-preserve-unknown-fields: any field is accepted. */
  pu?: boolean;
  it?: CompactSchema;
  r?: string[];
  e?: (string | number)[];
  f?: string;
  pat?: string;
  min?: number;
  max?: number;
  xmin?: boolean;
  xmax?: boolean;
  minL?: number;
  maxL?: number;
  minI?: number;
  maxI?: number;
  minP?: number;
  maxP?: number;
  d?: unknown;
  nul?: boolean;
  lt?: string;
  lk?: string[];
  cel?: CelRule[];
  /** Only in the experimental channel (Gateway API). */
  x?: boolean;
  /** Enum values only in the experimental channel. */
  xe?: (string | number)[];
}

export interface KubernetesSchemaFile {
  readonly source: { readonly document: string; readonly release: string; readonly sha256: string };
  readonly kubernetesVersion: string;
  /** "apps/v1/Deployment" to its definition name. */
  readonly kinds: Record<string, string>;
  readonly objectMeta: string;
  readonly definitions: Record<string, CompactSchema>;
}

export interface GatewayKindSchema {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  /** standard: served by the standard-channel CRD; experimental: only the experimental CRD serves it. */
  readonly channel: "standard" | "experimental";
  readonly servedExperimental: boolean;
  readonly storage: boolean;
  readonly deprecated: boolean;
  readonly schema: CompactSchema;
}

export interface GatewaySchemaFile {
  readonly source: { readonly release: string; readonly files: Record<string, string> };
  readonly gatewayApiVersion: string;
  /** "gateway.networking.k8s.io/v1/HTTPRoute" to its schema. */
  readonly kinds: Record<string, GatewayKindSchema>;
}
