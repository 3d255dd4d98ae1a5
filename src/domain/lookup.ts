// Finding concepts by the names people actually type: slugs, aliases, Kubernetes spellings.
import { distance } from "fastest-levenshtein";
import { badInput } from "./errors.js";
import type { Concept, KnowledgeSnapshot } from "./knowledge.js";
import { normalizeName } from "./snapshot.js";

export function findConcept(knowledge: KnowledgeSnapshot, name: string): Concept | undefined {
  const slug = knowledge.conceptSlugByName.get(normalizeName(name));
  return slug === undefined ? undefined : knowledge.conceptsBySlug.get(slug);
}

/** Longer inputs get no suggestions: no name is near that long, and the work grows with the input. */
export const MAX_SUGGESTION_INPUT = 200;

/** The concepts whose slug, name or alias is closest to `name`, best first. */
export function suggestConcepts(knowledge: KnowledgeSnapshot, name: string, limit = 3): string[] {
  const wanted = normalizeName(name);
  if (wanted.length > MAX_SUGGESTION_INPUT) return [];
  const tolerance = Math.max(2, wanted.length / 3);
  const best = new Map<string, number>();
  for (const [candidate, slug] of knowledge.conceptSlugByName) {
    let score: number;
    if (candidate.includes(wanted) || wanted.includes(candidate)) score = 0.5;
    // The edit distance is at least the difference in length: skip what cannot be close enough.
    else if (Math.abs(candidate.length - wanted.length) > tolerance) continue;
    else score = distance(wanted, candidate);
    if (score < (best.get(slug) ?? Infinity)) best.set(slug, score);
  }
  return [...best]
    .filter(([, score]) => score <= tolerance)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([slug]) => slug);
}

/** `conceptSuggestions(first:)` answers at most this many concepts. */
export const MAX_CONCEPT_SUGGESTIONS = 10;

/**
 * The concepts nearest to `name` by spelling, best first, for a client whose `concept(slug:)` came
 * back null (the suggestions `compare` puts in its error). A name that is a concept's slug, name or
 * alias gives that concept first.
 */
export function nearestConcepts(knowledge: KnowledgeSnapshot, name: string, first = 3): Concept[] {
  if (!Number.isInteger(first) || first < 0 || first > MAX_CONCEPT_SUGGESTIONS) {
    throw badInput(`first must be between 0 and ${MAX_CONCEPT_SUGGESTIONS}, got ${first}.`, "first");
  }
  const exact = findConcept(knowledge, name)?.slug;
  const near = suggestConcepts(knowledge, name, first + 1).filter((slug) => slug !== exact);
  return (exact ? [exact, ...near] : near).slice(0, first).map((slug) => knowledge.conceptsBySlug.get(slug)!);
}

/** Like findConcept, but an unknown name is a BAD_USER_INPUT error naming the closest concepts. */
export function requireConcept(knowledge: KnowledgeSnapshot, name: string, field: string): Concept {
  const concept = findConcept(knowledge, name);
  if (concept) return concept;
  const suggestions = suggestConcepts(knowledge, name);
  const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
  const shown = name.length > 80 ? `${name.slice(0, 80)}...` : name;
  throw badInput(`No concept is called "${shown}".${hint}`, field, { suggestions });
}
