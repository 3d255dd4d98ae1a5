// The whole knowledge base as one JSON document, for offline use by frontends and chatbots.
import type { KnowledgeSnapshot } from "./knowledge.js";

export interface KnowledgeStats {
  readonly version: string;
  readonly updatedAt: Date;
  readonly conceptCount: number;
  /** Capabilities, comparison statements and lifecycle entries: every sourced fact. */
  readonly factCount: number;
  readonly sourceCount: number;
}

export function knowledgeStats(knowledge: KnowledgeSnapshot): KnowledgeStats {
  return {
    version: knowledge.version,
    updatedAt: knowledge.seededAt,
    conceptCount: knowledge.concepts.length,
    factCount: knowledge.capabilities.length + knowledge.comparisons.length + knowledge.concepts.filter((c) => c.lifecycle).length,
    sourceCount: knowledge.sources.length,
  };
}

const ids = (sources: readonly { id: string }[]) => sources.map((s) => s.id);

/** Sources appear once, by id; everything else refers to them and to concepts by slug. */
export function exportKnowledge(knowledge: KnowledgeSnapshot) {
  return {
    ...knowledgeStats(knowledge),
    sources: knowledge.sources,
    dimensions: knowledge.dimensions,
    concepts: knowledge.concepts.map((c) => ({
      ...c,
      sources: ids(c.sources),
      lifecycle: c.lifecycle ? { ...c.lifecycle, sources: ids(c.lifecycle.sources) } : null,
    })),
    relations: knowledge.relations,
    serviceTypes: knowledge.serviceTypes.map((t) => ({ ...t, sources: ids(t.sources) })),
    capabilities: knowledge.capabilities.map((c) => ({ ...c, sources: ids(c.sources) })),
    comparisons: knowledge.comparisons.map((c) => ({ ...c, sources: ids(c.sources) })),
  };
}
