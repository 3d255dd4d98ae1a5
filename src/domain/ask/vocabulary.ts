// The ask vocabulary (prisma/content/ask/) compiled once per knowledge snapshot: which kinds of
// answer a question's wording asks for, and which comparison dimensions its phrases name.
import type { AskVocabularyEntry, KnowledgeSnapshot } from "../knowledge.js";

export type SignalKind = "YES_NO" | "HOW_TO" | "TROUBLESHOOTING";

interface Compiled {
  readonly kinds: readonly { readonly kind: SignalKind; readonly patterns: readonly RegExp[] }[];
  readonly filler: ReadonlySet<string>;
  /** Normalised phrase -> dimension, longest phrases first. */
  readonly phrases: readonly { readonly phrase: string; readonly dimension: string }[];
}

const cache = new WeakMap<readonly AskVocabularyEntry[], Compiled>();

/** Lower case, words separated by single spaces, padded so " phrase " finds whole words. */
export function normalizeText(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9/'-]+/g, " ").replace(/\s+/g, " ").trim()} `;
}

function compile(entries: readonly AskVocabularyEntry[]): Compiled {
  let compiled = cache.get(entries);
  if (!compiled) {
    const kinds: { kind: SignalKind; patterns: RegExp[] }[] = [];
    const phrases: { phrase: string; dimension: string }[] = [];
    const filler = new Set<string>();
    for (const entry of entries) {
      if (entry.use === "QUESTION_KIND") kinds.push({ kind: entry.kind, patterns: entry.patterns.map((p) => new RegExp(p, "i")) });
      else if (entry.use === "FILLER") for (const word of entry.words) filler.add(word);
      else for (const phrase of entry.phrases) phrases.push({ phrase: normalizeText(phrase), dimension: entry.dimension });
    }
    phrases.sort((a, b) => b.phrase.length - a.phrase.length);
    compiled = { kinds, filler, phrases };
    cache.set(entries, compiled);
  }
  return compiled;
}

/** The kinds of answer the question's wording asks for (several may apply). */
export function questionSignals(knowledge: KnowledgeSnapshot, question: string): Set<SignalKind> {
  const q = question.trim().replace(/\s+/g, " ").replace(/[’`]/g, "'");
  const out = new Set<SignalKind>();
  const parts = clauses(q);
  for (const { kind, patterns } of compile(knowledge.documents.askVocabulary).kinds) {
    if (patterns.some((re) => parts.some((part) => re.test(part)))) out.add(kind);
  }
  return out;
}

/**
 * People often set the scene first ("X stopped working. How do I fix it?"), so each sentence may
 * open the question; the whole question comes first.
 */
function clauses(question: string): string[] {
  const q = question.trim().replace(/\s+/g, " ").replace(/[’`]/g, "'");
  return [q, ...q.split(/(?<=[.?!;])\s+/).slice(1)];
}

/** The sentences of the question that ask yes or no ("Can Ingress expose it?"), in order. */
export function yesNoClauses(knowledge: KnowledgeSnapshot, question: string): string[] {
  const entry = compile(knowledge.documents.askVocabulary).kinds.filter((k) => k.kind === "YES_NO");
  const all = clauses(question);
  // The whole question counts only when it is one sentence; otherwise its sentences speak for themselves.
  const candidates = all.length > 1 ? all.slice(1).concat(all[0]!.split(/(?<=[.?!;])\s+/)[0]!) : all;
  return candidates.filter((part) => entry.some(({ patterns }) => patterns.some((re) => re.test(part))));
}

/** Dimensions named in the text with the phrase that named each, longest phrase first; a word counts once. */
export function namedDimensions(knowledge: KnowledgeSnapshot, text: string): { dimension: string; phrase: string }[] {
  let rest = normalizeText(text);
  const out: { dimension: string; phrase: string }[] = [];
  for (const { phrase, dimension } of compile(knowledge.documents.askVocabulary).phrases) {
    const at = rest.indexOf(phrase);
    if (at < 0) continue;
    rest = `${rest.slice(0, at)} | ${rest.slice(at + phrase.length)}`;
    if (!out.some((d) => d.dimension === dimension)) out.push({ dimension, phrase: phrase.trim() });
  }
  return out;
}

/** The question without words that carry no topic, for looking up answers; the question itself if nothing is left. */
export function topicWords(knowledge: KnowledgeSnapshot, question: string): string {
  const { filler } = compile(knowledge.documents.askVocabulary);
  const kept = question.split(/\s+/).filter((w) => !filler.has(w.toLowerCase().replace(/[^a-z0-9']/g, "")));
  return kept.length ? kept.join(" ") : question;
}
