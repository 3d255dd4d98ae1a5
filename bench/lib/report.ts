// Aggregation of rounds, the printed tables and the target checks.
import { percentile, type LoadResult } from "./load.js";
import { SERVER_LABELS, type ServerKey } from "./children.js";
import { VARIANT_LABELS, type Variant } from "./http.js";

export interface ServerSummary {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly peakRssMb: number;
  readonly wireBytesPerResponse: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly rounds: { requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; seconds: number; peakRssMb: number }[];
}

export interface CaseResult {
  readonly name: string;
  readonly variant: Variant;
  readonly skipped?: string;
  readonly responseBytes?: number;
  readonly notes: string[];
  readonly servers?: Record<ServerKey, ServerSummary>;
  readonly ratios?: { cOverB: number; cOverA: number };
}

export const mb = (bytes: number) => bytes / (1024 * 1024);

export function summarize(runs: readonly LoadResult[]): ServerSummary {
  const all = new Float64Array(runs.reduce((n, r) => n + r.latencies.length, 0));
  let offset = 0;
  for (const r of runs) {
    all.set(r.latencies, offset);
    offset += r.latencies.length;
  }
  all.sort();
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return {
    requestsPerSecond: mean(runs.map((r) => r.requestsPerSecond)),
    p50Ms: percentile(all, 50),
    p99Ms: percentile(all, 99),
    peakRssMb: mb(Math.max(...runs.map((r) => r.peakRssBytes))),
    wireBytesPerResponse: runs.at(-1)!.bytesPerResponse,
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors + r.timeouts, 0),
    rounds: runs.map((r) => ({
      requestsPerSecond: r.requestsPerSecond,
      p50Ms: percentile(r.latencies, 50),
      p99Ms: percentile(r.latencies, 99),
      requests: r.requests,
      seconds: r.seconds,
      peakRssMb: mb(r.peakRssBytes),
    })),
  };
}

const num = (x: number, digits = 0) =>
  Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "n/a";
const pad = (s: string, n: number) => s.padStart(n);

export const caseTitle = (c: { name: string; variant: Variant }) => `${c.name} · ${VARIANT_LABELS[c.variant]}`;

export function printCase(c: CaseResult): void {
  if (c.skipped || !c.servers) {
    console.log(`\n${caseTitle(c)}\n  skipped: ${c.skipped}`);
    return;
  }
  console.log(`\n${caseTitle(c)}   (response body ${num(c.responseBytes ?? 0)} B)`);
  console.log(`  ${"server".padEnd(18)}${pad("req/s", 10)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("peak RSS MB", 13)}${pad("wire B/resp", 13)}`);
  for (const key of ["a", "b", "c"] as const) {
    const s = c.servers[key];
    console.log(
      `  ${SERVER_LABELS[key].padEnd(18)}${pad(num(s.requestsPerSecond), 10)}${pad(num(s.p50Ms, 2), 9)}${pad(num(s.p99Ms, 2), 9)}${pad(num(s.peakRssMb, 1), 13)}${pad(num(s.wireBytesPerResponse), 13)}`,
    );
  }
  console.log(`  c/b ${num(c.ratios!.cOverB, 2)}   c/a ${num(c.ratios!.cOverA, 2)}`);
  for (const note of c.notes) console.log(`  note: ${note}`);
}

export interface Target {
  readonly target: string;
  readonly actual: string;
  readonly pass: boolean;
}

export function printTargets(targets: readonly Target[], enforced: boolean): void {
  console.log(`\nTargets${enforced ? "" : " (quick run: informational, not enforced)"}`);
  for (const t of targets) console.log(`  ${t.pass ? "PASS" : "MISS"}  ${t.target.padEnd(48)} ${t.actual}`);
}
