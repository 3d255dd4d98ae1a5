// Reads the whole store once into plain records; the snapshot is built from them.
import type {
  CapabilityValue,
  ConceptKind,
  ContentDocuments,
  LifecycleTrack,
  RelationType,
  ServiceTypeName,
  Source,
} from "../domain/knowledge.js";
import type { KnowledgeData } from "../domain/snapshot.js";
import type { Database } from "./client.js";
import { recommendationRulesSchema } from "../content/recommendationSchema.js";
import { CONTENT_DOCUMENT_NAMES, parseContentDocument } from "../content/documents.js";
import type { RecommendationRules } from "../domain/recommend/rules.js";

const strings = (json: string): string[] => JSON.parse(json) as string[];
type SourceRow = { id: string; url: string; title: string; section: string | null; checked: string | null };
const toSource = (s: SourceRow): Source => ({
  id: s.id,
  url: s.url,
  title: s.title,
  section: s.section,
  checked: s.checked,
});
const bySourceId = (a: Source, b: Source) => a.id.localeCompare(b.id);
const sourcesOf = (list: SourceRow[]) => list.map(toSource).sort(bySourceId);

export class EmptyKnowledgeError extends Error {}

export async function readKnowledge(db: Database): Promise<KnowledgeData> {
  const [meta, rules, documentRows, sources, dimensions, concepts, relations, capabilities, comparisons, serviceTypes] = await Promise.all([
    db.knowledgeMeta.findUnique({ where: { id: 1 } }),
    db.recommendationRules.findUnique({ where: { id: 1 } }),
    db.contentDocument.findMany(),
    db.source.findMany({ orderBy: { id: "asc" } }),
    db.dimension.findMany({ orderBy: { position: "asc" } }),
    db.concept.findMany({ include: { sources: true, lifecycle: { include: { sources: true } } }, orderBy: { slug: "asc" } }),
    db.relation.findMany({ orderBy: { id: "asc" } }),
    db.capability.findMany({ include: { sources: true }, orderBy: { id: "asc" } }),
    db.comparisonFact.findMany({ include: { sources: true }, orderBy: { id: "asc" } }),
    db.serviceType.findMany({ include: { sources: true }, orderBy: { position: "asc" } }),
  ]);
  if (!meta || !rules) throw new EmptyKnowledgeError("the knowledge base has not been seeded");
  const documentsByName = new Map(documentRows.map((row) => [row.name, row.document]));
  const documents = Object.fromEntries(
    CONTENT_DOCUMENT_NAMES.map((name) => {
      const json = documentsByName.get(name);
      if (json === undefined) throw new EmptyKnowledgeError(`the knowledge base has no "${name}" content; seed it again`);
      return [name, parseContentDocument(name, json)];
    }),
  ) as unknown as ContentDocuments;
  return {
    version: meta.version,
    seededAt: meta.seededAt,
    // Validated at seed time; parsed again so a hand-edited database cannot smuggle in a bad shape.
    recommendationRules: recommendationRulesSchema.parse(JSON.parse(rules.document)) as RecommendationRules,
    documents,
    sources: sources.map(toSource),
    dimensions: dimensions.map((d) => ({ slug: d.slug, name: d.name, description: d.description })),
    concepts: concepts.map((c) => ({
      slug: c.slug,
      name: c.name,
      kind: c.kind as ConceptKind,
      summary: c.summary,
      body: c.body,
      aliases: strings(c.aliases),
      tags: strings(c.tags),
      exampleManifest: c.exampleManifest,
      sources: sourcesOf(c.sources),
      lifecycle: c.lifecycle
        ? {
            track: c.lifecycle.track as LifecycleTrack,
            introducedIn: c.lifecycle.introducedIn,
            betaIn: c.lifecycle.betaIn,
            stableIn: c.lifecycle.stableIn,
            deprecatedIn: c.lifecycle.deprecatedIn,
            removedIn: c.lifecycle.removedIn,
            channel: c.lifecycle.channel as "STANDARD" | "EXPERIMENTAL" | null,
            note: c.lifecycle.note,
            sources: sourcesOf(c.lifecycle.sources),
          }
        : null,
    })),
    relations: relations.map((r) => ({ type: r.type as RelationType, fromSlug: r.fromSlug, toSlug: r.toSlug, note: r.note })),
    capabilities: capabilities.map((c) => ({
      conceptSlug: c.conceptSlug,
      dimensionSlug: c.dimensionSlug,
      value: c.value as CapabilityValue,
      note: c.note,
      sources: sourcesOf(c.sources),
    })),
    comparisons: comparisons.map((c) => ({
      id: c.id,
      leftSlug: c.leftSlug,
      rightSlug: c.rightSlug,
      dimensionSlug: c.dimensionSlug,
      statement: c.statement,
      kubernetesVersion: c.kubernetesVersion,
      sources: sourcesOf(c.sources),
    })),
    serviceTypes: serviceTypes.map((t) => ({
      name: t.name as ServiceTypeName,
      kubernetesName: t.kubernetesName,
      conceptSlug: t.conceptSlug,
      buildsOn: t.buildsOn as ServiceTypeName | null,
      allocatesClusterIp: t.allocatesClusterIp,
      allocatesNodePort: t.allocatesNodePort,
      provisionsLoadBalancer: t.provisionsLoadBalancer,
      reachableFrom: strings(t.reachableFrom),
      protocols: strings(t.protocols),
      requirements: strings(t.requirements),
      useCases: strings(t.useCases),
      limitations: strings(t.limitations),
      exampleManifest: t.exampleManifest,
      sources: sourcesOf(t.sources),
    })),
  };
}
