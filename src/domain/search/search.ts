// The search entry point: validates arguments, scores concepts with the prebuilt index and
// attaches a snippet to each hit. Pure and deterministic: ties are broken by slug.
import { badInput } from "../errors.js";
import { statusAt } from "../lifecycle.js";
import { FIELDS, type DocumentIndex, type NamePhrase, type SearchIndex } from "./index.js";
import { analyzeQuery, type AnalyzedQuery } from "./query.js";
import { snippet } from "./snippet.js";

export { buildSearchIndex, type DocumentIndex, type SearchIndex } from "./index.js";

export interface SearchHit {
  readonly conceptSlug: string;
  readonly score: number;
  readonly snippet: string;
  readonly matchedFields: string[];
}

/** null is accepted like undefined, as GraphQL passes it for omitted nullable arguments. */
export interface SearchOptions {
  readonly first?: number | null;
  readonly kubernetesVersion?: string | null;
}

const MAX_QUERY_LENGTH = 500;
const DEFAULT_FIRST = 10;
const MAX_FIRST = 50;
/** Scale of the bonus for naming a concept in the query; BM25F does most of the work already. */
const NAME_BONUS = 2;
/** Query terms at least this heavy count as matched for coverage (typo corrections weigh 0.7). */
const STRONG_WEIGHT = 0.75;

function validate(query: string, options: SearchOptions): { first: number; version: string | undefined } {
  if (query.trim() === "") throw badInput("The search query must not be empty.", "query");
  if (query.length > MAX_QUERY_LENGTH) throw badInput(`The search query must be at most ${MAX_QUERY_LENGTH} characters.`, "query");
  const first = options.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw badInput(`first must be an integer from 1 to ${MAX_FIRST}.`, "first");
  }
  const version = options.kubernetesVersion;
  if (version != null && !/^1\.\d{1,3}(\.\d{1,3})?$/.test(version)) {
    throw badInput(`"${version}" is not a Kubernetes version like "1.30".`, "kubernetesVersion");
  }
  return { first, version: version ?? undefined };
}

/** Length of the longest run of words that `a` and `b` share in the same order. */
function longestSharedRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

function sharesTwo(stems: readonly string[], queryStems: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const s of stems) if (queryStems.has(s) && ++shared === 2) return true;
  return false;
}

/**
 * Credits concepts named in the query: in full ("ingress class default" names IngressClass) or by
 * two or more leading words in order ("backend tls" for BackendTLSPolicy). Word order matters:
 * "IP outside the cluster" does not name ClusterIP.
 */
function nameBonus(index: DocumentIndex, q: AnalyzedQuery, scores: Float64Array): void {
  const best = new Map<number, number>();
  const seen = new Set<NamePhrase>();
  const queryStems = new Set(q.sequence);
  for (const s of queryStems) {
    for (const phrase of index.namePhrases.get(s) ?? []) {
      if (seen.has(phrase)) continue;
      seen.add(phrase);
      // A run of two needs two shared stems; most phrases share one, and need no run.
      if (phrase.stems.length > 1 && !sharesTwo(phrase.stems, queryStems)) continue;
      const run = longestSharedRun(phrase.stems, q.sequence);
      const full = run === phrase.stems.length;
      if (!full && run < 2) continue;
      const bonus = (NAME_BONUS * run * run * (full ? 1 : run / phrase.stems.length)) / q.sequence.length;
      best.set(phrase.doc, Math.max(best.get(phrase.doc) ?? 0, bonus));
    }
  }
  for (const [doc, bonus] of best) if (scores[doc] !== 0) scores[doc]! += bonus;
}

export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const { first, version } = validate(query, options);
  const { top, values } = rank(index, query, first, version);
  return top.map(({ doc, score, fields }) => ({
    conceptSlug: index.docs[doc]!.slug,
    score: Math.round(score * 1e4) / 1e4,
    snippet: snippet(index.docs[doc]!, values),
    matchedFields: FIELDS.filter((_, f) => (fields & (1 << f)) !== 0),
  }));
}

/** A guide found by `searchGuides`. */
export interface GuideHit {
  readonly guideSlug: string;
  readonly score: number;
  readonly snippet: string;
  /** Which parts of the guide matched: name (title), aliases (questions), summary, tags (keywords), body (steps and causes). */
  readonly matchedFields: string[];
  /**
   * The idf-weighted share of the query's words the guide contains as typed, from 0 to 1. Typo
   * corrections do not count, and words no guide contains are left out.
   */
  readonly coverage: number;
}

/** Ranked search over the troubleshooting and how-to guides, with the same query language as `search`. */
export function searchGuides(index: SearchIndex, query: string, options: { readonly first?: number | null } = {}): GuideHit[] {
  const { first } = validate(query, { first: options.first });
  const guides = index.guides;
  const { top, values } = rank(guides, query, first, undefined, true);
  return top.map(({ doc, score, fields, coverage }) => ({
    guideSlug: guides.docs[doc]!.slug,
    score: Math.round(score * 1e4) / 1e4,
    snippet: snippet(guides.docs[doc]!, values),
    matchedFields: FIELDS.filter((_, f) => (fields & (1 << f)) !== 0),
    coverage: Math.round(coverage * 1e4) / 1e4,
  }));
}

/** Like `searchGuides` without snippets, for callers that only choose a guide (ask). */
export function rankGuides(index: SearchIndex, query: string, first: number): Pick<GuideHit, "guideSlug" | "score" | "coverage">[] {
  const { top } = rank(index.guides, query, first, undefined, true);
  return top.map(({ doc, score, coverage }) => ({ guideSlug: index.guides.docs[doc]!.slug, score, coverage }));
}

/** The best `first` documents for a query, and what each query term is worth (for snippets). */
export function rank(
  index: DocumentIndex,
  query: string,
  first: number,
  version: string | undefined,
  /** Measure coverage against the words this index knows only (a word no document has cannot tell documents apart). */
  knownWordsOnly = false,
): { top: Ranked[]; values: Map<string, number>; knownShare: number } {
  const q = analyzeQuery(index, query);
  if (q.terms.size === 0) throw badInput("The search query must contain at least one word.", "query");

  const n = index.docs.length;
  const scores = new Float64Array(n);
  const fields = new Int32Array(n);
  const groups = new Int32Array(n);
  // Words matched as typed (or through the vocabulary), not only through a typo correction.
  const strong = new Int32Array(n);
  for (const [term, { weight, groups: g }] of q.terms) {
    const sure = weight >= STRONG_WEIGHT ? g : 0;
    for (const p of index.postings.get(term) ?? []) {
      scores[p.doc]! += weight * p.score;
      fields[p.doc]! |= p.fields;
      groups[p.doc]! |= g;
      strong[p.doc]! |= sure;
    }
  }
  nameBonus(index, q, scores);

  const totalWeight = q.groupWeights.reduce((sum, w) => sum + w, 0);
  let coverageWeights = q.groupWeights;
  if (knownWordsOnly) {
    let known = 0;
    for (const [term, { groups: g }] of q.terms) if (index.postings.has(term)) known |= g;
    coverageWeights = q.groupWeights.map((w, i) => (known & (1 << i) ? w : 0));
  }
  const coverageTotal = coverageWeights.reduce((sum, w) => sum + w, 0);
  // How much of the query (by weight) this index knows at all: near 0 for an off-topic question.
  const knownShare = totalWeight > 0 ? coverageTotal / totalWeight : 0;
  const top: Ranked[] = [];
  for (let doc = 0; doc < n; doc++) {
    if (scores[doc] === 0) continue;
    const lifecycle = index.docs[doc]!.lifecycle;
    if (version && lifecycle?.track === "KUBERNETES" && statusAt(lifecycle, version) === null) continue;
    // Concepts that answer every part of the question beat ones that answer one part very well.
    const coverage = covered(groups[doc]!, q.groupWeights, totalWeight);
    const score = scores[doc]! * (0.5 + 0.5 * coverage);
    keepTop(top, { doc, score, fields: fields[doc]!, coverage: coverageTotal > 0 ? covered(strong[doc]!, coverageWeights, coverageTotal) : 0 }, first, index.slugRank);
  }

  const values = new Map<string, number>();
  for (const [term, { weight }] of q.terms) {
    const df = index.postings.get(term)?.length;
    if (df) values.set(term, weight * Math.log(1 + n / df));
  }
  return { top, values, knownShare };
}

export interface Ranked {
  readonly doc: number;
  readonly score: number;
  readonly fields: number;
  /** The idf-weighted share of the query's words matched without typo correction. */
  readonly coverage: number;
}

/**
 * Adds `hit` to `top`, which holds the best `first` hits so far in order: higher score first, ties
 * by slug. A search matches about half the concepts and shows ten; sorting them all cost more
 * than the scoring (a quarter of a search in a profile).
 */
function keepTop(top: Ranked[], hit: Ranked, first: number, slugRank: Int32Array): void {
  const before = (a: Ranked, b: Ranked) => a.score > b.score || (a.score === b.score && slugRank[a.doc]! < slugRank[b.doc]!);
  if (top.length === first) {
    if (!before(hit, top[first - 1]!)) return;
    top.pop();
  }
  let i = top.length;
  top.push(hit);
  for (; i > 0 && before(hit, top[i - 1]!); i--) top[i] = top[i - 1]!;
  top[i] = hit;
}

/** The idf-weighted share of the query's words a concept matches: missing a rare word costs more. */
function covered(groups: number, weights: readonly number[], totalWeight: number): number {
  if (totalWeight <= 0) return 1;
  let hit = 0;
  for (let i = 0; i < weights.length; i++) if (groups & (1 << i)) hit += weights[i]!;
  return hit / totalWeight;
}
