// Reads requirement phrases out of a question: the vocabulary, phrase patterns, negation cues and
// clarifying questions come from prisma/content/interpretation/ (validated by
// src/content/interpretationSchema.ts); this module compiles them once and applies them.
//
// Negation follows the NegEx idea (Chapman et al., 2001, "A simple algorithm for identifying
// negated findings"): a cue such as "never" negates the phrases that follow it within a few words
// and within its clause; a cue such as "are forbidden" negates the phrases before it; punctuation
// and words such as "but" or "however" end a cue's scope, so "keep traffic in the zone, but never
// drop requests" negates only "drop requests". Cues such as "not sure" mark phrases as unknown.
import { stem } from "../search/stem.js";
import {
  BACKENDS,
  BOOLEAN_FLAGS,
  CLIENTS,
  ENVIRONMENTS,
  LOAD_BALANCERS,
  LOCALITIES,
  PROTOCOLS,
  ROUTING,
  TLS_MODES,
  type RequirementsInput,
} from "./requirements.js";

/** Single-valued requirement fields a phrase can read, with their values. */
export const SINGLE_FIELDS = {
  clients: CLIENTS,
  backend: BACKENDS,
  environment: ENVIRONMENTS,
  loadBalancer: LOAD_BALANCERS,
  tls: TLS_MODES,
  locality: LOCALITIES,
} as const satisfies Partial<Record<keyof RequirementsInput, readonly string[]>>;
/** List-valued requirement fields: phrases add values. */
export const LIST_FIELDS = { protocols: PROTOCOLS, routing: ROUTING } as const satisfies Partial<Record<keyof RequirementsInput, readonly string[]>>;
export type SingleField = keyof typeof SINGLE_FIELDS;
export type ListField = keyof typeof LIST_FIELDS;
export type BooleanField = (typeof BOOLEAN_FLAGS)[number];
export type ReadableField = SingleField | ListField | BooleanField;

export type ReadingValue = string | boolean | readonly string[];

/** What a phrase says about the requirements when it is read (affirmed, or negated). */
export interface Reading {
  /** Fields set outright: single fields take the value, list fields add the values, flags take the boolean. */
  readonly means?: Readonly<Partial<Record<ReadableField, ReadingValue>>> | undefined;
  /** Like `means`, but a guess from context ("players" are on the internet): used only when nothing says otherwise. */
  readonly hints?: Readonly<Partial<Record<ReadableField, ReadingValue>>> | undefined;
  /** The value is one of these ("outside the cluster": a private network or the internet). */
  readonly oneOf?: Readonly<Partial<Record<SingleField, readonly string[]>>> | undefined;
  /** These values are ruled out ("never from the internet"). */
  readonly exclude?: Readonly<Partial<Record<SingleField | ListField, readonly string[]>>> | undefined;
  /** Said back in `assumptions` when the phrase is read this way, e.g. how a situation was understood. */
  readonly note?: string | undefined;
}

export type CueRole = "NEGATE_FORWARD" | "NEGATE_BACKWARD" | "NOT_NEGATION" | "UNSURE" | "SCOPE_END" | "JOINER";

export interface CueEntry {
  readonly kind: "CUE";
  readonly id: string;
  readonly role: CueRole;
  /** How many words a negation or doubt reaches (within its clause). */
  readonly window?: number | undefined;
  readonly words: readonly string[];
}

export interface MacroEntry {
  readonly kind: "MACRO";
  readonly name: string;
  readonly phrases: readonly string[];
}

export interface PhraseEntry extends Reading {
  readonly kind: "PHRASE";
  readonly id: string;
  readonly patterns: readonly string[];
  /** The reading when a negation cue governs the phrase; without it a negated phrase says nothing. */
  readonly negated?: Reading | undefined;
  /** false: the phrase describes the traffic, so a negation passes over it to the next phrase. */
  readonly negatable?: boolean | undefined;
}

export interface FieldDefault {
  /** Applies only when every named field was read with one of the listed values. */
  readonly when?: Readonly<Partial<Record<SingleField, readonly string[]>>> | undefined;
  readonly value: string;
  readonly assumption: string;
  /** Applies only when the question said something about the field (a doubt, "one of", an exclusion). */
  readonly mentioned?: boolean | undefined;
}

export interface FieldEntry {
  readonly kind: "FIELD";
  readonly field: SingleField;
  /** When several values are read, the one latest in this list wins (e.g. the widest reach of clients). */
  readonly widest?: readonly string[] | undefined;
  /** Whether the defaults apply when the question says nothing about the field (clients must always be set). */
  readonly whenSilent?: boolean | undefined;
  /** Used in order when the question does not settle the field; the first whose value is still possible wins. */
  readonly defaults: readonly FieldDefault[];
}

export interface QuestionOption {
  readonly value: string;
  /** The answer as the user would give it ("Clients on the public internet"). */
  readonly answer: string;
  /** The requirements this answer sets; the first is `field` = `value`. */
  readonly sets: Readonly<Partial<Record<SingleField, string>>>;
  /** What the engine assumes when the question says nothing (e.g. a cloud load-balancer controller). */
  readonly default?: boolean | undefined;
}

export interface QuestionEntry {
  readonly kind: "QUESTION";
  readonly id: string;
  readonly field: SingleField;
  /** Also unsettled when any of these fields is (e.g. environment for the load balancer). */
  readonly alsoFields?: readonly SingleField[] | undefined;
  readonly question: string;
  /** Asked only when every named field was read with one of these values (list fields: any overlap). */
  readonly onlyWhen?: Readonly<Partial<Record<SingleField | ListField, readonly string[]>>> | undefined;
  /** Not asked when a named field was settled with one of these values. */
  readonly skipWhen?: Readonly<Partial<Record<SingleField, readonly string[]>>> | undefined;
  readonly options: readonly QuestionOption[];
}

export type InterpretationEntry = CueEntry | MacroEntry | PhraseEntry | FieldEntry | QuestionEntry;

// ---------------------------------------------------------------------------------------------
// Text to tokens.

/** A question as words: stems for matching, the words as written for reporting. */
export interface Tokens {
  /** Stems, with "|" for a clause boundary (punctuation). */
  readonly stems: readonly string[];
  readonly words: readonly string[];
  /** " stem stem | stem ": what compiled patterns run on. */
  readonly text: string;
  /** Character offset in `text` where each token starts. */
  readonly starts: readonly number[];
  /** The token that starts at a character offset. */
  readonly tokenAt: ReadonlyMap<number, number>;
}

const BOUNDARY = "|";
// Articles carry no requirement; dropping them lets "outside the cluster" match "outside cluster".
const DROPPED = new Set(["a", "an", "the"]);
const CONTRACTIONS: readonly [RegExp, string][] = [
  [/\bcan['’]?t\b|\bcannot\b/g, "can not"],
  [/\bwon['’]t\b/g, "will not"],
  [/\bshan['’]t\b/g, "shall not"],
  [/n['’]t\b/g, " not"],
  [/['’](?:s|re|ve|ll|d|m)\b/g, ""],
];
const TOKEN = /[a-z0-9]+|[.,;:!?()\n]/g;

function normalizeWords(text: string): string[] {
  let t = text.toLowerCase();
  for (const [re, to] of CONTRACTIONS) t = t.replace(re, to);
  const out: string[] = [];
  for (const m of t.matchAll(TOKEN)) {
    const w = m[0];
    if (DROPPED.has(w)) continue;
    out.push(/^[a-z0-9]/.test(w) ? w : BOUNDARY);
  }
  return out;
}

// Words the stemmer would merge with a different term ("https" would become "http").
const UNSTEMMED = new Set(["https", "ldaps", "smtps", "mqtts", "amqps"]);
const stemCache = new Map<string, string>();
function stemOf(word: string): string {
  if (word === BOUNDARY || UNSTEMMED.has(word)) return word;
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stem(word);
    if (stemCache.size < 10_000) stemCache.set(word, s);
  }
  return s;
}

export function tokenize(text: string): Tokens {
  const words = normalizeWords(text);
  const stems = words.map(stemOf);
  const starts: number[] = [];
  let joined = " ";
  for (const s of stems) {
    starts.push(joined.length);
    joined += `${s} `;
  }
  return { stems, words, text: joined, starts, tokenAt: new Map(starts.map((at, i) => [at, i])) };
}

// ---------------------------------------------------------------------------------------------
// Patterns to regular expressions over the stem text.
//
// Syntax: words separated by spaces; "a|b" is one word of several; "[x]" or "[x|y]" is optional;
// "*" is any one word; "..." is up to three words within the clause; "@name" is any phrase of
// the MACRO entry of that name. Literal words go through the same normalisation as questions
// (lower case, contractions, stemming), so "exposed" also matches "exposing".

const WORD = "[^ |]+ ";
// Between two words of a pattern the question may put a possessive or demonstrative: "between
// microservices" also reads "between our microservices". A pattern that names one keeps it literal.
const DETERMINER = "(?:(?:our|my|your|their|its|his|her|this|that|these|those|some|all|any) )?";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class PatternError extends Error {}

/** A literal word as the question text will hold it; null for a word the text never holds ("the"). */
function literal(word: string): { source: string; stems: string[] } | null {
  const stems = normalizeWords(word).filter((w) => w !== BOUNDARY).map(stemOf);
  if (stems.length === 0) return null;
  return { source: stems.map((s) => `${escape(s)} `).join(""), stems };
}

interface Compiled {
  readonly source: string;
  /** Literal stems that can occur in a match (the words a match claims). */
  readonly anchors: readonly string[];
  /** For each required word of the pattern, the stems that can fill it: all must be in the question. */
  readonly required: readonly (readonly string[])[];
  /** The stems a match can start with; null when the first word is optional or any word. */
  readonly first: readonly string[] | null;
}

function compilePhrase(pattern: string, macros: ReadonlyMap<string, readonly string[]>, depth = 0): Compiled {
  if (depth > 3) throw new PatternError(`macros nest too deeply in "${pattern}"`);
  const anchors: string[] = [];
  const requiredSlots: string[][] = [];
  let first: string[] | null | undefined;
  let source = "";
  let required = 0;
  for (const slot of pattern.trim().split(/\s+/)) {
    if (source) source += DETERMINER;
    if (slot === "...") {
      source += `(?:${WORD}){0,3}`;
      if (first === undefined) first = null;
      continue;
    }
    let optional = slot.startsWith("[") && slot.endsWith("]");
    const body = optional ? slot.slice(1, -1) : slot;
    if (!body) throw new PatternError(`empty slot in "${pattern}"`);
    // Stems that can start this slot; null when anything can ("*").
    let starts: string[] | null = [];
    // Stems a match of this slot begins with (for the first slot of the pattern).
    const firstStems: string[] = [];
    let firstKnown = true;
    const alternatives = body.split("|").flatMap((alt) => {
      if (alt === "*") {
        starts = null;
        firstKnown = false;
        return WORD;
      }
      if (alt.startsWith("@")) {
        const phrases = macros.get(alt.slice(1));
        if (!phrases) throw new PatternError(`unknown macro "${alt}" in "${pattern}"`);
        const parts = phrases.map((p) => compilePhrase(p, macros, depth + 1));
        for (const part of parts) {
          anchors.push(...part.anchors);
          starts?.push(...(part.required[0] ?? []));
          if (part.first === null) firstKnown = false;
          else firstStems.push(...part.first);
        }
        return `(?:${parts.map((p) => p.source).join("|")})`;
      }
      if (!/^[^\s[\]@*]+$/.test(alt)) throw new PatternError(`bad word "${alt}" in "${pattern}"`);
      const lit = literal(alt);
      // An article in a pattern matches its absence: questions are read without articles.
      if (!lit) {
        optional = true;
        return [];
      }
      anchors.push(...lit.stems);
      starts?.push(lit.stems[0]!);
      firstStems.push(lit.stems[0]!);
      return [lit.source];
    });
    if (alternatives.length === 0) continue;
    if (first === undefined) first = optional || !firstKnown ? null : [...new Set(firstStems)];
    if (!optional && starts !== null) requiredSlots.push([...new Set(starts as string[])]);
    // Longer alternatives first: a regular expression takes the first alternative that matches.
    alternatives.sort((a, b) => b.length - a.length);
    const group = `(?:${alternatives.join("|")})`;
    source += optional ? `${group}?` : group;
    if (!optional) required++;
  }
  if (required === 0) throw new PatternError(`"${pattern}" has no required word`);
  return { source, anchors: [...new Set(anchors)], required: requiredSlots, first: first ?? null };
}

/** One pattern, run only when one of its literal words is in the question. */
interface CompiledPattern {
  /** Global, for patterns that can start with any word. */
  readonly re: RegExp;
  /** Sticky, tried only where one of `first` starts a token. */
  readonly sticky: RegExp;
  readonly first: ReadonlySet<string> | null;
  readonly anchorSet: ReadonlySet<string>;
  /** Cheap test before the regular expression: each required word has a candidate in the question. */
  readonly required: readonly (readonly string[])[];
}
type CompiledRule = readonly CompiledPattern[];

// Each pattern on its own, so a short match of one pattern never hides a longer match of another.
function compileRule(patterns: readonly string[], macros: ReadonlyMap<string, readonly string[]>): CompiledRule {
  return patterns.map((p) => {
    const { source, anchors, required, first } = compilePhrase(p, macros);
    return {
      re: new RegExp(`(?<= )${source}`, "g"),
      sticky: new RegExp(source, "y"),
      first: first ? new Set(first) : null,
      anchorSet: new Set(anchors),
      required,
    };
  });
}

/** Checks one pattern against the macros; returns the problem, or null. For the content check. */
export function patternProblem(pattern: string, macros: ReadonlyMap<string, readonly string[]>): string | null {
  try {
    compilePhrase(pattern, macros);
    return null;
  } catch (error) {
    if (error instanceof PatternError) return error.message;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The compiled interpretation.

export interface Interpretation {
  readonly cues: readonly { readonly entry: CueEntry; readonly rule: CompiledRule }[];
  readonly phrases: readonly { readonly entry: PhraseEntry; readonly rule: CompiledRule }[];
  readonly fields: ReadonlyMap<SingleField, FieldEntry>;
  readonly questions: readonly QuestionEntry[];
  /**
   * Patterns by one stem each needs (from its most selective required word), so a question
   * tries only the patterns its own words can start, not all of them.
   */
  readonly cueIndex: PatternIndex<CueEntry>;
  readonly phraseIndex: PatternIndex<PhraseEntry>;
}

type PatternIndex<E> = ReadonlyMap<string, readonly { readonly pattern: CompiledPattern; readonly entry: E; readonly order: number }[]>;

function indexPatterns<E>(rules: readonly { readonly entry: E; readonly rule: CompiledRule }[]): PatternIndex<E> {
  const index = new Map<string, { pattern: CompiledPattern; entry: E; order: number }[]>();
  let order = 0;
  for (const { entry, rule } of rules) {
    for (const pattern of rule) {
      order++;
      const keys = [...pattern.required].sort((a, b) => a.length - b.length)[0] ?? [...pattern.anchorSet];
      for (const key of keys) {
        let list = index.get(key);
        if (!list) index.set(key, (list = []));
        list.push({ pattern, entry, order });
      }
    }
  }
  return index;
}

const compiledOf = new WeakMap<readonly InterpretationEntry[], Interpretation>();

/** Compiles the content once per knowledge snapshot (the entries array is the cache key). */
export function compileInterpretation(entries: readonly InterpretationEntry[]): Interpretation {
  let compiled = compiledOf.get(entries);
  if (compiled) return compiled;
  const macros = new Map<string, readonly string[]>();
  for (const e of entries) if (e.kind === "MACRO") macros.set(e.name, e.phrases);
  const cues = entries.filter((e): e is CueEntry => e.kind === "CUE").map((entry) => ({ entry, rule: compileRule(entry.words, macros) }));
  const phrases = entries.filter((e): e is PhraseEntry => e.kind === "PHRASE").map((entry) => ({ entry, rule: compileRule(entry.patterns, macros) }));
  compiled = {
    cues,
    phrases,
    fields: new Map(entries.filter((e): e is FieldEntry => e.kind === "FIELD").map((e) => [e.field, e])),
    questions: entries.filter((e): e is QuestionEntry => e.kind === "QUESTION"),
    cueIndex: indexPatterns(cues),
    phraseIndex: indexPatterns(phrases),
  };
  compiledOf.set(entries, compiled);
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// Matching.

interface Span {
  readonly start: number;
  readonly end: number;
  /** Tokens matched by the pattern's own words; words in a "..." gap stay free for other phrases. */
  readonly core?: readonly number[];
}

export interface PhraseMatch extends Span {
  readonly entry: PhraseEntry;
  readonly negated: boolean;
  readonly unsure: boolean;
}

export interface PhraseReading {
  readonly matches: readonly PhraseMatch[];
  /** Per token: read by a phrase or a cue (the rest may be reported as unrecognized). */
  readonly used: readonly boolean[];
}

function addSpan(pattern: CompiledPattern, tokens: Tokens, start: number, text: string, spans: Span[]): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) count++;
  if (count === 0) return 0;
  const core: number[] = [];
  for (let i = start; i < start + count; i++) if (pattern.anchorSet.has(tokens.stems[i]!)) core.push(i);
  spans.push({ start, end: start + count, core });
  return count;
}

function matchPattern(pattern: CompiledPattern, tokens: Tokens, spans: Span[]): void {
  if (pattern.first) {
    // Tried only where a word that can start it stands (most patterns start with a literal word).
    for (let i = 0; i < tokens.stems.length; i++) {
      if (!pattern.first.has(tokens.stems[i]!)) continue;
      pattern.sticky.lastIndex = tokens.starts[i]!;
      const m = pattern.sticky.exec(tokens.text);
      if (m) i += Math.max(0, addSpan(pattern, tokens, i, m[0], spans) - 1);
    }
    return;
  }
  for (const m of tokens.text.matchAll(pattern.re)) {
    const start = tokens.tokenAt.get(m.index) ?? -1;
    if (start >= 0) addSpan(pattern, tokens, start, m[0], spans);
  }
}

/** Every match of the indexed patterns that the question's words can fill, with the entry it belongs to. */
function findAll<E>(index: PatternIndex<E>, tokens: Tokens, present: ReadonlySet<string>): { span: Span; entry: E }[] {
  const out: { span: Span; entry: E; order: number }[] = [];
  const tried = new Set<CompiledPattern>();
  for (const stem of present) {
    for (const { pattern, entry, order } of index.get(stem) ?? []) {
      if (tried.has(pattern)) continue;
      tried.add(pattern);
      if (!pattern.required.every((slot) => slot.some((s) => present.has(s)))) continue;
      const spans: Span[] = [];
      matchPattern(pattern, tokens, spans);
      for (const span of spans) out.push({ span, entry, order });
    }
  }
  // Content order, whatever order the question's words come in: ties are broken the same way every time.
  return out.sort((a, b) => a.order - b.order || a.span.start - b.span.start);
}

const DEFAULT_WINDOW = 6;

export function readPhrases(interpretation: Interpretation, tokens: Tokens): PhraseReading {
  const n = tokens.stems.length;
  const present = new Set(tokens.stems);
  const claimed = new Array<boolean>(n).fill(false);
  const used = new Array<boolean>(n).fill(false);
  const isClaimed = (s: Span) => {
    if (s.core) return s.core.some((i) => claimed[i]);
    for (let i = s.start; i < s.end; i++) if (claimed[i]) return true;
    return false;
  };
  const claim = (s: Span) => {
    if (s.core) for (const i of s.core) claimed[i] = used[i] = true;
    else for (let i = s.start; i < s.end; i++) claimed[i] = used[i] = true;
  };

  // Cues, longest first, so "not sure" and "are not allowed" are not read as a bare "not".
  const cueSpans: { span: Span; entry: CueEntry }[] = [];
  cueSpans.push(...findAll(interpretation.cueIndex, tokens, present));
  cueSpans.sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start);
  const cues: { span: Span; entry: CueEntry }[] = [];
  for (const c of cueSpans) {
    if (isClaimed(c.span)) continue;
    claim(c.span);
    cues.push(c);
  }
  const stops = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) if (tokens.stems[i] === BOUNDARY) stops[i] = true;
  for (const c of cues) if (c.entry.role === "SCOPE_END") for (let i = c.span.start; i < c.span.end; i++) stops[i] = true;
  const scopes: { from: number; to: number; role: CueRole; cueStart: number }[] = [];
  for (const { span, entry } of cues) {
    const window = entry.window ?? DEFAULT_WINDOW;
    if (entry.role === "NEGATE_FORWARD" || entry.role === "UNSURE") {
      let to = span.end;
      while (to < n && to < span.end + window && !stops[to]) to++;
      scopes.push({ from: span.end, to, role: entry.role, cueStart: span.start });
    } else if (entry.role === "NEGATE_BACKWARD") {
      let from = span.start;
      while (from > 0 && from > span.start - window && !stops[from - 1]) from--;
      scopes.push({ from, to: span.start, role: entry.role, cueStart: span.start });
    }
  }
  // Cue words are free for phrases again: "no load balancer" is a negated "load balancer", but a
  // phrase may also contain its own cue word ("never drop requests" as one phrase is not negated).
  claimed.fill(false);

  const found: { span: Span; entry: PhraseEntry }[] = [];
  found.push(...findAll(interpretation.phraseIndex, tokens, present));
  // The phrase that matched the most of its own words wins an overlap; words in a gap do not count.
  const weight = (s: Span) => s.core?.length ?? s.end - s.start;
  found.sort((a, b) => weight(b.span) - weight(a.span) || a.span.start - b.span.start);
  const kept: { span: Span; entry: PhraseEntry }[] = [];
  for (const f of found) {
    if (isClaimed(f.span)) continue;
    claim(f.span);
    kept.push(f);
  }
  kept.sort((a, b) => a.span.start - b.span.start);

  // A negation governs the nearest phrase in its reach and the phrases joined to it by "or"/"nor"
  // ("no load balancer or node ports"), not every phrase up to the end of the clause: in "avoid
  // cross-zone traffic between our microservices" only "cross-zone traffic" is avoided.
  const joiners = new Array<boolean>(n).fill(false);
  for (const c of cues) if (c.entry.role === "JOINER") for (let i = c.span.start; i < c.span.end; i++) joiners[i] = true;
  // Only an explicit "or"/"nor" joins: "no internet exposure" rules out the internet, not exposure.
  const joined = (from: number, to: number) => {
    if (from >= to) return false;
    for (let i = from; i < to; i++) if (!joiners[i]) return false;
    return true;
  };
  const negations = new Array<number>(kept.length).fill(0);
  const unsure = new Array<boolean>(kept.length).fill(false);
  for (const s of scopes) {
    if (s.role === "UNSURE") {
      kept.forEach((k, i) => {
        if (k.span.start >= s.from && k.span.start < s.to) unsure[i] = true;
      });
      continue;
    }
    if (s.role === "NEGATE_FORWARD") {
      // A cue inside a phrase negates the relation the phrase names ("the load balancer must not decrypt traffic").
      kept.forEach((k, i) => {
        if (s.cueStart > k.span.start && s.cueStart < k.span.end) negations[i]!++;
      });
      let previous = -1;
      for (let i = 0; i < kept.length; i++) {
        const k = kept[i]!;
        if (k.span.start < s.from || k.span.start >= s.to || k.entry.negatable === false) continue;
        if (previous >= 0 && !joined(kept[previous]!.span.end, k.span.start)) break;
        negations[i]!++;
        previous = i;
      }
    } else {
      let next = -1;
      for (let i = kept.length - 1; i >= 0; i--) {
        const k = kept[i]!;
        if (k.span.end > s.to || k.span.start < s.from || k.entry.negatable === false) continue;
        if (next >= 0 && !joined(k.span.end, kept[next]!.span.start)) break;
        negations[i]!++;
        next = i;
      }
    }
  }
  const matches: PhraseMatch[] = kept.map((k, i) => ({ ...k.span, entry: k.entry, negated: negations[i]! % 2 === 1, unsure: unsure[i]! }));
  matches.sort((a, b) => a.start - b.start);
  return { matches, used };
}
