// The shape of the knowledge content files under prisma/content/. The seed validates every
// file against these schemas, so a broken entry fails with its file, entry and field named.
import { z } from "zod";
import { compareVersions } from "../domain/lifecycle.js";

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
  "IMPLEMENTS",
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
  /** When the URL (anchor included) was last checked against the documentation: required, so an unchecked citation cannot ship. */
  checked: z.iso.date({ error: "must be the date (YYYY-MM-DD) the URL and anchor were last checked" }),
});
/** A sources file maps source ids to sources. */
export const sourcesFileSchema = z.record(sourceId, sourceSchema);

export const dimensionSchema = z.strictObject({
  slug,
  name: nonEmpty,
  description: nonEmpty,
});
export const dimensionsFileSchema = z.array(dimensionSchema);

const STAGE_KEYS = ["introducedIn", "betaIn", "stableIn", "deprecatedIn", "removedIn"] as const;

export const lifecycleSchema = z
  .strictObject({
    track: z.enum(LIFECYCLE_TRACKS),
    introducedIn: nonEmpty.optional(),
    betaIn: nonEmpty.optional(),
    stableIn: nonEmpty.optional(),
    deprecatedIn: nonEmpty.optional(),
    removedIn: nonEmpty.optional(),
    /**
     * Early stages the thing really skipped (IngressClass arrived as beta; GRPCRoute went from
     * experimental v1alpha2 straight to v1). A GA lifecycle must record or skip every earlier stage,
     * so "did not exist yet" is never the accident of a missing field.
     */
    skipped: z.array(z.enum(["ALPHA", "BETA"])).optional(),
    channel: z.enum(GATEWAY_CHANNELS).optional(),
    note: nonEmpty.optional(),
    sources: z.array(sourceId).min(1),
  })
  .superRefine((l, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!STAGE_KEYS.some((key) => l[key] !== undefined)) issue("track", "a lifecycle records at least one stage");
    if (l.track === "GATEWAY_API" && !l.channel) issue("channel", "a Gateway API lifecycle names its current release channel");
    if (l.track !== "GATEWAY_API" && l.channel) issue("channel", "only Gateway API lifecycles have a release channel");
    const check = l.track === "KUBERNETES" ? kubernetesVersion : l.track === "GATEWAY_API" ? gatewayVersion : null;
    if (!check) return;
    for (const key of STAGE_KEYS) {
      const value = l[key];
      if (value !== undefined && !check.safeParse(value).success) issue(key, `"${value}" is not a ${l.track} version`);
    }
    // Stages happen in order: alpha <= beta <= GA <= deprecated <= removed.
    const recorded = STAGE_KEYS.filter((key) => l[key] !== undefined && check.safeParse(l[key]).success);
    for (let i = 1; i < recorded.length; i++) {
      const [before, after] = [recorded[i - 1]!, recorded[i]!];
      if (compareVersions(l[before]!, l[after]!) > 0) issue(after, `${after} ${l[after]} is earlier than ${before} ${l[before]}`);
    }
    const skipped = new Set(l.skipped ?? []);
    if (l.stableIn !== undefined) {
      if (l.introducedIn === undefined && !skipped.has("ALPHA")) issue("introducedIn", "a GA lifecycle records its alpha release or lists ALPHA in skipped");
      if (l.betaIn === undefined && !skipped.has("BETA")) issue("betaIn", "a GA lifecycle records its beta release or lists BETA in skipped");
    } else if (l.introducedIn === undefined && l.betaIn === undefined && !l.note) {
      issue("note", "a lifecycle that starts with a deprecation says in its note why no earlier stage is recorded");
    }
    if (l.introducedIn !== undefined && skipped.has("ALPHA")) issue("skipped", "ALPHA is both recorded and skipped");
    if (l.betaIn !== undefined && skipped.has("BETA")) issue("skipped", "BETA is both recorded and skipped");
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
