// Per-question cost of recommendFromQuestion: reading (interpretQuestion), and the whole answer
// with its clarifying questions (the engine runs once for the answer and once per option of each
// question asked). Run: npx tsx bench/interpretQuestion.ts
import { contentToKnowledgeData } from "../src/content/knowledgeData.js";
import { loadContent } from "../src/content/load.js";
import { interpretQuestion, recommend, recommendFromQuestion } from "../src/domain/recommend/index.js";
import { buildSnapshot } from "../src/domain/snapshot.js";
import { SITUATIONS } from "../test/domain/interpretQuestion.situations.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
const rules = knowledge.recommendationRules;
const entries = knowledge.documents.interpretation;
const questions = SITUATIONS.flatMap((s) => s.phrasings.map((p) => (typeof p === "string" ? p : p[0])));

// The fastest of several rounds: on a shared machine the other processes only ever add time.
function perQuestion(label: string, run: (q: string) => unknown, rounds: number): void {
  for (let i = 0; i < 3; i++) for (const q of questions) run(q); // warm up
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    for (const q of questions) run(q);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1000 / questions.length);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(1).padStart(7)} µs per question (fastest of ${rounds} rounds over ${questions.length} questions)`);
}

const asked = questions.map((q) => recommendFromQuestion(q, knowledge, rules).clarifyingQuestions.length);
console.log(`${asked.filter((n) => n > 0).length} of ${questions.length} questions ask back; ${asked.reduce((a, b) => a + b, 0)} questions in all`);
perQuestion("recommend on a fixed input (engine alone)", () => recommend({ clients: "INTERNET", protocols: ["HTTP"] }, knowledge, rules), 30);
perQuestion("interpretQuestion (reading only)", (q) => interpretQuestion(q, entries), 30);
perQuestion("recommend on the reading (no questions)", (q) => recommend(interpretQuestion(q, entries).requirements, knowledge, rules), 20);
perQuestion("recommendFromQuestion (with clarifying)", (q) => recommendFromQuestion(q, knowledge, rules), 20);
