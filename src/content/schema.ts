// The shape of the knowledge content files under prisma/content/. The seed validates every
// file against these schemas, so a broken entry fails with its file, entry and field named.
import { z } from "zod";

export const CONCEPT_KINDS = [
  "RESOURCE",
  "SERVICE_TYPE",
  "SERVICE_VARIANT",
  "FIELD",
  "COMPONENT",
  "MECHANISM",
  "TOOL",
  "IMPLEMENTATION",
  "API",
] as const;

export const RELATION_TYPES = [
  "BUILDS_ON",
  "ALTERNATIVE_TO",
  "PART_OF",
  "ROUTES_TO",
  "REQUIRES",
  "SUPERSEDED_BY",
  "CONFIGURES",
] as const;

export const CAPABILITY_VALUES = ["YES", "NO", "PARTIAL", "DEPENDS"] as const;
export const LIFECYCLE_TRACKS = ["KUBERNETES", "GATEWAY_API", "PROJECT"] as const;
export const GATEWAY_CHANNELS = ["STANDARD", "EXPERIMENTAL"] as const;
export const SERVICE_TYPE_NAMES = ["CLUSTER_IP", "NODE_PORT", "LOAD_BALANCER", "EXTERNAL_NAME"] as const;
export const CLIENT_REACH = ["IN_CLUSTER", "PRIVATE_NETWORK", "INTERNET", "NODE_NETWORK"] as const;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug such as 'cluster-ip'");
const sourceId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a source id defined in prisma/content/sources");
const nonEmpty = z.string().trim().min(1);

/** Kubernetes minor versions are written "1.24"; Gateway API releases "1.0.0" or "1.5". */
export const kubernetesVersion = z.string().regex(/^1\.\d{1,2}$/, 'must be a Kubernetes minor version such as "1.24"');
const gatewayVersion = z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'must be a Gateway API release such as "1.0.0"');

export const sourceSchema = z.strictObject({
  url: z
    .string()
    .url()
    .refine((u) => u.startsWith("https://"), "must be an https URL"),
  title: nonEmpty,
  section: nonEmpty.optional(),
  /** When the URL (anchor included) was last checked against the documentation. */
  checked: z.iso.date().optional(),
});
/** A sources file maps source ids to sources. */
export const sourcesFileSchema = z.record(sourceId, sourceSchema);

export const dimensionSchema = z.strictObject({
  slug,
  name: nonEmpty,
  description: nonEmpty,
});
export const dimensionsFileSchema = z.array(dimensionSchema);

export const lifecycleSchema = z
  .strictObject({
    track: z.enum(LIFECYCLE_TRACKS),
    introducedIn: nonEmpty.optional(),
    betaIn: nonEmpty.optional(),
    stableIn: nonEmpty.optional(),
    deprecatedIn: nonEmpty.optional(),
    removedIn: nonEmpty.optional(),
    channel: z.enum(GATEWAY_CHANNELS).optional(),
    note: nonEmpty.optional(),
    sources: z.array(sourceId).min(1),
  })
  .superRefine((l, ctx) => {
    const check = l.track === "KUBERNETES" ? kubernetesVersion : l.track === "GATEWAY_API" ? gatewayVersion : null;
    if (!check) return;
    for (const key of ["introducedIn", "betaIn", "stableIn", "deprecatedIn", "removedIn"] as const) {
      const value = l[key];
      if (value !== undefined && !check.safeParse(value).success) {
        ctx.addIssue({ code: "custom", path: [key], message: `"${value}" is not a ${l.track} version` });
      }
    }
  });

export const relationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  to: slug,
  note: nonEmpty.optional(),
});

export const conceptSchema = z.strictObject({
  slug,
  name: nonEmpty,
  kind: z.enum(CONCEPT_KINDS),
  summary: nonEmpty.max(300),
  body: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  tags: z.array(slug).default([]),
  sources: z.array(sourceId).min(1),
  related: z.array(relationSchema).default([]),
  lifecycle: lifecycleSchema.optional(),
  exampleManifest: nonEmpty.optional(),
});
export const conceptsFileSchema = z.array(conceptSchema);

export const serviceTypeSchema = z.strictObject({
  name: z.enum(SERVICE_TYPE_NAMES),
  kubernetesName: z.enum(["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]),
  concept: slug,
  buildsOn: z.enum(SERVICE_TYPE_NAMES).nullable(),
  allocatesClusterIp: z.boolean(),
  allocatesNodePort: z.boolean(),
  provisionsLoadBalancer: z.boolean(),
  reachableFrom: z.array(z.enum(CLIENT_REACH)).min(1),
  protocols: z.array(z.enum(["TCP", "UDP", "SCTP"])).min(1),
  requirements: z.array(nonEmpty),
  useCases: z.array(nonEmpty).min(1),
  limitations: z.array(nonEmpty).min(1),
  exampleManifest: nonEmpty,
  sources: z.array(sourceId).min(1),
});
export const serviceTypesFileSchema = z.array(serviceTypeSchema);

export const capabilitySchema = z.strictObject({
  concept: slug,
  dimension: slug,
  value: z.enum(CAPABILITY_VALUES),
  note: nonEmpty,
  sources: z.array(sourceId).min(1),
});
export const capabilitiesFileSchema = z.array(capabilitySchema);

export const comparisonSchema = z.strictObject({
  left: slug,
  right: slug,
  dimension: slug,
  statement: nonEmpty,
  kubernetesVersion: kubernetesVersion.optional(),
  sources: z.array(sourceId).min(1),
});
export const comparisonsFileSchema = z.array(comparisonSchema);

export type SourceEntry = z.infer<typeof sourceSchema>;
export type DimensionEntry = z.infer<typeof dimensionSchema>;
export type ConceptEntry = z.infer<typeof conceptSchema>;
export type LifecycleEntry = z.infer<typeof lifecycleSchema>;
export type ServiceTypeEntry = z.infer<typeof serviceTypeSchema>;
export type CapabilityEntry = z.infer<typeof capabilitySchema>;
export type ComparisonEntry = z.infer<typeof comparisonSchema>;
