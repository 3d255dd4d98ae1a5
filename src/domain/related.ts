// Relations seen from one concept, in both directions.
import type { Concept, KnowledgeSnapshot, RelationType } from "./knowledge.js";

export interface RelatedConcept {
  readonly type: RelationType;
  readonly direction: "OUTGOING" | "INCOMING";
  readonly concept: Concept;
  readonly note: string | null;
}

export function relatedConcepts(knowledge: KnowledgeSnapshot, slug: string): RelatedConcept[] {
  return (knowledge.relationsByConcept.get(slug) ?? []).flatMap((relation) => {
    const outgoing = relation.fromSlug === slug;
    const other = knowledge.conceptsBySlug.get(outgoing ? relation.toSlug : relation.fromSlug);
    return other ? [{ type: relation.type, direction: outgoing ? "OUTGOING" : "INCOMING", concept: other, note: relation.note } as const] : [];
  });
}
