// Turns a user's question into weighted index terms: stopwords out, vocabulary expansions in,
// unknown words split ("loadbalancerip") or corrected ("ingres" → "ingress").
import type { DocumentIndex } from "./index.js";
import { stem } from "./stem.js";
import { surfaceTerms, words } from "./tokenize.js";
import { EXPANSIONS, STOPWORDS } from "./vocabulary.js";

export interface QueryTerm {
  readonly weight: number;
  /** Bit i set when the term stands for the query's i-th content word. */
  readonly groups: number;
}

export interface AnalyzedQuery {
  readonly terms: ReadonlyMap<string, QueryTerm>;
  /** Stems of the content words (typos corrected), in order, for recognising concept names. */
  readonly sequence: readonly string[];
  /** How much each content word matters (an idf), for judging how much of the query a concept covers. */
  readonly groupWeights: readonly number[];
}

const FUZZY_WEIGHT = 0.7;
const SPLIT_WEIGHT = 0.8;
// A compound also matches through its pieces; full weight would count it twice.
const JOINED_WEIGHT = 0.5;
/** Content words are tracked in a 32-bit mask; words past this many are ignored. */
const MAX_GROUPS = 30;

const phrase = (text: string) =>
  words(text)
    .flatMap((w) => w.parts)
    .filter((p) => !STOPWORDS.has(p))
    .map(stem);
const COMPILED = EXPANSIONS.map((x) => ({
  when: x.when.map(phrase).filter((w) => w.length > 0),
  add: [...new Set(x.add.flatMap((a) => surfaceTerms(a).map(stem)))],
  weight: x.weight,
}));
/** Stems some expansion knows; such words are vocabulary, not typos. */
const VOCABULARY_STEMS = new Set(COMPILED.flatMap((x) => x.when.flat()));
/** Expansion phrases by their first stem: each query word tries only the phrases that start with it. */
const PHRASES_BY_FIRST_STEM = new Map<string, { when: readonly string[]; expansion: (typeof COMPILED)[number] }[]>();
for (const expansion of COMPILED) {
  for (const when of expansion.when) {
    const list = PHRASES_BY_FIRST_STEM.get(when[0]!) ?? [];
    list.push({ when, expansion });
    PHRASES_BY_FIRST_STEM.set(when[0]!, list);
  }
}

/** Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (i === la && i === lb) return true;
  if (la > lb) return a.slice(i + 1) === b.slice(i);
  if (lb > la) return a.slice(i) === b.slice(i + 1);
  return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

function corrections(index: DocumentIndex, surface: string): string[] {
  const found = new Set<string>();
  for (let len = surface.length - 1; len <= surface.length + 1; len++) {
    for (const candidate of index.surfaceByLength.get(len) ?? []) {
      if (withinOneEdit(surface, candidate)) found.add(index.surfaceToStem.get(candidate)!);
    }
  }
  return [...found];
}

/** "loadbalancerip" → two known words, when the user ran them together. */
function split(index: DocumentIndex, surface: string): string[] | null {
  for (let i = 2; i <= surface.length - 2; i++) {
    const left = stem(surface.slice(0, i));
    const right = stem(surface.slice(i));
    if (index.postings.has(left) && index.postings.has(right)) return [left, right];
  }
  return null;
}

export function analyzeQuery(index: DocumentIndex, query: string): AnalyzedQuery {
  const ws = words(query);
  const all = ws.flatMap((w) => w.parts);
  const keepAll = all.every((p) => STOPWORDS.has(p));
  const content = keepAll ? all : all.filter((p) => !STOPWORDS.has(p));
  const surfaces = content.slice(0, MAX_GROUPS);
  // Words the index has seen were stemmed when it was built.
  const stemOf = (surface: string) => index.surfaceToStem.get(surface) ?? stem(surface);
  const sequence = surfaces.map(stemOf);
  const terms = new Map<string, QueryTerm>();
  const add = (term: string, weight: number, groups: number) => {
    const old = terms.get(term);
    terms.set(term, { weight: Math.max(weight, old?.weight ?? 0), groups: groups | (old?.groups ?? 0) });
  };
  const bit = (i: number) => 1 << i;

  sequence.forEach((s, i) => add(s, 1, bit(i)));
  for (const w of ws) {
    if (!w.joined) continue;
    const at = surfaces.indexOf(w.parts.find((p) => surfaces.includes(p)) ?? "");
    if (at >= 0) add(stemOf(w.joined), JOINED_WEIGHT, bit(at));
  }
  // Words typed apart that the index knows together: "node port" → "nodeport".
  for (let i = 0; i + 1 < surfaces.length; i++) {
    const joined = stemOf(surfaces[i]! + surfaces[i + 1]!);
    if (index.postings.has(joined)) add(joined, JOINED_WEIGHT, bit(i) | bit(i + 1));
  }

  const expanded = new Set<number>();
  for (let i = 0; i < sequence.length; i++) {
    for (const { when, expansion } of PHRASES_BY_FIRST_STEM.get(sequence[i]!) ?? []) {
      if (i + when.length > sequence.length || !when.every((s, k) => sequence[i + k] === s)) continue;
      let groups = 0;
      for (let k = 0; k < when.length; k++) {
        groups |= bit(i + k);
        expanded.add(i + k);
      }
      for (const t of expansion.add) add(t, expansion.weight, groups);
    }
  }

  const corrected = [...sequence];
  surfaces.forEach((surface, i) => {
    const s = sequence[i]!;
    if (index.postings.has(s) || VOCABULARY_STEMS.has(s) || expanded.has(i)) return;
    // Typos are only guessed for words long enough that one edit rarely turns them into another word.
    const fixes = surface.length >= 4 && !/\d/.test(surface) ? corrections(index, surface) : [];
    for (const fix of fixes) add(fix, FUZZY_WEIGHT, bit(i));
    const df = (term: string) => index.postings.get(term)?.length ?? 0;
    // For name recognition, assume the most common correction was meant.
    const best = fixes.sort((a, b) => df(b) - df(a) || a.localeCompare(b))[0];
    if (best) corrected[i] = best;
    else if (surface.length >= 6) for (const p of split(index, surface) ?? []) add(p, SPLIT_WEIGHT, bit(i));
  });

  // A word is as easy to match as its most common alternative ("k8s" via "kubernetes").
  const n = index.docs.length;
  const groupWeights = corrected.map((_, i) => {
    let df = 0;
    for (const [term, { groups }] of terms) if (groups & bit(i)) df = Math.max(df, index.postings.get(term)?.length ?? 0);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  });
  return { terms, sequence: corrected, groupWeights };
}
