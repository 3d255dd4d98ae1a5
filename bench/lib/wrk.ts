// One wrk run against one server (`npm run bench -- --generator wrk`). wrk is written in C and takes
// far less CPU than autocannon, which matters when the load generator shares 2 cores with the server.
// A Lua script sends the request and, when done, prints the latency at every 0.1 % from 0.05 % to
// 99.95 %; each stands for a thousandth of the requests, so rounds merge like autocannon's samples
// (p50 and p99 to within 0.1 percentile).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchRequest } from "./http.js";
import { watchPeakRss, type LoadResult } from "./load.js";

export function wrkAvailable(): boolean {
  return spawnSync("wrk", ["--version"]).error === undefined;
}

const lua = (value: string) => JSON.stringify(value); // a JSON string literal is a valid Lua string literal here

function script(request: BenchRequest): string {
  const lines = [`wrk.method = ${lua(request.method)}`, `wrk.path = ${lua(request.path)}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`wrk.headers[${lua(name)}] = ${lua(value)}`);
  if (request.body) lines.push(`wrk.body = ${lua(request.body)}`);
  lines.push(
    "done = function(summary, latency, requests)",
    '  local e = summary.errors',
    '  io.write(string.format("SUMMARY %d %d %d %d %d\\n", summary.requests, summary.duration, summary.bytes, e.status, e.connect + e.read + e.write + e.timeout))',
    "  for i = 0, 999 do",
    '    io.write(string.format("Q %d\\n", latency:percentile(i / 10 + 0.05)))',
    "  end",
    "end",
  );
  return `${lines.join("\n")}\n`;
}

export async function runWrk(
  port: number,
  request: BenchRequest,
  options: { connections: number; duration: number },
  sampleRss: () => Promise<number>,
): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-wrk-"));
  const file = path.join(dir, "request.lua");
  writeFileSync(file, script(request));
  const rss = await watchPeakRss(sampleRss);
  try {
    const args = ["-t1", `-c${options.connections}`, `-d${Math.max(1, Math.round(options.duration))}s`, "-s", file, `http://127.0.0.1:${port}`];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let err = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
      child.once("error", reject);
      child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}: ${err.trim().slice(0, 300)}`))));
    });
    const peakRssBytes = await rss.peak();
    const summary = /^SUMMARY (\d+) (\d+) (\d+) (\d+) (\d+)$/m.exec(output);
    if (!summary) throw new Error(`wrk printed no summary: ${output.slice(0, 300)}`);
    const [requests, durationUs, bytes, non2xx, errors] = summary.slice(1).map(Number) as [number, number, number, number, number];
    const quantiles = [...output.matchAll(/^Q (\d+)$/gm)].map((m) => Number(m[1]) / 1000);
    if (quantiles.length !== 1000) throw new Error(`wrk printed ${quantiles.length} latency quantiles, not 1000`);
    const perQuantile = Math.max(1, Math.round(requests / 1000));
    const latencies = new Float64Array(quantiles.length * perQuantile);
    quantiles.forEach((ms, i) => latencies.fill(ms, i * perQuantile, (i + 1) * perQuantile));
    const seconds = durationUs / 1e6;
    return {
      requests,
      seconds,
      requestsPerSecond: seconds > 0 ? requests / seconds : 0,
      non2xx,
      errors,
      timeouts: 0,
      bytesPerResponse: requests > 0 ? bytes / requests : 0,
      latencies,
      peakRssBytes,
    };
  } finally {
    rss.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
