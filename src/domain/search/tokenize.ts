// Tokenization tuned to Kubernetes text: field paths and camelCase names are split into words,
// and the joined form is kept too, so "externalTrafficPolicy", "external traffic policy" and
// "externaltrafficpolicy" all meet in the index.
import { stem } from "./stem.js";

export interface Word {
  /** Offsets into the source text, used to highlight the word in snippets. */
  readonly start: number;
  readonly end: number;
  /** Lower-case pieces: "loadBalancerIP" → ["load", "balancer", "ip"]. */
  readonly parts: readonly string[];
  /** Lower-case pieces run together, when there is more than one piece: "loadbalancerip". */
  readonly joined: string | null;
}

// Dots, slashes and other punctuation separate words; hyphens, underscores and apostrophes stay
// inside a word and are split into pieces below.
const WORD = /[A-Za-z0-9](?:[A-Za-z0-9'’_-]*[A-Za-z0-9])?/g;

const SIMPLE = /^(?:[A-Z]?[a-z0-9]+|[A-Z0-9]+)$/;

function splitCamel(segment: string): string[] {
  if (!/[A-Z]/.test(segment)) return [segment];
  return segment
    // A single leading lower-case letter is a prefix, not a word: "mTLS", "gRPC", "eBPF".
    .replace(/([a-z0-9])([A-Z])/g, (m: string, a: string, b: string, at: number) => (at === 0 ? m : `${a} ${b}`))
    // "HTTPRoute" → "HTTP Route", but "IPv4" and "IPs" stay whole.
    .replace(/([A-Z]+)([A-Z][a-z]{2,})/g, "$1 $2")
    .split(" ");
}

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    if (SIMPLE.test(raw)) {
      // The common case, a plain word ("the", "The", "TCP"), without the allocations below.
      if (raw.length > 1) out.push({ start, end: start + raw.length, parts: [raw.toLowerCase()], joined: null });
      continue;
    }
    const parts = raw
      .replace(/['’]/g, "")
      .split(/[-_]+/)
      .flatMap(splitCamel)
      .map((p) => p.toLowerCase())
      // Single letters ("a", "s" from "Pod's") carry no meaning on their own.
      .filter((p) => p.length > 1);
    if (parts.length === 0) continue;
    const joined = parts.length > 1 ? parts.join("") : null;
    out.push({ start, end: start + match[0].length, parts, joined });
  }
  return out;
}

/** Surface terms in order, each word's pieces followed by its joined form. */
export function surfaceTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    out.push(...w.parts);
    if (w.joined) out.push(w.joined);
  }
  return out;
}

/** Index terms: stemmed surface terms. */
export function terms(text: string): string[] {
  return surfaceTerms(text).map(stem);
}

/** Turns Markdown into plain text: code spans and emphasis lose their markers, links keep their text. */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/^```.*$/gm, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/[ \t]+/g, " ");
}

/** Splits plain text into sentences; dotted names like "spec.type" and "e.g. x" stay whole. */
export function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n|(?<=[.!?])\s+(?=[A-Z`"(])/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 0);
}
