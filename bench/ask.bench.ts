// Micro-benchmark of ask() over the real content: the domain time per question, without HTTP or
// GraphQL. Not a test: run it with
//   npx tsx bench/ask.bench.ts
// It prints the CPU time per question (mean, median, p95, max of each question's median batch) over the evaluation questions of
// test/domain/askEval.cases.ts plus one question of each other kind. The target is under 1 ms each.
import { contentToKnowledgeData } from "../src/content/knowledgeData.js";
import { loadContent } from "../src/content/load.js";
import { ask } from "../src/domain/ask/index.js";
import { buildSearchIndex } from "../src/domain/search/search.js";
import { buildSnapshot } from "../src/domain/snapshot.js";
import { EVAL_CASES } from "../test/domain/askEval.cases.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
const index = buildSearchIndex(knowledge);
const QUESTIONS = [
  ...EVAL_CASES.map((c) => c.question),
  "Can I use UDP with Ingress?",
  "What is a headless Service?",
  "Ingress vs Gateway API",
  "When was EndpointSlice added?",
  "Which Service type should I use for a UDP game server on bare metal?",
];
const BATCHES = 7;
const ROUNDS = 50;

for (let i = 0; i < 5; i++) for (const q of QUESTIONS) ask(q, knowledge, index);
// CPU time rather than wall time, and the median of several batches per question, so other
// processes on a shared machine and a stray garbage collection do not decide the number.
const times = QUESTIONS.map((q) => {
  const batches: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const before = process.cpuUsage();
    for (let i = 0; i < ROUNDS; i++) ask(q, knowledge, index);
    const used = process.cpuUsage(before);
    batches.push((used.user + used.system) / ROUNDS);
  }
  batches.sort((a, b) => a - b);
  return { q, us: batches[BATCHES >> 1]! };
}).sort((a, b) => a.us - b.us);
const us = times.map((t) => t.us);
const at = (p: number) => us[Math.min(us.length - 1, Math.floor(us.length * p))]!;
console.log(`ask: ${QUESTIONS.length} questions, median CPU time per question over ${BATCHES} batches of ${ROUNDS}`);
console.log(`  mean ${(us.reduce((a, b) => a + b, 0) / us.length).toFixed(1)} µs, median ${at(0.5).toFixed(1)} µs, p95 ${at(0.95).toFixed(1)} µs, max ${at(1).toFixed(1)} µs`);
console.log(`  slowest: ${times.at(-1)!.q}`);
