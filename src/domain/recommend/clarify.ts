// Questions back instead of guesses: for each requirement the question left unknown, doubtful or
// contradictory, and that has a clarifying question in the content, the engine is run once per
// possible answer. The question is asked only when the answers lead to different recommendations,
// and each option says which recommendation it leads to. Deterministic: same input, same questions.
import type { KnowledgeSnapshot } from "../knowledge.js";
import { recommend } from "./engine.js";
import type { DetailedInterpretation, FieldReading } from "./interpretQuestion.js";
import { compileInterpretation, LIST_FIELDS, type InterpretationEntry, type QuestionEntry, type SingleField } from "./phrases.js";
import type { NetworkingOption, RequirementsInput } from "./requirements.js";
import type { RecommendationRules } from "./rules.js";

export interface ClarifyingOption {
  /** The value the answer gives `field`. */
  readonly value: string;
  /** The answer in the user's words. */
  readonly answer: string;
  /** Every requirement the answer sets (field and value), e.g. loadBalancer and environment. */
  readonly sets: readonly { readonly field: string; readonly value: string }[];
  /** What would be recommended with this answer. */
  readonly recommendedOption: NetworkingOption;
  /** That recommendation's label, e.g. "a LoadBalancer Service". */
  readonly recommendedLabel: string;
  /** Whether this is the answer the current recommendation assumed. */
  readonly assumed: boolean;
}

export interface ClarifyingQuestion {
  readonly id: string;
  readonly question: string;
  /** The requirement field the answer settles. */
  readonly field: string;
  /** Why it is asked: the question did not say, was not sure, or said contradictory things. */
  readonly reason: "UNKNOWN" | "UNSURE" | "CONTRADICTORY";
  readonly options: readonly ClarifyingOption[];
}

const REASON = { DEFAULT: "UNKNOWN", UNSURE: "UNSURE", CONFLICT: "CONTRADICTORY" } as const;

function unsettled(f: FieldReading | undefined): f is FieldReading & { settlement: "DEFAULT" | "UNSURE" | "CONFLICT" } {
  return f !== undefined && (f.settlement === "DEFAULT" || f.settlement === "UNSURE" || f.settlement === "CONFLICT");
}

type Conditions = QuestionEntry["onlyWhen"];

/** Each condition of `when`, tested on the requirements read (list fields: any overlap). */
function conditions(input: RequirementsInput, when: Conditions, interpreted: DetailedInterpretation, settledOnly: boolean): boolean[] {
  return Object.entries(when ?? {}).map(([field, values]) => {
    if (!values) return true;
    if (field in LIST_FIELDS) {
      const list = (input as unknown as Record<string, readonly string[] | undefined>)[field] ?? [];
      return list.some((v) => values.includes(v));
    }
    if (settledOnly && unsettled(interpreted.fields.get(field as SingleField))) return false;
    return values.includes(String((input as unknown as Record<string, unknown>)[field] ?? ""));
  });
}

export function clarifyingQuestions(
  interpreted: DetailedInterpretation,
  entries: readonly InterpretationEntry[],
  knowledge: KnowledgeSnapshot,
  rules: RecommendationRules,
  assumedBest: NetworkingOption,
): ClarifyingQuestion[] {
  const { questions } = compileInterpretation(entries);
  const input = interpreted.requirements;
  const labels = new Map(rules.options.map((o) => [o.option, o.label]));
  const out: ClarifyingQuestion[] = [];
  for (const q of questions) {
    const reading = [q.field, ...(q.alsoFields ?? [])].map((f) => interpreted.fields.get(f)).find(unsettled);
    if (!reading) continue;
    if (!conditions(input, q.onlyWhen, interpreted, false).every(Boolean)) continue;
    if (conditions(input, q.skipWhen, interpreted, true).some(Boolean)) continue;
    // Answers the question already ruled out are not offered ("never from the internet").
    const main = interpreted.fields.get(q.field);
    const allowed = q.options.filter((o) => !main || main.candidates.includes(o.value));
    if (allowed.length < 2) continue;
    const options = allowed.map((o) => {
      // An answer settles the question's field and any related field the question left open, never one it settled.
      const sets = Object.fromEntries(Object.entries(o.sets).filter(([f]) => f === q.field || unsettled(interpreted.fields.get(f as SingleField))));
      const given = Object.entries(sets).map(([f, v]) => [(input as unknown as Record<string, unknown>)[f], v] as const);
      // An answer the reading already holds needs no second run: the engine is deterministic.
      const same = given.every(([now, v]) => now === v);
      const best = same ? assumedBest : recommend({ ...input, ...sets }, knowledge, rules).best.option;
      // The current answer assumed this option if it set the same values, or set none and this option is the default.
      const assumed = same || (o.default === true && given.every(([now, v]) => now === undefined || now === v));
      return {
        value: o.value,
        answer: o.answer,
        sets: Object.entries(sets).map(([field, value]) => ({ field, value: String(value) })),
        recommendedOption: best,
        recommendedLabel: labels.get(best) ?? best,
        assumed,
      };
    });
    // A question whose every answer gives the current recommendation does not change anything.
    if (options.every((o) => o.recommendedOption === assumedBest)) continue;
    out.push({ id: q.id, question: q.question, field: q.field, reason: REASON[reading.settlement], options });
  }
  return out;
}
