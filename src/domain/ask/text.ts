// Plain-text helpers for answers: no Markdown, at most a few sentences.
import { sentences } from "../search/tokenize.js";

/** Removes Markdown emphasis and code marks and collapses whitespace. */
export function plain(text: string): string {
  return text
    .replace(/\*\*|__/g, "")
    .replace(/`/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The sentences of a text, as the search index splits them ("spec.type" and "e.g. x" stay whole). */
export function sentencesOf(text: string): string[] {
  return sentences(plain(text));
}

/** Joins the sentences of several texts, keeping at most `max` sentences in all. */
export function limitSentences(texts: readonly string[], max = 3): string {
  const out: string[] = [];
  for (const text of texts) {
    for (const sentence of sentencesOf(text)) {
      if (out.length >= max) break;
      out.push(/[.!?]$/.test(sentence) ? sentence : `${sentence}.`);
    }
  }
  return out.join(" ");
}

/** The first sentence of a text, plain. */
export function firstSentence(text: string): string {
  return sentencesOf(text)[0] ?? plain(text);
}
