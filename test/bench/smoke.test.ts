// The bench works: a smoke run (every stage for a few seconds) exits 0 and writes a result with a,
// b and c for serviceTypes, a cold start and a long run. It measures nothing here; timings on a
// shared CI machine would only make the test flaky. `npm run bench` is where speed is measured.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const dir = mkdtempSync(path.join(tmpdir(), "k8s-knowledge-bench-smoke-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ServerResult {
  requestsPerSecond: number;
}
interface BenchResult {
  notes: string[];
  settings: { smoke: boolean };
  queries: { name: string; variant: string; skipped?: string; servers?: Record<"a" | "b" | "c", ServerResult> }[];
  coldStart: { medianMs?: number; skipped?: string };
  longRun: { requests?: number; non2xx?: number; skipped?: string };
}

describe("npm run bench -- --smoke", () => {
  it("runs every stage against all three servers and writes the results", { timeout: 180_000 }, async () => {
    const out = path.join(dir, "bench.json");
    // The test's seeded database, so the bench does not build one of its own.
    const database = path.join(dir, "knowledge.db");
    copyFileSync(inject("templateDatabase"), database);
    // Through npm, so the script's node flags are exercised too. Rejects (with the output in the
    // error) on a non-zero exit or after the timeout.
    await promisify(execFile)("npm", ["run", "--silent", "bench", "--", "--smoke", "--out", out], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${database}` },
      timeout: 150_000,
      maxBuffer: 16 * 1024 * 1024,
    });

    const result = JSON.parse(readFileSync(out, "utf8")) as BenchResult;
    expect(result.settings.smoke).toBe(true);
    // npm run bench's flags reached the load generator.
    expect(result.notes.join("\n")).not.toMatch(/young generation/);
    for (const variant of ["post", "post-repeat", "get-apq"]) {
      const serviceTypes = result.queries.find((q) => q.name === "serviceTypes" && q.variant === variant);
      expect(serviceTypes?.skipped, variant).toBeUndefined();
      for (const key of ["a", "b", "c"] as const) {
        expect(serviceTypes?.servers?.[key]?.requestsPerSecond, `${variant}: server ${key}`).toBeGreaterThan(0);
      }
    }
    expect(result.coldStart.skipped).toBeUndefined();
    expect(result.coldStart.medianMs).toBeGreaterThan(0);
    expect(result.longRun.skipped).toBeUndefined();
    expect(result.longRun).toMatchObject({ requests: 300, non2xx: 0 });
  });
});
