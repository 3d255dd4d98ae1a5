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
  /** The best documents, best first, with how much of the question each covers (0 to 1). */
  readonly hits: readonly { readonly slug: string; readonly coverage: number }[];
  /** At most `max` sentences, best first, each adding query words the earlier ones lack. */
  readonly sentences: readonly FoundSentence[];
}

const DOCS = 5;
const MAX_LENGTH = 320;
/** A sentence that leans on its neighbours ("It...", "This...") is worth less on its own. */
const DANGLING = /^(?:It|This|That|These|Those|They|Both|Such|Here|There)\b/;

/** Finds the sentences that best answer `query` among the top documents of `index`. */
export function retrieveSentences(index: DocumentIndex, query: string, max = 2): Retrieval {
  const { top, values } = rank(index, query, DOCS, undefined);
  const hits = top.map((r) => ({ slug: index.docs[r.doc]!.slug, coverage: r.coverage }));
  const candidates: { s: FoundSentence; terms: Set<string> }[] = [];
  top.forEach((r, position) => {
    const doc = index.docs[r.doc]!;
    const scores = new Map<number, { score: number; terms: Set<string> }>();
    for (const [term, value] of values) {
      for (const i of doc.sentencesByTerm.get(term) ?? []) {
        const entry = scores.get(i) ?? { score: 0, terms: new Set<string>() };
        entry.score += value;
        entry.terms.add(term);
        scores.set(i, entry);
      }
    }
    // Documents lower in the ranking need more evidence; the ranking already weighs names and fields.
    const docWeight = 1 - 0.12 * position;
    for (const [i, { score, terms }] of scores) {
      const sentence = doc.sentences[i]!;
      const text = plain(sentence.text);
      if (text.length > MAX_LENGTH || !/[.!?)]$/.test(text)) continue;
      const penalty = DANGLING.test(text) ? 0.6 : 1;
      candidates.push({ s: { slug: doc.slug, text, field: sentence.field, score: score * docWeight * penalty }, terms });
    }
  });
  candidates.sort((a, b) => b.s.score - a.s.score || a.s.slug.localeCompare(b.s.slug));
  const chosen: FoundSentence[] = [];
  const said = new Set<string>();
  for (const { s, terms } of candidates) {
    if (chosen.length >= max) break;
    if (chosen.some((c) => c.text === s.text)) continue;
    const adds = [...terms].some((t) => !said.has(t));
    if (chosen.length > 0 && (!adds || s.score < chosen[0]!.score * 0.5)) continue;
    chosen.push(s);
    for (const t of terms) said.add(t);
  }
  return { hits, sentences: chosen };
}
