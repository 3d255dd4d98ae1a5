// The BM25F index over concepts. Everything that does not depend on the query (field weights,
// length normalisation, idf, which sentences hold which terms) is computed here, once, so a
// search is a few map lookups and additions.
import type { Concept, Guide, KnowledgeSnapshot, Lifecycle } from "../knowledge.js";
import { stem } from "./stem.js";
import { sentences, stripMarkdown, words, type Word } from "./tokenize.js";
import { STOPWORDS } from "./vocabulary.js";

export const FIELDS = ["name", "aliases", "summary", "tags", "body", "facts"] as const;
export type Field = (typeof FIELDS)[number];

// Name and aliases say what a concept *is*; the body merely mentions things. b is low for the
// short fields so a concept with many aliases is not punished for them.
const WEIGHT: Record<Field, number> = { name: 6, aliases: 5, summary: 3, tags: 2, body: 1, facts: 1 };
const B: Record<Field, number> = { name: 0.3, aliases: 0.3, summary: 0.5, tags: 0.3, body: 0.75, facts: 0.75 };
// The field weights inflate term frequencies, so k1 is far above the textbook 1.2; with 1.2 a word
// in a concept's name and the same word in passing in a body saturated to nearly the same score.
const K1 = 8;

export interface Posting {
  readonly doc: number;
  /** idf × saturated BM25F term frequency: the term's whole contribution for weight 1. */
  readonly score: number;
  /** Bit i set when FIELDS[i] contains the term. */
  readonly fields: number;
}

export interface Sentence {
  readonly field: Field;
  readonly text: string;
  /** The sentence's words and each word's index terms, kept so snippets need no tokenizing per query. */
  readonly words: readonly Word[];
  readonly wordTerms: readonly (readonly string[])[];
}

export interface IndexedConcept {
  readonly slug: string;
  readonly lifecycle: Lifecycle | null;
  /** Summary, body and fact sentences, the candidates for a snippet. */
  readonly sentences: readonly Sentence[];
  /** Term → positions in `sentences` of the sentences that contain it. */
  readonly sentencesByTerm: ReadonlyMap<string, readonly number[]>;
}

/** A name or alias as stopword-free stems, for recognising it inside a query. */
export interface NamePhrase {
  readonly doc: number;
  readonly stems: readonly string[];
}

/** An index over one kind of document (concepts or guides). */
export interface DocumentIndex {
  readonly docs: readonly IndexedConcept[];
  readonly postings: ReadonlyMap<string, readonly Posting[]>;
  /** Every surface word seen (lower-case), grouped by length, for typo correction. */
  readonly surfaceByLength: ReadonlyMap<number, readonly string[]>;
  readonly surfaceToStem: ReadonlyMap<string, string>;
  /** Every name phrase, under each of its stems. */
  readonly namePhrases: ReadonlyMap<string, readonly NamePhrase[]>;
  /** Each doc's place in slug order (localeCompare), to break ties without comparing strings per query. */
  readonly slugRank: Int32Array;
}

/**
 * A name as stopword-free stem sequences: piece by piece, and with each compound run together,
 * so "LoadBalancer" is recognised in "load balancer" and in "loadbalancer".
 */
export function phraseVariants(text: string): string[][] {
  const ws = words(text);
  const pieces = ws.flatMap((w) => w.parts).filter((p) => !STOPWORDS.has(p)).map(stem);
  const joined = ws.flatMap((w) => (w.joined ? [w.joined] : w.parts.filter((p) => !STOPWORDS.has(p)))).map(stem);
  return joined.join(" ") === pieces.join(" ") ? [pieces] : [pieces, joined];
}

function factTexts(concept: Concept, knowledge: KnowledgeSnapshot): string[] {
  const facts: string[] = [];
  for (const capability of knowledge.capabilitiesByConcept.get(concept.slug)?.values() ?? []) facts.push(capability.note);
  for (const fact of knowledge.comparisonsByConcept.get(concept.slug) ?? []) facts.push(fact.statement);
  return facts;
}

interface Analyzed {
  readonly field: Field;
  readonly sentences: readonly Sentence[];
  /** Distinct terms of each sentence. */
  readonly sentenceTerms: readonly (readonly string[])[];
  /** All terms, repeats included, for term frequencies. */
  readonly terms: readonly string[];
}

/** Tokenizes and stems once per distinct text; comparison statements belong to two concepts. */
class Analyzer {
  readonly surfaceToStem = new Map<string, string>();
  private readonly cache = new Map<string, Analyzed>();

  stemOf(surface: string): string {
    let s = this.surfaceToStem.get(surface);
    if (s === undefined) this.surfaceToStem.set(surface, (s = stem(surface)));
    return s;
  }

  termsOf(w: Word): string[] {
    const out = w.parts.map((p) => this.stemOf(p));
    if (w.joined) out.push(this.stemOf(w.joined));
    return out;
  }

  analyze(field: Field, text: string): Analyzed {
    const key = `${field}\u0000${text}`;
    let out = this.cache.get(key);
    if (!out) {
      const terms: string[] = [];
      const analyzed = sentences(text).map((t): Sentence => {
        const ws = words(t);
        return { field, text: t, words: ws, wordTerms: ws.map((w) => this.termsOf(w)) };
      });
      const sentenceTerms = analyzed.map((sentence) => {
        const distinct = new Set<string>();
        for (const wordTerms of sentence.wordTerms) {
          for (const term of wordTerms) {
            distinct.add(term);
            terms.push(term);
          }
        }
        return [...distinct];
      });
      out = { field, sentences: analyzed, sentenceTerms, terms };
      this.cache.set(key, out);
    }
    return out;
  }
}

/** One document to index: a concept, or a guide mapped onto the same fields. */
export interface IndexInput {
  readonly slug: string;
  readonly lifecycle: Lifecycle | null;
  readonly names: readonly string[];
  readonly aliases: readonly string[];
  readonly tags: readonly string[];
  readonly summary: string;
  /** Markdown or plain prose. */
  readonly body: string;
  readonly facts: readonly string[];
  /** Names and aliases recognised as phrases in a query (name bonus); defaults to names and aliases. */
  readonly namePhrases?: readonly string[];
}

/**
 * The concept index, with the guides indexed the same way beside it. `search` reads the concept
 * part exactly as before; `searchGuides` reads `guides`.
 */
export interface SearchIndex extends DocumentIndex {
  readonly guides: DocumentIndex;
}

function conceptInputs(knowledge: KnowledgeSnapshot): IndexInput[] {
  return knowledge.concepts.map((concept) => ({
    slug: concept.slug,
    lifecycle: concept.lifecycle,
    names: [concept.name, concept.slug],
    aliases: concept.aliases,
    tags: concept.tags,
    summary: concept.summary,
    body: concept.body,
    facts: factTexts(concept, knowledge),
  }));
}

function guideInputs(guides: readonly Guide[]): IndexInput[] {
  return guides.map((guide) => ({
    slug: guide.slug,
    lifecycle: null,
    names: [guide.title],
    aliases: guide.questions,
    tags: guide.keywords,
    summary: guide.summary,
    body: [...guide.steps, ...guide.causes.flatMap((c) => [c.cause, c.signs ?? "", c.fix])].filter(Boolean).join("\n\n"),
    facts: [],
    // Question phrasings are matched as words, not as names: "why is my X pending" is no name.
    namePhrases: [guide.title],
  }));
}

export function buildSearchIndex(knowledge: KnowledgeSnapshot): SearchIndex {
  return { ...buildDocumentIndex(conceptInputs(knowledge)), guides: buildDocumentIndex(guideInputs(knowledge.documents.guides)) };
}

export function buildDocumentIndex(inputs: readonly IndexInput[]): DocumentIndex {
  const concepts = inputs;
  const analyzer = new Analyzer();
  // Per field: term frequencies per doc and field lengths.
  const tf = FIELDS.map(() => concepts.map(() => new Map<string, number>()));
  const lengths = FIELDS.map(() => concepts.map(() => 0));
  const namePhrases = new Map<string, NamePhrase[]>();
  const docs: IndexedConcept[] = [];

  concepts.forEach((concept, doc) => {
    const count = (field: Field, terms: readonly string[]) => {
      const f = FIELDS.indexOf(field);
      const counts = tf[f]![doc]!;
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      lengths[f]![doc]! += terms.length;
    };
    const short: [Field, readonly string[]][] = [
      ["name", concept.names],
      ["aliases", concept.aliases],
      ["tags", concept.tags],
    ];
    for (const [field, texts] of short) for (const text of texts) for (const w of words(text)) count(field, analyzer.termsOf(w));

    const prose = [
      analyzer.analyze("summary", concept.summary),
      analyzer.analyze("body", stripMarkdown(concept.body)),
      ...concept.facts.map((t) => analyzer.analyze("facts", t)),
    ];
    const sentencesByTerm = new Map<string, number[]>();
    let position = 0;
    for (const text of prose) {
      count(text.field, text.terms);
      for (const terms of text.sentenceTerms) {
        for (const term of terms) {
          const list = sentencesByTerm.get(term);
          if (list) list.push(position);
          else sentencesByTerm.set(term, [position]);
        }
        position++;
      }
    }
    const sentenceList = prose.flatMap((text) => text.sentences);
    docs.push({ slug: concept.slug, lifecycle: concept.lifecycle, sentences: sentenceList, sentencesByTerm });

    const seen = new Set<string>();
    for (const stems of (concept.namePhrases ?? [...concept.names, ...concept.aliases]).flatMap(phraseVariants)) {
      const key = stems.join(" ");
      if (stems.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const phrase = { doc, stems };
      for (const s of new Set(stems)) namePhrases.set(s, [...(namePhrases.get(s) ?? []), phrase]);
    }
  });

  const avgLength = lengths.map((perDoc) => Math.max(1, perDoc.reduce((a, b) => a + b, 0) / Math.max(1, perDoc.length)));
  const combined = new Map<string, Map<number, { tf: number; fields: number }>>();
  FIELDS.forEach((field, f) => {
    concepts.forEach((_, doc) => {
      const norm = 1 - B[field] + (B[field] * lengths[f]![doc]!) / avgLength[f]!;
      for (const [term, count] of tf[f]![doc]!) {
        let byDoc = combined.get(term);
        if (!byDoc) combined.set(term, (byDoc = new Map()));
        const entry = byDoc.get(doc) ?? { tf: 0, fields: 0 };
        entry.tf += (WEIGHT[field] * count) / norm;
        entry.fields |= 1 << f;
        byDoc.set(doc, entry);
      }
    });
  });

  const n = concepts.length;
  const postings = new Map<string, Posting[]>();
  for (const [term, byDoc] of combined) {
    const idf = Math.log(1 + (n - byDoc.size + 0.5) / (byDoc.size + 0.5));
    const list: Posting[] = [];
    for (const [doc, { tf: t, fields }] of byDoc) list.push({ doc, score: (idf * t * (K1 + 1)) / (t + K1), fields });
    postings.set(term, list);
  }

  const surfaceByLength = new Map<number, string[]>();
  for (const surface of [...analyzer.surfaceToStem.keys()].sort()) {
    const list = surfaceByLength.get(surface.length) ?? [];
    list.push(surface);
    surfaceByLength.set(surface.length, list);
  }
  const slugRank = new Int32Array(docs.length);
  [...docs.keys()].sort((a, b) => docs[a]!.slug.localeCompare(docs[b]!.slug)).forEach((doc, rank) => (slugRank[doc] = rank));
  return { docs, postings, surfaceByLength, surfaceToStem: analyzer.surfaceToStem, namePhrases, slugRank };
}
