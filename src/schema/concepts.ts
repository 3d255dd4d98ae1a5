// Concepts, their relations, capabilities, facts and lifecycle.
import type { Resolvers } from "../generated/graphql.js";
import { knowledgeStats } from "../domain/export.js";
import { toGlobalId } from "../domain/ids.js";
import { statusAt } from "../domain/lifecycle.js";
import { findConcept, nearestConcepts } from "../domain/lookup.js";
import { paginate } from "../domain/paginate.js";
import { relatedConcepts } from "../domain/related.js";
import type { Concept } from "../domain/knowledge.js";
import { isAvailableIn, parseKubernetesVersion, statusAtKubernetesVersion } from "../domain/versions.js";
import type { ConceptAtVersion } from "./mappers.js";

const atVersionOf = (concept: Concept, atVersion: string | undefined): ConceptAtVersion =>
  atVersion ? { ...concept, atVersion } : concept;

export const conceptResolvers: Resolvers = {
  Query: {
    concept: (_, { slug, kubernetesVersion }, { knowledge }) => {
      const atVersion = kubernetesVersion ? parseKubernetesVersion(kubernetesVersion, "kubernetesVersion") : undefined;
      const concept = findConcept(knowledge, slug);
      return concept ? atVersionOf(concept, atVersion) : null;
    },
    conceptSuggestions: (_, { name, first }, { knowledge }) => nearestConcepts(knowledge, name, first ?? 3),
    concepts: (_, { first, after, filter, kubernetesVersion }, { knowledge }) => {
      const atVersion = kubernetesVersion ? parseKubernetesVersion(kubernetesVersion, "kubernetesVersion") : undefined;
      const availableIn = filter?.availableIn ? parseKubernetesVersion(filter.availableIn, "filter.availableIn") : undefined;
      const matching = knowledge.concepts.filter(
        (c) =>
          (!filter?.kind || c.kind === filter.kind) &&
          (!filter?.tag || c.tags.includes(filter.tag)) &&
          (!availableIn || isAvailableIn(c, availableIn)),
      );
      const page = paginate(matching, (c) => c.slug, first ?? 20, after);
      return atVersion ? { ...page, items: page.items.map((e) => ({ ...e, node: atVersionOf(e.node, atVersion) })) } : page;
    },
    dimensions: (_, __, { knowledge }) => knowledge.dimensions,
    knowledgeBase: (_, __, { knowledge }) => knowledgeStats(knowledge),
  },
  KnowledgeBase: {
    updatedAt: (stats) => stats.updatedAt.toISOString(),
    // The content check guarantees exactly one coverage entry (src/content/coverageSchema.ts).
    kubernetesVersion: (_, __, { knowledge }) => knowledge.documents.coverage[0]!.kubernetesVersion,
    gatewayApiVersion: (_, __, { knowledge }) => knowledge.documents.coverage[0]!.gatewayApiVersion,
    lastChecked: (_, __, { knowledge }) => knowledge.documents.coverage[0]!.lastChecked,
  },
  Concept: {
    id: (c) => toGlobalId("Concept", c.slug),
    related: (c, _, { knowledge }) => relatedConcepts(knowledge, c.slug),
    capabilities: (c, _, { knowledge }) => [...(knowledge.capabilitiesByConcept.get(c.slug)?.values() ?? [])],
    facts: (c, _, { knowledge }) => knowledge.comparisonsByConcept.get(c.slug) ?? [],
    serviceType: (c, _, { knowledge }) => knowledge.serviceTypes.find((t) => t.conceptSlug === c.slug) ?? null,
    lifecycle: (c) => (c.lifecycle ? { ...c.lifecycle, atVersion: c.atVersion } : null),
  },
  Lifecycle: {
    status: (l) => statusAt(l) ?? "ALPHA",
    statusAt: (l, { kubernetesVersion }) => {
      const version = kubernetesVersion ? parseKubernetesVersion(kubernetesVersion, "kubernetesVersion") : l.atVersion;
      return statusAtKubernetesVersion(l, version);
    },
  },
  ConceptConnection: {
    edges: (page) => page.items,
    nodes: (page) => page.items.map((edge) => edge.node),
    pageInfo: (page) => page,
  },
  PageInfo: {
    startCursor: (page) => page.items[0]?.cursor ?? null,
    endCursor: (page) => page.items.at(-1)?.cursor ?? null,
  },
  Source: { id: (s) => toGlobalId("Source", s.id) },
  Dimension: { id: (d) => toGlobalId("Dimension", d.slug) },
  Capability: {
    id: (c) => toGlobalId("Capability", `${c.conceptSlug}:${c.dimensionSlug}`),
    concept: (c, _, { knowledge }) => knowledge.conceptsBySlug.get(c.conceptSlug)!,
    dimension: (c, _, { knowledge }) => knowledge.dimensionsBySlug.get(c.dimensionSlug)!,
  },
  ComparisonFact: {
    id: (f) => toGlobalId("ComparisonFact", f.id),
    left: (f, _, { knowledge }) => knowledge.conceptsBySlug.get(f.leftSlug)!,
    right: (f, _, { knowledge }) => knowledge.conceptsBySlug.get(f.rightSlug)!,
    dimension: (f, _, { knowledge }) => knowledge.dimensionsBySlug.get(f.dimensionSlug)!,
  },
};
