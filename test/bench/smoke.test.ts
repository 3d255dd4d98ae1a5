// The bench works: a quick run exits 0 and writes a result with a, b and c for serviceTypes.
// It measures nothing here; timings on a shared CI machine would only make the test flaky.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const dir = mkdtempSync(path.join(tmpdir(), "k8s-knowledge-bench-smoke-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ServerResult {
  requestsPerSecond: number;
}
interface BenchResult {
  notes: string[];
  queries: { name: string; variant: string; skipped?: string; servers?: Record<"a" | "b" | "c", ServerResult> }[];
}

describe("npm run bench --quick", () => {
  it("runs all three servers and writes their results", { timeout: 180_000 }, async () => {
    const out = path.join(dir, "bench.json");
    // Through npm, so the script's node flags are exercised too. Rejects (with the output in the
    // error) on a non-zero exit or after the timeout.
    await promisify(execFile)("npm", ["run", "--silent", "bench", "--", "--quick", "--out", out], {
      cwd: ROOT,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });

    const result = JSON.parse(readFileSync(out, "utf8")) as BenchResult;
    // npm run bench's flags reached the load generator.
    expect(result.notes.join("\n")).not.toMatch(/young generation/);
    const serviceTypes = result.queries.find((q) => q.name === "serviceTypes" && q.variant === "post");
    expect(serviceTypes?.skipped).toBeUndefined();
    for (const key of ["a", "b", "c"] as const) {
      expect(serviceTypes?.servers?.[key]?.requestsPerSecond, `server ${key}`).toBeGreaterThan(0);
    }
  });
});
