// Picks the sentence that best answers the query and marks the matched words with **.
import type { IndexedConcept, Sentence } from "./index.js";

const MAX_LENGTH = 200;

/** `value(stem)` is how much a query term is worth (0 when it is not in the query). */
export function snippet(doc: IndexedConcept, value: (stem: string) => number): string {
  let best: Sentence | undefined;
  let bestScore = 0;
  for (const sentence of doc.sentences) {
    let score = 0;
    for (const term of sentence.terms) score += value(term);
    // The summary is written to be read on its own: prefer it when it says as much.
    if (sentence.field === "summary") score *= 1.15;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  best ??= doc.sentences[0];
  if (!best) return "";
  const hits = best.wordTerms.map((ts) => ts.some((t) => value(t) > 0));
  const [from, to] = window(best, hits);
  let out = "";
  let at = from;
  best.words.forEach((w, i) => {
    if (!hits[i] || w.start < from || w.end > to) return;
    out += `${best.text.slice(at, w.start)}**${best.text.slice(w.start, w.end)}**`;
    at = w.end;
  });
  out += best.text.slice(at, to);
  return `${from > 0 ? "…" : ""}${out.trim()}${to < best.text.length ? "…" : ""}`;
}

/** About MAX_LENGTH characters around the first matched word, cut at word boundaries. */
function window(sentence: Sentence, hits: readonly boolean[]): [number, number] {
  const { text, words } = sentence;
  if (text.length <= MAX_LENGTH + 20) return [0, text.length];
  const first = words[Math.max(0, hits.indexOf(true))];
  let from = Math.max(0, (first?.start ?? 0) - 60);
  if (from > 0) from = words.find((w) => w.start >= from)?.start ?? from;
  let to = Math.min(text.length, from + MAX_LENGTH);
  if (to < text.length) to = [...words].reverse().find((w) => w.end <= to)?.end ?? to;
  return [from, to];
}
