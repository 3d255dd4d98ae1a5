// Turns validated content into the plain records the snapshot (and the seed) are built from.
import type { Content } from "./load.js";
import type { KnowledgeData } from "../domain/snapshot.js";
import type { Source } from "../domain/knowledge.js";

export function relationId(type: string, from: string, to: string): string {
  return `${type}:${from}:${to}`;
}

/** Stable across rebuilds: numbered within its own pair and dimension, not by file position. */
export function comparisonId(left: string, right: string, dimension: string, ordinal: number): string {
  return `${left}:${right}:${dimension}:${ordinal}`;
}

export function contentToKnowledgeData(content: Content, seededAt: Date): KnowledgeData {
  const sources: Source[] = [...content.sources].map(([id, s]) => ({
    id,
    url: s.url,
    title: s.title,
    section: s.section ?? null,
    checked: s.checked ?? null,
  }));
  const byId = new Map(sources.map((s) => [s.id, s]));
  // Sorted by id, as the store returns them, so both paths build the same snapshot.
  const resolve = (ids: readonly string[]) => ids.map((id) => byId.get(id)!).sort((a, b) => a.id.localeCompare(b.id));
  const ordinals = new Map<string, number>();
  const nextOrdinal = (key: string) => {
    const n = (ordinals.get(key) ?? 0) + 1;
    ordinals.set(key, n);
    return n;
  };
  return {
    version: content.version,
    seededAt,
    sources,
    dimensions: content.dimensions,
    concepts: content.concepts.map((c) => ({
      slug: c.slug,
      name: c.name,
      kind: c.kind,
      summary: c.summary,
      body: c.body,
      aliases: c.aliases,
      tags: c.tags,
      sources: resolve(c.sources),
      exampleManifest: c.exampleManifest ?? null,
      lifecycle: c.lifecycle
        ? {
            track: c.lifecycle.track,
            introducedIn: c.lifecycle.introducedIn ?? null,
            betaIn: c.lifecycle.betaIn ?? null,
            stableIn: c.lifecycle.stableIn ?? null,
            deprecatedIn: c.lifecycle.deprecatedIn ?? null,
            removedIn: c.lifecycle.removedIn ?? null,
            channel: c.lifecycle.channel ?? null,
            note: c.lifecycle.note ?? null,
            sources: resolve(c.lifecycle.sources),
          }
        : null,
    })),
    relations: content.concepts.flatMap((c) =>
      c.related.map((r) => ({ type: r.type, fromSlug: c.slug, toSlug: r.to, note: r.note ?? null })),
    ),
    capabilities: content.capabilities.map((c) => ({
      conceptSlug: c.concept,
      dimensionSlug: c.dimension,
      value: c.value,
      note: c.note,
      sources: resolve(c.sources),
    })),
    comparisons: content.comparisons.map((c) => ({
      id: comparisonId(c.left, c.right, c.dimension, nextOrdinal(`${c.left}:${c.right}:${c.dimension}`)),
      leftSlug: c.left,
      rightSlug: c.right,
      dimensionSlug: c.dimension,
      statement: c.statement,
      kubernetesVersion: c.kubernetesVersion ?? null,
      sources: resolve(c.sources),
    })),
    recommendationRules: content.recommendationRules,
    documents: content.documents,
    serviceTypes: content.serviceTypes.map((t) => ({
      name: t.name,
      kubernetesName: t.kubernetesName,
      conceptSlug: t.concept,
      buildsOn: t.buildsOn,
      allocatesClusterIp: t.allocatesClusterIp,
      allocatesNodePort: t.allocatesNodePort,
      provisionsLoadBalancer: t.provisionsLoadBalancer,
      reachableFrom: t.reachableFrom,
      protocols: t.protocols,
      requirements: t.requirements,
      useCases: t.useCases,
      limitations: t.limitations,
      exampleManifest: t.exampleManifest,
      sources: resolve(t.sources),
    })),
  };
}
