// Sentence-level retrieval: the sentence of a concept's summary, body or facts that states what the
// question asks, rather than the summary of the concept that matched best.
import type { DocumentIndex, Sentence } from "../search/index.js";
import { rank } from "../search/search.js";
import { plain } from "./text.js";

export interface FoundSentence {
  readonly slug: string;
  readonly text: string;
  readonly field: Sentence["field"];
  readonly score: number;
}

export interface Retrieval {
  /** The best documents, best first, with how much of the question's known words each covers (0 to 1). */
  readonly hits: readonly { readonly slug: string; readonly coverage: number }[];
  /** The share of the question (by idf weight) made of words the knowledge base uses at all. */
  readonly knownShare: number;
  /** At most `max` sentences, best first, each adding query words the earlier ones lack. */
  readonly sentences: readonly FoundSentence[];
}

const DOCS = 5;
/** Sentences looked at per document, best scoring first; the rest cannot win. */
const PER_DOC = 4;
const MAX_LENGTH = 320;
const SUMMARY_BONUS = 1.3;
/** A sentence that leans on its neighbours ("It...", "This...") is worth less on its own. */
const DANGLING = /^(?:It|This|That|These|Those|They|Both|Such|Here|There)\b/;

interface Candidate {
  /** Rank of the document among the hits (0 = best). */
  readonly position: number;
  readonly doc: number;
  readonly sentence: number;
  readonly score: number;
  /** Bit i set when the sentence contains the query's i-th term (first 31 terms). */
  readonly terms: number;
}

/** Finds the sentences that best answer `query` among the top documents of `index`. */
export function retrieveSentences(index: DocumentIndex, query: string, max = 2): Retrieval {
  // Coverage counts only words the concepts use: conversational words ("we pay for each") are no
  // topic, and `knownShare` tells an off-topic question from an on-topic one in many words.
  const { top, values, knownShare } = rank(index, query, DOCS, undefined, true);
  const hits = top.map((r) => ({ slug: index.docs[r.doc]!.slug, coverage: r.coverage }));
  const terms = [...values].slice(0, 31);
  const candidates: Candidate[] = [];
  top.forEach((r, position) => {
    const doc = index.docs[r.doc]!;
    const scores = new Float64Array(doc.sentences.length);
    const masks = new Int32Array(doc.sentences.length);
    terms.forEach(([term, value], bit) => {
      for (const i of doc.sentencesByTerm.get(term) ?? []) {
        scores[i]! += value;
        masks[i]! |= 1 << bit;
      }
    });
    // Documents lower in the ranking need more evidence, in proportion to how much less they matched
    // (the ranking already weighs names and fields), so a stray sentence elsewhere does not win.
    const docWeight = Math.min(1 - 0.12 * position, r.score / top[0]!.score);
    const best: Candidate[] = [];
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] === 0) continue;
      const candidate = { position, doc: r.doc, sentence: i, score: scores[i]! * docWeight, terms: masks[i]! };
      let at = best.length;
      while (at > 0 && best[at - 1]!.score < candidate.score) at--;
      if (at < PER_DOC) best.splice(at, 0, candidate);
      if (best.length > PER_DOC) best.pop();
    }
    candidates.push(...best);
  });
  const found: { s: FoundSentence; terms: number; position: number }[] = [];
  for (const c of candidates) {
    const sentence = index.docs[c.doc]!.sentences[c.sentence]!;
    const text = plain(sentence.text);
    if (text.length > MAX_LENGTH || !/[.!?)]$/.test(text)) continue;
    // A summary is written to be read on its own (the search snippet prefers it too).
    const score = c.score * (DANGLING.test(text) ? 0.6 : 1) * (sentence.field === "summary" ? SUMMARY_BONUS : 1);
    found.push({ s: { slug: index.docs[c.doc]!.slug, text, field: sentence.field, score }, terms: c.terms, position: c.position });
  }
  found.sort((a, b) => b.s.score - a.s.score || (a.s.slug < b.s.slug ? -1 : a.s.slug > b.s.slug ? 1 : 0));
  const chosen: FoundSentence[] = [];
  let said = 0;
  for (const { s, terms: mask, position } of found) {
    if (chosen.length >= max) break;
    if (chosen.some((c) => c.text === s.text)) continue;
    // A second sentence must add words, score near the first and come from one of the two best documents.
    if (chosen.length > 0 && ((mask & ~said) === 0 || s.score < chosen[0]!.score * 0.6 || position > 1)) continue;
    chosen.push(s);
    said |= mask;
  }
  return { hits, knownShare, sentences: chosen };
}
