// Builds the immutable snapshot and its lookup indexes from plain knowledge records.
import type {
  Capability,
  ContentDocuments,
  ComparisonFact,
  Concept,
  Dimension,
  KnowledgeSnapshot,
  Relation,
  ServiceType,
  ServiceTypeName,
  Source,
} from "./knowledge.js";
import type { RecommendationRules } from "./recommend/rules.js";

export interface KnowledgeData {
  readonly version: string;
  readonly seededAt: Date;
  readonly sources: readonly Source[];
  readonly dimensions: readonly Dimension[];
  readonly concepts: readonly Concept[];
  readonly relations: readonly Relation[];
  readonly capabilities: readonly Capability[];
  readonly comparisons: readonly ComparisonFact[];
  /** In builds-on order: ClusterIP, NodePort, LoadBalancer, ExternalName. */
  readonly serviceTypes: readonly ServiceType[];
  readonly recommendationRules: RecommendationRules;
  readonly documents: ContentDocuments;
}

const SERVICE_TYPE_ORDER: readonly ServiceTypeName[] = ["CLUSTER_IP", "NODE_PORT", "LOAD_BALANCER", "EXTERNAL_NAME"];

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

export function buildSnapshot(data: KnowledgeData): KnowledgeSnapshot {
  const concepts = [...data.concepts].sort((a, b) => a.slug.localeCompare(b.slug));
  const conceptSlugByName = new Map<string, string>();
  for (const concept of concepts) {
    for (const name of [concept.slug, concept.name, ...concept.aliases]) {
      const key = normalizeName(name);
      if (!conceptSlugByName.has(key)) conceptSlugByName.set(key, concept.slug);
    }
  }
  const capabilitiesByConcept = new Map<string, Map<string, Capability>>();
  for (const capability of data.capabilities) {
    let byDimension = capabilitiesByConcept.get(capability.conceptSlug);
    if (!byDimension) capabilitiesByConcept.set(capability.conceptSlug, (byDimension = new Map()));
    byDimension.set(capability.dimensionSlug, capability);
  }
  const serviceTypes = [...data.serviceTypes].sort(
    (a, b) => SERVICE_TYPE_ORDER.indexOf(a.name) - SERVICE_TYPE_ORDER.indexOf(b.name),
  );
  return {
    version: data.version,
    seededAt: data.seededAt,
    concepts,
    conceptsBySlug: new Map(concepts.map((c) => [c.slug, c])),
    conceptSlugByName,
    dimensions: data.dimensions,
    dimensionsBySlug: new Map(data.dimensions.map((d) => [d.slug, d])),
    relations: data.relations,
    relationsByConcept: groupBy(data.relations, (r) => [r.fromSlug, r.toSlug]),
    capabilities: data.capabilities,
    capabilitiesByConcept,
    comparisons: data.comparisons,
    comparisonsByConcept: groupBy(data.comparisons, (c) => [c.leftSlug, c.rightSlug]),
    comparisonsById: new Map(data.comparisons.map((c) => [c.id, c])),
    serviceTypes,
    serviceTypesByName: new Map(serviceTypes.map((t) => [t.name, t])),
    sources: data.sources,
    sourcesById: new Map(data.sources.map((s) => [s.id, s])),
    recommendationRules: data.recommendationRules,
    documents: data.documents,
  };
}

/** Case, spaces, dots, dashes and underscores do not matter when a user names a concept. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s._-]+/g, "");
}
