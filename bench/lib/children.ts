// Starts the three servers as child processes (each with its own heap, RSS and event loop) and
// reads their memory from /proc (Linux) or, elsewhere, over IPC.
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
/** The node flags of `npm start` (heap sizes), so the real server runs as users run it. */
export const START_FLAGS = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((token) => token.startsWith("--"));

export type ServerKey = "a" | "b" | "c";
export const SERVER_LABELS: Record<ServerKey, string> = { a: "a raw node:http", b: "b minimal Apollo", c: "c real server" };
const SCRIPTS: Record<ServerKey, string> = { a: "raw.ts", b: "minimal.ts", c: "real.ts" };

export interface BenchChild {
  readonly key: ServerKey;
  readonly port: number;
  readonly pid: number;
  /** Sends a message and resolves when the child has applied it. */
  request(message: Record<string, unknown>): Promise<void>;
  rss(): Promise<number>;
  /** Peak RSS of the process so far (VmHWM); null where /proc is unavailable. */
  peakRss(): number | null;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/** Reads a field in kB from /proc/<pid>/status, in bytes; null when not on Linux. */
export function procStatus(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export async function startChild(key: ServerKey, timeoutMs = 60_000, env: Record<string, string> = {}): Promise<BenchChild> {
  const child = fork(path.join(ROOT, "bench", "servers", SCRIPTS[key]), [], {
    cwd: ROOT,
    // Same loader for all three, so their start-up overhead and RSS are comparable; the real
    // server also gets production's heap flags.
    execArgv: ["--import", "tsx", ...(key === "c" ? START_FLAGS : [])],
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => live.delete(child));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server ${key} did not start within ${timeoutMs} ms`)), timeoutMs);
    child.on("message", (message: any) => {
      if (message?.type === "ready") {
        clearTimeout(timer);
        resolve(message.port as number);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server ${key} exited with code ${code} before it was ready`));
    });
  });

  const waitFor = (type: string) =>
    new Promise<any>((resolve) => {
      const listener = (message: any) => {
        if (message?.type === type) {
          child.off("message", listener);
          resolve(message);
        }
      };
      child.on("message", listener);
    });

  return {
    key,
    port,
    pid: child.pid!,
    async request(message) {
      const acked = waitFor("ack");
      child.send(message);
      await acked;
    },
    async rss() {
      const fromProc = procStatus(child.pid!, "VmRSS");
      if (fromProc !== null) return fromProc;
      const answer = waitFor("rss");
      child.send({ type: "rss" });
      return ((await answer) as { rss: number }).rss;
    },
    peakRss: () => procStatus(child.pid!, "VmHWM"),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
