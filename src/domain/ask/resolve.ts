// Finding the concepts a question names: exact names and aliases on runs of words (longest
// first, left to right), then ranked search when nothing is named outright.
import { DomainError } from "../errors.js";
import type { Concept, KnowledgeSnapshot } from "../knowledge.js";
import { findConcept } from "../lookup.js";
import { search, type SearchHit, type SearchIndex } from "../search/search.js";

/** Concepts so broad that naming them rarely says what a question is about. */
const GENERIC = new Set(["service", "pod"]);
const MAX_WORDS = 5;

export interface Mention {
  readonly concept: Concept;
  /** Position of the first word of the mention. */
  readonly start: number;
  readonly words: number;
}

/** Words as people write Kubernetes names: "spec.externalTrafficPolicy", "kube-proxy", "LB". */
function wordsOf(text: string): string[] {
  return (text.match(/[A-Za-z0-9][A-Za-z0-9._/-]*/g) ?? [])
    .map((w) => w.replace(/[._/-]+$/, ""))
    .filter((w) => w.length > 1);
}

/** Every concept named in the text, left to right, preferring the longest name at each position. */
export function mentions(knowledge: KnowledgeSnapshot, text: string): Mention[] {
  const words = wordsOf(text);
  const out: Mention[] = [];
  for (let i = 0; i < words.length; ) {
    let found: Mention | undefined;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && !found; n--) {
      const concept = findConcept(knowledge, words.slice(i, i + n).join(" "));
      if (concept) found = { concept, start: i, words: n };
    }
    if (found) {
      out.push(found);
      i += found.words;
    } else i++;
  }
  return out;
}

/** The concepts named in the text without repeats, specific ones before generic ones. */
export function namedConcepts(knowledge: KnowledgeSnapshot, text: string): Concept[] {
  const unique = [...new Map(mentions(knowledge, text).map((m) => [m.concept.slug, m.concept])).values()];
  return [...unique.filter((c) => !GENERIC.has(c.slug)), ...unique.filter((c) => GENERIC.has(c.slug))];
}

/** Ranked search that treats a query with no searchable words as "no hits". */
export function safeSearch(index: SearchIndex, query: string, first: number): SearchHit[] {
  try {
    return search(index, query.slice(0, 500), { first });
  } catch (error) {
    if (error instanceof DomainError) return [];
    throw error;
  }
}

const FILLER = /^(?:the|a|an|my|our|your|using|use|a\s+kubernetes|kubernetes|k8s)\s+|\s+(?:in\s+kubernetes|in\s+k8s|please)$/i;

/** Strips articles, question marks and similar filler around a name. */
export function cleanSubject(text: string): string {
  let s = text.trim().replace(/[?!.,;:]+$/, "").trim();
  for (let previous = ""; previous !== s; ) {
    previous = s;
    s = s.replace(FILLER, "").trim();
  }
  return s;
}

/**
 * The one concept a phrase is about: its exact name, else the most specific concept it names,
 * else (when `searchFallback`) the top search hit.
 */
export function resolveSubject(knowledge: KnowledgeSnapshot, index: SearchIndex, phrase: string, searchFallback = true): Concept | undefined {
  const subject = cleanSubject(phrase);
  if (!subject) return undefined;
  const exact = findConcept(knowledge, subject) ?? findConcept(knowledge, subject.replace(/s$/i, ""));
  if (exact) return exact;
  const named = namedConcepts(knowledge, subject)[0];
  if (named) return named;
  return searchFallback ? searchSubject(knowledge, index, subject) : undefined;
}

/** The top search hit for a phrase, skipping one concept (the other side of a comparison). */
export function searchSubject(knowledge: KnowledgeSnapshot, index: SearchIndex, phrase: string, exclude?: string): Concept | undefined {
  const hit = safeSearch(index, cleanSubject(phrase), 3).find((h) => h.conceptSlug !== exclude);
  return hit ? knowledge.conceptsBySlug.get(hit.conceptSlug) : undefined;
}

/** Filler words that do not count against a name covering a phrase ("the default Service type"). */
const SMALL = new Set(["the", "a", "an", "of", "for", "in", "on", "to", "and", "or", "is", "are", "kubernetes", "k8s"]);

/**
 * The concept a definition question is about, when the phrase is that concept's name (give or take
 * small words): "a headless Service" is, "the default Service type" is not (it asks a fact about it).
 */
export function definedConcept(knowledge: KnowledgeSnapshot, phrase: string): Concept | undefined {
  const subject = cleanSubject(phrase);
  if (!subject) return undefined;
  const exact = findConcept(knowledge, subject) ?? findConcept(knowledge, subject.replace(/s$/i, ""));
  if (exact) return exact;
  const words = wordsOf(subject);
  const found = mentions(knowledge, subject);
  const first = found.find((m) => !GENERIC.has(m.concept.slug)) ?? found[0];
  if (!first) return undefined;
  const covered = new Set(found.flatMap((m) => Array.from({ length: m.words }, (_, k) => m.start + k)));
  const rest = words.filter((w, i) => !covered.has(i) && !SMALL.has(w.toLowerCase()));
  return rest.length === 0 ? first.concept : undefined;
}
