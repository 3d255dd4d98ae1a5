// Questions to ask next, phrased so that `ask` itself answers them.
import type { Concept, KnowledgeSnapshot } from "../knowledge.js";
import { findConcept } from "../lookup.js";
import type { AnswerKind } from "./index.js";

const MAX = 4;
const MIN = 2;

/** A name `ask` resolves back to the concept: the display name without "(deprecated)", else the slug. */
export function questionName(knowledge: KnowledgeSnapshot, concept: Concept): string {
  const name = concept.name.replace(/\s*\([^)]*\)\s*/g, " ").trim();
  return findConcept(knowledge, name)?.slug === concept.slug ? name : concept.slug;
}

/** The concept most worth comparing with: an alternative, else one it has curated statements with. */
export function comparisonPartner(knowledge: KnowledgeSnapshot, concept: Concept, exclude: ReadonlySet<string>): Concept | undefined {
  const relations = knowledge.relationsByConcept.get(concept.slug) ?? [];
  const other = (from: string, to: string) => (from === concept.slug ? to : from);
  const candidates = [
    ...relations.filter((r) => r.type === "ALTERNATIVE_TO" || r.type === "SUPERSEDED_BY").map((r) => other(r.fromSlug, r.toSlug)),
    ...(knowledge.comparisonsByConcept.get(concept.slug) ?? []).map((f) => other(f.leftSlug, f.rightSlug)),
    ...relations.filter((r) => r.type === "BUILDS_ON").map((r) => other(r.fromSlug, r.toSlug)),
  ];
  const slug = candidates.find((s) => s !== concept.slug && !exclude.has(s));
  return slug ? knowledge.conceptsBySlug.get(slug) : undefined;
}

/** What a concept needs or belongs to, worth explaining next. */
function prerequisite(knowledge: KnowledgeSnapshot, concept: Concept, exclude: ReadonlySet<string>): Concept | undefined {
  const relations = (knowledge.relationsByConcept.get(concept.slug) ?? []).filter(
    (r) => r.fromSlug === concept.slug && ["REQUIRES", "PART_OF", "BUILDS_ON", "CONFIGURES", "SUPERSEDED_BY"].includes(r.type),
  );
  const slug = relations.map((r) => r.toSlug).find((s) => !exclude.has(s));
  return slug ? knowledge.conceptsBySlug.get(slug) : undefined;
}

function lifecycleQuestion(name: string, concept: Concept): string | undefined {
  const l = concept.lifecycle;
  if (!l) return undefined;
  if (l.deprecatedIn || l.removedIn) return `Is ${name} deprecated?`;
  if (l.track === "KUBERNETES") return `Which Kubernetes version added ${name}?`;
  if (l.track === "GATEWAY_API") return `Which Gateway API version made ${name} stable?`;
  return undefined;
}

const GENERAL = ["Which Service type should I use to expose an HTTP app to the internet?", "How does Ingress compare with Gateway API?", "What is a headless Service?"];

const key = (q: string) => q.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

export function followUpsFor(knowledge: KnowledgeSnapshot, kind: AnswerKind, concepts: readonly Concept[], asked: string, leading: readonly string[] = []): string[] {
  const out: string[] = [];
  const seen = new Set([key(asked)]);
  const add = (q: string | undefined) => {
    if (q && !seen.has(key(q)) && out.length < MAX) {
      seen.add(key(q));
      out.push(q);
    }
  };
  for (const q of leading.slice(0, 2)) add(q);
  const slugs = new Set(concepts.map((c) => c.slug));
  const name = (c: Concept) => questionName(knowledge, c);
  const [first, second] = concepts;
  if (first) {
    if (kind !== "DEFINITION") add(`What is ${name(first)}?`);
    if (kind === "COMPARISON" && second) add(`What is ${name(second)}?`);
    const partner = kind === "RECOMMENDATION" && second && second.slug !== first.slug ? second : comparisonPartner(knowledge, first, slugs);
    if (partner && kind !== "COMPARISON") add(`How does ${name(first)} compare with ${name(partner)}?`);
    if (kind !== "LIFECYCLE") add(lifecycleQuestion(name(first), first));
    if (kind === "COMPARISON" && second) add(lifecycleQuestion(name(second), second));
    const next = prerequisite(knowledge, first, slugs);
    if (next) add(`What is ${name(next)}?`);
  }
  for (const q of GENERAL) if (out.length < MIN) add(q);
  return out;
}
