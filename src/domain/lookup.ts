// Finding concepts by the names people actually type: slugs, aliases, Kubernetes spellings.
import { distance } from "fastest-levenshtein";
import { badInput } from "./errors.js";
import type { Concept, KnowledgeSnapshot } from "./knowledge.js";
import { normalizeName } from "./snapshot.js";

export function findConcept(knowledge: KnowledgeSnapshot, name: string): Concept | undefined {
  const slug = knowledge.conceptSlugByName.get(normalizeName(name));
  return slug === undefined ? undefined : knowledge.conceptsBySlug.get(slug);
}

/** The concepts whose slug, name or alias is closest to `name`, best first. */
export function suggestConcepts(knowledge: KnowledgeSnapshot, name: string, limit = 3): string[] {
  const wanted = normalizeName(name);
  const best = new Map<string, number>();
  for (const [candidate, slug] of knowledge.conceptSlugByName) {
    const score = candidate.includes(wanted) || wanted.includes(candidate) ? 0.5 : distance(wanted, candidate);
    if (score < (best.get(slug) ?? Infinity)) best.set(slug, score);
  }
  return [...best]
    .filter(([, score]) => score <= Math.max(2, wanted.length / 3))
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([slug]) => slug);
}

/** Like findConcept, but an unknown name is a BAD_USER_INPUT error naming the closest concepts. */
export function requireConcept(knowledge: KnowledgeSnapshot, name: string, field: string): Concept {
  const concept = findConcept(knowledge, name);
  if (concept) return concept;
  const suggestions = suggestConcepts(knowledge, name);
  const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
  throw badInput(`No concept is called "${name}".${hint}`, field, { suggestions });
}
