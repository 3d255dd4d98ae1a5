// Measurements of the production entry point `node dist/src/index.js`: cold start (spawn to first
// successful answer) and memory after a long run.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { procStatus, ROOT, START_FLAGS } from "./children.js";
import { problem, send, type BenchRequest } from "./http.js";

export const ENTRY = path.join(ROOT, "dist", "src", "index.js");

/** Why the compiled entry cannot be used or may not match the sources, or null. */
export function entryProblem(): { missing: boolean; note: string } | null {
  if (!existsSync(ENTRY)) return { missing: true, note: "dist/src/index.js is missing (run npm run build)" };
  const built = statSync(ENTRY).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith(".ts") && statSync(file).mtimeMs > built) newer.push(path.relative(ROOT, file));
    }
  };
  walk(path.join(ROOT, "src"));
  return newer.length ? { missing: false, note: `dist/ is older than ${newer.length} file(s) in src/ (e.g. ${newer[0]}); run npm run build` } : null;
}

export interface Production {
  readonly child: ChildProcess;
  readonly port: number;
  /** ms from spawn to the "ready at" log line. */
  readonly readyMs: number;
  stop(): Promise<void>;
}

export async function startProduction(t0: number, timeoutMs = 30_000): Promise<Production> {
  const child = spawn(process.execPath, [...START_FLAGS, ENTRY], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", LOG_FORMAT: "json", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "ready at" log line within ${timeoutMs} ms`)), timeoutMs);
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (!line.includes("ready at")) continue;
        try {
          const port = (JSON.parse(line) as { port?: unknown }).port;
          if (typeof port === "number") {
            clearTimeout(timer);
            resolve(port);
          }
        } catch {
          // Not JSON: keep reading.
        }
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with code ${code}: ${stderr.trim().slice(0, 300)}`));
    });
  });
  const readyMs = performance.now() - t0;
  return {
    child,
    port,
    readyMs,
    async stop() {
      process.off("exit", kill);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface ColdStart {
  readonly firstAnswerMs: number;
  readonly readyLogMs: number;
}

/** Spawn to first successful answer of `request`. */
export async function coldStart(request: BenchRequest): Promise<ColdStart> {
  const t0 = performance.now();
  const server = await startProduction(t0);
  try {
    for (;;) {
      const answer = await send(server.port, request).catch(() => null);
      if (answer && problem(answer) === null) return { firstAnswerMs: performance.now() - t0, readyLogMs: server.readyMs };
      if (performance.now() - t0 > 30_000) throw new Error(answer ? (problem(answer) ?? "") : "no answer within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await server.stop();
  }
}

export const rssOf = (child: ChildProcess) => ({
  rss: procStatus(child.pid!, "VmRSS"),
  peak: procStatus(child.pid!, "VmHWM"),
});
