// Micro-benchmark of full-text search over the real content. Not a test: run it with
//   npx tsx bench/search.bench.ts
// It prints the index build time (first, cold, and the median of later builds) and the mean
// time per query over 1,000 searches cycling through typical questions.
import { contentToKnowledgeData } from "../src/content/knowledgeData.js";
import { loadContent } from "../src/content/load.js";
import { buildSearchIndex, search } from "../src/domain/search/search.js";
import { buildSnapshot } from "../src/domain/snapshot.js";

const QUERIES = [
  "why is my LoadBalancer EXTERNAL-IP pending",
  "difference between port and targetPort",
  "how do I keep the client IP",
  "svc dns name",
  "canary deployment traffic split",
  "sticky sessions",
  "bare metal load balancer",
  "tls passthrough",
  "L4 vs L7",
  "kube-proxy nftables",
  "loadbalncer",
  "ingres",
  "heaedless service",
  "externalTrafficPolicy",
  "point service at external database",
  "topology aware routing zone",
];

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
let start = performance.now();
let index = buildSearchIndex(knowledge);
const cold = performance.now() - start;
const builds: number[] = [];
for (let i = 0; i < 10; i++) {
  start = performance.now();
  index = buildSearchIndex(knowledge);
  builds.push(performance.now() - start);
}
builds.sort((a, b) => a - b);

for (let i = 0; i < 300; i++) search(index, QUERIES[i % QUERIES.length]!);
const runs = 1000;
start = performance.now();
for (let i = 0; i < runs; i++) search(index, QUERIES[i % QUERIES.length]!);
const perQuery = ((performance.now() - start) / runs) * 1000;

console.log(
  `${knowledge.concepts.length} concepts, ${knowledge.capabilities.length} capabilities, ${knowledge.comparisons.length} comparisons`,
);
console.log(`build: cold ${cold.toFixed(1)} ms, median ${builds[builds.length >> 1]!.toFixed(1)} ms`);
console.log(`search: ${perQuery.toFixed(1)} µs per query (mean of ${runs}, default first = 10)`);
