// Side-by-side comparison of two concepts, built from capabilities and curated statements.
import type { Capability, CapabilityValue, ComparisonFact, Concept, Dimension, KnowledgeSnapshot, Source } from "./knowledge.js";
import { requireConcept } from "./lookup.js";
import { uniqueSources } from "./sources.js";

export interface ComparisonRow {
  readonly dimension: Dimension;
  readonly left: CapabilityValue | null;
  readonly right: CapabilityValue | null;
  readonly leftNote: string | null;
  readonly rightNote: string | null;
  readonly sources: readonly Source[];
}

export interface Comparison {
  readonly left: Concept;
  readonly right: Concept;
  readonly rows: readonly ComparisonRow[];
  readonly statements: readonly ComparisonFact[];
  readonly summary: string;
}

export function compareConcepts(knowledge: KnowledgeSnapshot, leftName: string, rightName: string): Comparison {
  const left = requireConcept(knowledge, leftName, "left");
  const right = requireConcept(knowledge, rightName, "right");
  const leftCaps = knowledge.capabilitiesByConcept.get(left.slug);
  const rightCaps = knowledge.capabilitiesByConcept.get(right.slug);
  const rows: ComparisonRow[] = [];
  for (const dimension of knowledge.dimensions) {
    const l = leftCaps?.get(dimension.slug);
    const r = rightCaps?.get(dimension.slug);
    if (!l && !r) continue;
    rows.push({
      dimension,
      left: l?.value ?? null,
      right: r?.value ?? null,
      leftNote: l?.note ?? null,
      rightNote: r?.note ?? null,
      sources: uniqueSources([l?.sources, r?.sources]),
    });
  }
  const statements = (knowledge.comparisonsByConcept.get(left.slug) ?? []).filter(
    (fact) =>
      (fact.leftSlug === left.slug && fact.rightSlug === right.slug) ||
      (fact.leftSlug === right.slug && fact.rightSlug === left.slug),
  );
  return { left, right, rows, statements, summary: summarize(left, right, rows, statements) };
}

const WORD: Record<CapabilityValue, string> = { YES: "yes", NO: "no", PARTIAL: "partly", DEPENDS: "it depends" };

/** Plain sentences for a chatbot: what differs, then the first curated statement. */
function summarize(left: Concept, right: Concept, rows: readonly ComparisonRow[], statements: readonly ComparisonFact[]): string {
  if (left.slug === right.slug) return `${left.name} and ${right.name} are the same concept. ${left.summary}`;
  const differing = rows.filter((row) => row.left && row.right && row.left !== row.right);
  const sentences: string[] = [];
  const decisive = differing.filter((row) => row.left === "YES" || row.right === "YES").slice(0, 2);
  for (const row of decisive) {
    sentences.push(`${row.dimension.name}: ${WORD[row.left!]} for ${left.name}, ${WORD[row.right!]} for ${right.name}.`);
  }
  if (statements[0]) sentences.push(statements[0].statement);
  if (sentences.length === 0) sentences.push(`${left.name}: ${left.summary}`, `${right.name}: ${right.summary}`);
  return sentences.slice(0, 3).join(" ");
}
