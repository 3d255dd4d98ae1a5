// The shape of prisma/content/interpretation/*.yaml: how recommendFromQuestion reads requirements
// written in users' own words. Five kinds of entry:
//   CUE       words that negate what follows ("never"), what precedes ("are forbidden"), look like
//             negation but are not ("not only"), express doubt ("not sure"), or end a scope ("but");
//   MACRO     a named list of phrases that patterns can use as @name;
//   PHRASE    patterns and what they mean for the requirements, affirmed and negated;
//   FIELD     how a single-valued requirement is settled: which of several readings wins, and the
//             defaults (with the assumption said back) when the question does not say;
//   QUESTION  a clarifying question for a requirement, with its answers and what each sets.
// Adding a phrasing is a change to this data; src/domain/recommend/phrases.ts applies it.
import { z } from "zod";
import type { KnowledgeSnapshot } from "../domain/knowledge.js";
import {
  LIST_FIELDS,
  patternProblem,
  SINGLE_FIELDS,
  type InterpretationEntry,
  type Reading,
} from "../domain/recommend/phrases.js";
import { BOOLEAN_FLAGS } from "../domain/recommend/requirements.js";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug");
const text = z.string().trim().min(1).max(300);
const pattern = z.string().trim().min(1).max(400);
const singleField = z.enum(Object.keys(SINGLE_FIELDS) as [keyof typeof SINGLE_FIELDS, ...(keyof typeof SINGLE_FIELDS)[]]);
const value = z.union([z.string().min(1), z.boolean(), z.array(z.string().min(1)).min(1)]);
const values = z.record(z.string(), value);
const valueLists = z.record(z.string(), z.array(z.string().min(1)).min(1));

const reading = {
  means: values.optional(),
  hints: values.optional(),
  oneOf: valueLists.optional(),
  exclude: valueLists.optional(),
  note: text.optional(),
};

export const interpretationEntrySchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("CUE"),
    id,
    role: z.enum(["NEGATE_FORWARD", "NEGATE_BACKWARD", "NOT_NEGATION", "UNSURE", "SCOPE_END", "JOINER"]),
    window: z.number().int().min(1).max(12).optional(),
    words: z.array(pattern).min(1),
  }),
  z.strictObject({ kind: z.literal("MACRO"), name: id, phrases: z.array(pattern).min(1) }),
  z.strictObject({
    kind: z.literal("PHRASE"),
    id,
    patterns: z.array(pattern).min(1),
    ...reading,
    negated: z.strictObject(reading).optional(),
    negatable: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal("FIELD"),
    field: singleField,
    widest: z.array(z.string()).optional(),
    whenSilent: z.boolean().optional(),
    defaults: z.array(z.strictObject({ when: valueLists.optional(), value: z.string(), assumption: text, mentioned: z.boolean().optional() })).min(1),
  }),
  z.strictObject({
    kind: z.literal("QUESTION"),
    id,
    field: singleField,
    alsoFields: z.array(singleField).optional(),
    question: text,
    onlyWhen: valueLists.optional(),
    skipWhen: valueLists.optional(),
    options: z
      .array(z.strictObject({ value: z.string(), answer: text, sets: z.record(z.string(), z.string()), default: z.boolean().optional() }))
      .min(2),
  }),
]);

const allowedValues = (field: string): readonly string[] | null =>
  (SINGLE_FIELDS as Record<string, readonly string[]>)[field] ?? (LIST_FIELDS as Record<string, readonly string[]>)[field] ?? null;
const isFlag = (field: string) => (BOOLEAN_FLAGS as readonly string[]).includes(field);

function readingProblems(r: Reading, where: string): string[] {
  const problems: string[] = [];
  for (const [kind, map] of [["means", r.means], ["hints", r.hints]] as const) {
    for (const [field, v] of Object.entries(map ?? {})) {
      if (v === undefined) continue;
      if (isFlag(field)) {
        if (typeof v !== "boolean") problems.push(`${where}: ${kind}.${field} must be true or false`);
        continue;
      }
      const allowed = allowedValues(field);
      if (!allowed) {
        problems.push(`${where}: ${kind}.${field} is not a requirement a phrase can read`);
        continue;
      }
      const list = Array.isArray(v) ? v : [v];
      if (!Array.isArray(v) && field in LIST_FIELDS) problems.push(`${where}: ${kind}.${field} is a list; write [${String(v)}]`);
      if (Array.isArray(v) && field in SINGLE_FIELDS) problems.push(`${where}: ${kind}.${field} takes one value`);
      for (const x of list) if (!allowed.includes(String(x))) problems.push(`${where}: ${kind}.${field} has unknown value "${String(x)}"`);
    }
  }
  for (const [kind, map] of [["oneOf", r.oneOf], ["exclude", r.exclude]] as const) {
    for (const [field, vs] of Object.entries(map ?? {})) {
      const allowed = kind === "oneOf" ? (SINGLE_FIELDS as Record<string, readonly string[]>)[field] : allowedValues(field);
      if (!allowed) problems.push(`${where}: ${kind}.${field} is not a requirement it can apply to`);
      else for (const x of vs ?? []) if (!allowed.includes(x)) problems.push(`${where}: ${kind}.${field} has unknown value "${x}"`);
    }
  }
  return problems;
}

/** Patterns compile, macros exist, fields and values are real requirement values, ids are unique. */
export function checkInterpretation(entries: readonly InterpretationEntry[], _knowledge: KnowledgeSnapshot): string[] {
  const problems: string[] = [];
  const macros = new Map<string, readonly string[]>();
  for (const e of entries) if (e.kind === "MACRO") macros.set(e.name, e.phrases);
  const ids = new Set<string>();
  const fields = new Set<string>();
  entries.forEach((e, index) => {
    const where = `entry ${index + 1} (${e.kind} ${e.kind === "MACRO" ? e.name : e.kind === "FIELD" ? e.field : e.id})`;
    if (e.kind !== "MACRO" && e.kind !== "FIELD") {
      if (ids.has(e.id)) problems.push(`${where}: id "${e.id}" is used twice`);
      ids.add(e.id);
    }
    const patterns = e.kind === "CUE" ? e.words : e.kind === "MACRO" ? e.phrases : e.kind === "PHRASE" ? e.patterns : [];
    for (const p of patterns) {
      const problem = patternProblem(p, macros);
      if (problem) problems.push(`${where}: pattern "${p}": ${problem}`);
    }
    if (e.kind === "PHRASE") {
      problems.push(...readingProblems(e, where));
      if (e.negated) problems.push(...readingProblems(e.negated, `${where} negated`));
      if (!e.means && !e.hints && !e.oneOf && !e.exclude && !e.negated && !e.note) problems.push(`${where}: says nothing (no means, hints, oneOf, exclude, negated or note)`);
    }
    if (e.kind === "FIELD") {
      if (fields.has(e.field)) problems.push(`${where}: field ${e.field} is described twice`);
      fields.add(e.field);
      const allowed = SINGLE_FIELDS[e.field] as readonly string[];
      for (const v of [...(e.widest ?? []), ...e.defaults.map((d) => d.value)]) if (!allowed.includes(v)) problems.push(`${where}: unknown value "${v}"`);
      for (const d of e.defaults) problems.push(...readingProblems({ oneOf: d.when }, `${where} default ${d.value}`).map((p) => p.replace("oneOf", "when")));
    }
    if (e.kind === "QUESTION") {
      const allowed = SINGLE_FIELDS[e.field] as readonly string[];
      problems.push(...readingProblems({ exclude: e.onlyWhen }, `${where} onlyWhen`).map((p) => p.replace("exclude", "onlyWhen")));
      problems.push(...readingProblems({ oneOf: e.skipWhen }, `${where} skipWhen`).map((p) => p.replace("oneOf", "skipWhen")));
      const seen = new Set<string>();
      for (const o of e.options) {
        if (!allowed.includes(o.value)) problems.push(`${where}: option value "${o.value}" is not a ${e.field} value`);
        if (seen.has(o.value)) problems.push(`${where}: option "${o.value}" is listed twice`);
        seen.add(o.value);
        if (o.sets[e.field] !== o.value) problems.push(`${where}: option "${o.value}" must set ${e.field}: ${o.value}`);
        for (const [f, v] of Object.entries(o.sets)) {
          const fieldValues = (SINGLE_FIELDS as Record<string, readonly string[]>)[f];
          if (!fieldValues) problems.push(`${where}: option "${o.value}" sets ${f}, which is not a single-valued requirement`);
          else if (!fieldValues.includes(v)) problems.push(`${where}: option "${o.value}" sets ${f} to unknown value "${v}"`);
        }
      }
      if (e.options.filter((o) => o.default).length > 1) problems.push(`${where}: at most one option is the default`);
    }
  });
  return problems;
}
