// Picks the sentence that best answers the query and marks the matched words with **.
import type { IndexedConcept, Sentence } from "./index.js";
import type { Word } from "./tokenize.js";

const MAX_LENGTH = 200;
/** Marks where a snippet was cut from its passage. */
export const ELLIPSIS = "...";

/** `values` holds what each query term is worth. */
export function snippet(doc: IndexedConcept, values: ReadonlyMap<string, number>): string {
  const scores = new Float64Array(doc.sentences.length);
  for (const [term, value] of values) for (const i of doc.sentencesByTerm.get(term) ?? []) scores[i]! += value;
  let best: Sentence | undefined;
  let bestScore = 0;
  doc.sentences.forEach((sentence, i) => {
    // The summary is written to be read on its own: prefer it when it says as much.
    const score = scores[i]! * (sentence.field === "summary" ? 1.15 : 1);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  });
  best ??= doc.sentences[0];
  if (!best) return "";
  const text = best.text;
  const ws = best.words;
  const hits = best.wordTerms.map((terms) => terms.some((t) => values.has(t)));
  const [from, to] = window(text, ws, hits);
  let out = "";
  let at = from;
  ws.forEach((w, i) => {
    if (!hits[i] || w.start < from || w.end > to) return;
    out += `${text.slice(at, w.start)}**${text.slice(w.start, w.end)}**`;
    at = w.end;
  });
  out += text.slice(at, to);
  // "..." rather than "…": one character above U+00FF would make V8 hold the whole answer's JSON as two-byte text.
  return `${from > 0 ? ELLIPSIS : ""}${out.trim()}${to < text.length ? ELLIPSIS : ""}`;
}

/** About MAX_LENGTH characters around the first matched word, cut at word boundaries. */
function window(text: string, ws: readonly Word[], hits: readonly boolean[]): [number, number] {
  if (text.length <= MAX_LENGTH + 20) return [0, text.length];
  const first = ws[Math.max(0, hits.indexOf(true))];
  let from = Math.max(0, (first?.start ?? 0) - 60);
  if (from > 0) from = ws.find((w) => w.start >= from)?.start ?? from;
  let to = Math.min(text.length, from + MAX_LENGTH);
  if (to < text.length) to = [...ws].reverse().find((w) => w.end <= to)?.end ?? to;
  return [from, to];
}
