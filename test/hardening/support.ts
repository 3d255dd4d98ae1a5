// Shared helpers for the hardening tests: the built server in a child process (`npm start` as it
// runs in production), copies of the seeded template database, RSS sampling and a seeded PRNG.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";

export const ENTRY = path.join(PROJECT_ROOT, "dist", "src", "index.js");

/** A fresh path in a fresh temporary directory (the file does not exist). */
export function freshDatabasePath(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "k8s-knowledge-hardening-")), "knowledge.db");
}

/** A private copy of the seeded, migrated template database. */
export function copyOfTemplate(): string {
  const file = freshDatabasePath();
  copyFileSync(inject("templateDatabase"), file);
  return file;
}

export function assertBuilt(): void {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` (or \`npx tsc -p tsconfig.build.json\`) first.`);
}

/** The environment for a child server: the parent's, minus anything that would change its behaviour. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(RATE_LIMIT_|MAX_|SHUTDOWN_|TRUST_PROXY|PORT$|HOST$|DATABASE_URL$|LOG_)/.test(key)) delete env[key];
  }
  return { ...env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", LOG_FORMAT: "json", ...extra };
}

export interface ChildServer {
  readonly proc: ChildProcess;
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  kill(): Promise<void>;
}

export interface SpawnOptions {
  readonly timeoutMs?: number;
  /**
   * Run `npm start` itself: the production command, with its V8 flags and NODE_ENV=production.
   * `pid` is then the node process's (from its log), which is what a container runtime signals.
   */
  readonly asNpmStart?: boolean;
}

/** Spawns `node dist/src/index.js` (or `npm start`) and waits for its "ready at" log line (JSON, with a `port`). */
export async function spawnServer(extraEnv: Record<string, string>, options: SpawnOptions = {}): Promise<ChildServer> {
  const { timeoutMs = 30_000, asNpmStart = false } = options;
  assertBuilt();
  const env = childEnv(extraEnv);
  // npm start sets NODE_ENV itself; the test runner's NODE_ENV=test must not reach plain node either way.
  if (asNpmStart) delete env.NODE_ENV;
  const proc = asNpmStart
    ? spawn("npm", ["start"], { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    : spawn(process.execPath, [ENTRY], { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let nodePid = proc.pid!;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    proc.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() }));
  });
  const port = await new Promise<number>((resolve, reject) => {
    let outBuffer = "";
    let errBuffer = "";
    const timer = setTimeout(() => reject(new Error(`server did not log "ready at" within ${timeoutMs} ms; stderr: ${stderr.join("\n")}`)), timeoutMs);
    proc.stdout!.setEncoding("utf8");
    proc.stderr!.setEncoding("utf8");
    // Keep draining both pipes for the whole life of the process, so logging never blocks it.
    proc.stdout!.on("data", (chunk: string) => {
      outBuffer += chunk;
      let newline: number;
      while ((newline = outBuffer.indexOf("\n")) >= 0) {
        const line = outBuffer.slice(0, newline);
        outBuffer = outBuffer.slice(newline + 1);
        if (stdout.length < 5000) stdout.push(line);
        try {
          const entry = JSON.parse(line) as { msg?: string; port?: number; pid?: number };
          if (typeof entry.msg === "string" && entry.msg.includes("ready at") && typeof entry.port === "number") {
            if (typeof entry.pid === "number") nodePid = entry.pid;
            clearTimeout(timer);
            resolve(entry.port);
          }
        } catch {
          // not a JSON log line
        }
      }
    });
    proc.stderr!.on("data", (chunk: string) => {
      errBuffer += chunk;
      let newline: number;
      while ((newline = errBuffer.indexOf("\n")) >= 0) {
        stderr.push(errBuffer.slice(0, newline));
        errBuffer = errBuffer.slice(newline + 1);
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (code ${code}, signal ${signal}) before it was ready; stderr: ${stderr.join("\n")}${errBuffer}`));
    });
  });
  return {
    proc,
    pid: nodePid,
    port,
    url: `http://127.0.0.1:${port}`,
    stdout,
    stderr,
    exited,
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) {
        if (nodePid !== proc.pid) {
          try {
            process.kill(nodePid, "SIGKILL");
          } catch {
            // already gone
          }
        }
        proc.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** Resident set size of a process in MB, from /proc/<pid>/status (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Deterministic PRNG (mulberry32): the same seed generates the same hostile requests every run. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    bool: (p = 0.5) => next() < p,
    bytes: (length: number) => {
      const out = Buffer.alloc(length);
      for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
  };
}

/** Runs `tasks` with at most `limit` in flight; `stop()` returning true ends the run early. */
export async function runBounded<T>(tasks: (() => Promise<T>)[], limit: number, stop: () => boolean = () => false): Promise<void> {
  let index = 0;
  const worker = async () => {
    while (index < tasks.length && !stop()) {
      const task = tasks[index++]!;
      await task();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** The error code behind a failed fetch (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET…), or its message. */
export function fetchErrorCode(error: unknown): string {
  let current: any = error;
  for (let i = 0; i < 5 && current; i++) {
    if (typeof current.code === "string") return current.code;
    current = current.cause;
  }
  return String((error as Error)?.message ?? error);
}
