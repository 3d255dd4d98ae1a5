// `npx tsx bench/soak.ts [--documents 20000] [--connections 16] [--repeat 2]`: the production
// command (`npm start`: its V8 flags, NODE_ENV=production) against a stream of distinct GraphQL
// documents, as an attacker without credentials could send them. Each document differs in an
// alias; with --repeat 2 each is sent twice, so the server would compile it (graphql-jit compiles an
// operation on its second run). Prints errors, peak RSS and whether the process survived.
// The issue it answers: the process used to die of heap exhaustion after about 1,600 documents.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    documents: { type: "string", default: "20000" },
    connections: { type: "string", default: "16" },
    repeat: { type: "string", default: "2" },
  },
});
const DOCUMENTS = Number(args.documents);
const CONNECTIONS = Number(args.connections);
const REPEAT = Number(args.repeat);
const ROOT = path.resolve(import.meta.dirname, "..");

const rssMb = (pid: number) => Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
const query = (n: number) =>
  `{concept(slug:"ingress"){slug name summary lifecycle{status} related{type direction concept{slug}} capabilities{dimension{slug} value} sources{url}} x${n}: __typename}`;

const dir = mkdtempSync(path.join(os.tmpdir(), "k8s-knowledge-soak-"));
const env = { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", DATABASE_URL: `file:${path.join(dir, "knowledge.db")}` };
delete env.NODE_ENV;
const child = spawn("npm", ["start"], { cwd: ROOT, env: { ...env, LOG_LEVEL: "info" }, stdio: ["ignore", "pipe", "inherit"] });
let exitCode: number | null | undefined;
child.on("exit", (code, signal) => (exitCode = code ?? (signal ? 128 : null)));

const { port, pid } = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
  let buffer = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffer += chunk;
    for (const line of buffer.split("\n")) {
      try {
        const entry = JSON.parse(line) as { port?: number; pid?: number; msg?: string };
        if (entry.msg?.includes("ready at") && entry.port && entry.pid) resolve({ port: entry.port, pid: entry.pid });
      } catch {
        // npm's banner
      }
    }
    buffer = buffer.slice(buffer.lastIndexOf("\n") + 1);
  });
  child.on("exit", () => reject(new Error("the server exited before it was ready")));
});

let next = 0;
let ok = 0;
const errors = new Map<string, number>();
let peak = rssMb(pid);
const sampler = setInterval(() => {
  if (exitCode === undefined) peak = Math.max(peak, rssMb(pid));
}, 500);
const started = performance.now();
const total = DOCUMENTS * REPEAT;
await Promise.all(
  Array.from({ length: CONNECTIONS }, async () => {
    while (next < total && exitCode === undefined) {
      const n = Math.floor(next++ / REPEAT);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: query(n) }),
        });
        const json = (await response.json()) as { data?: { concept?: { slug?: string } } };
        if (response.status === 200 && json.data?.concept?.slug === "ingress") ok++;
        else errors.set(`HTTP ${response.status}`, (errors.get(`HTTP ${response.status}`) ?? 0) + 1);
      } catch (error) {
        const code = String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
        errors.set(code, (errors.get(code) ?? 0) + 1);
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const alive = exitCode === undefined;
const finalRss = alive ? rssMb(pid) : 0;
console.log(
  JSON.stringify(
    {
      documents: DOCUMENTS,
      repeat: REPEAT,
      connections: CONNECTIONS,
      requests: total,
      ok,
      errors: Object.fromEntries(errors),
      alive,
      exitCode: exitCode ?? null,
      peakRssMb: Math.round(peak),
      finalRssMb: Math.round(finalRss),
      seconds: Math.round(seconds * 10) / 10,
      requestsPerSecond: Math.round(ok / seconds),
    },
    null,
    2,
  ),
);
if (alive) process.kill(pid, "SIGTERM");
await new Promise((resolve) => child.once("exit", resolve));
rmSync(dir, { recursive: true, force: true });
process.exit(alive && errors.size === 0 && peak < 250 ? 0 : 1);
