// `npm start` against unusable databases: a non-zero exit and exactly one line on stderr that says
// what to do, never a stack trace. A read-only but seeded and current file still serves.
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { createDatabaseClient } from "../../src/db/client.js";
import { ENTRY, assertBuilt, childEnv, copyOfTemplate, freshDatabasePath, spawnServer } from "./support.js";

const RUN_TIMEOUT_MS = 60_000;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
/** Something a user can act on: a command to run, a file to delete, a setting to change. */
const SAYS_WHAT_TO_DO = /npm run setup|delete (it|the file)|upgrade the service|DATABASE_URL|writable|permission/i;

/** Runs the built server to completion; it is expected to refuse to start. */
function runToExit(databaseUrl: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  assertBuilt();
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [ENTRY], { cwd: PROJECT_ROOT, env: childEnv({ DATABASE_URL: databaseUrl }), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    proc.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    proc.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    // A server that starts instead of refusing would run forever: stop it and report that.
    const timer = setTimeout(() => proc.kill("SIGKILL"), RUN_TIMEOUT_MS);
    proc.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

async function expectRefusal(databaseUrl: string, specific: RegExp): Promise<string> {
  const result = await runToExit(databaseUrl);
  expect(result.signal, `it did not exit by itself (started?); stdout: ${result.stdout.slice(0, 500)}`).toBeNull();
  expect(result.code).not.toBe(0);
  const lines = result.stderr.split("\n").filter((line) => line.trim() !== "");
  expect(lines, `stderr: ${result.stderr}`).toHaveLength(1);
  const line = lines[0]!;
  expect(line).not.toMatch(/^\s+at |node_modules/);
  expect(line).toMatch(SAYS_WHAT_TO_DO);
  expect(line).toMatch(specific);
  return line;
}

describe("npm start refuses an unusable database with one line that says what to do", () => {
  it("a directory that cannot be created", async () => {
    await expectRefusal("file:/proc/nope/x.db", /\/proc\/nope\/x\.db/);
  });

  it("a corrupt file", async () => {
    const file = freshDatabasePath();
    writeFileSync(file, Buffer.from("SQLite format 3\u0000".padEnd(4096, "\u00ff")));
    await expectRefusal(`file:${file}`, /corrupt|not a (readable )?(SQLite )?database/i);
  });

  it("a file that is not SQLite at all", async () => {
    const file = freshDatabasePath();
    writeFileSync(file, "garbage".repeat(1000));
    await expectRefusal(`file:${file}`, /corrupt|not a (readable )?(SQLite )?database/i);
  });

  // chmod cannot stop root from writing, so as root this case cannot be set up: skipped, by name.
  it.skipIf(isRoot)(`a read-only directory with a missing file${isRoot ? " (SKIPPED: running as root, for whom chmod 0555 does not prevent writes)" : ""}`, async () => {
    const dir = path.dirname(freshDatabasePath());
    const readOnly = path.join(dir, "read-only");
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    try {
      await expectRefusal(`file:${path.join(readOnly, "knowledge.db")}`, /read-only|writable|permission|cannot create|could not create/i);
    } finally {
      chmodSync(readOnly, 0o755);
    }
  });

  it("a file from a newer version of the service (unknown migration)", async () => {
    const file = copyOfTemplate();
    const db = createDatabaseClient(`file:${file}`);
    await db.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('future', 'x', CURRENT_TIMESTAMP, '29990101000000_future', CURRENT_TIMESTAMP, 1)`,
    );
    await db.$disconnect();
    await expectRefusal(`file:${file}`, /newer|29990101000000_future/i);
  });

  it("an out-of-date file (a migration not applied)", async () => {
    const file = copyOfTemplate();
    const db = createDatabaseClient(`file:${file}`);
    const deleted = await db.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = (SELECT MAX(migration_name) FROM _prisma_migrations)`);
    await db.$disconnect();
    expect(deleted).toBeGreaterThan(0);
    await expectRefusal(`file:${file}`, /out of date|not applied|npm run setup/i);
  });
});

/** Changes the template copy with SQL, as a hand edit or a faulty tool would. */
async function tampered(...statements: string[]): Promise<string> {
  const file = copyOfTemplate();
  const db = createDatabaseClient(`file:${file}`);
  for (const statement of statements) await db.$executeRawUnsafe(statement);
  await db.$disconnect();
  return `file:${file}`;
}

describe("npm start refuses knowledge that does not validate, naming the row", () => {
  it("an enum value no schema allows (it used to be served once graphql-jit was loaded)", async () => {
    const url = await tampered(`UPDATE Concept SET kind = 'BOGUS' WHERE slug = 'ingress'`);
    await expectRefusal(url, /concept "ingress".*kind/);
  });

  it("a summary changed by hand (it used to be served under the old version and ETags)", async () => {
    const url = await tampered(`UPDATE Concept SET summary = 'Ingress is a kind of load balancer appliance.' WHERE slug = 'ingress'`);
    await expectRefusal(url, /differs from what was seeded|edited by hand/);
  });

  it("a JSON column that is not JSON", async () => {
    const url = await tampered(`UPDATE Concept SET aliases = '[not json' WHERE slug = 'ingress'`);
    await expectRefusal(url, /cannot use.*JSON/i);
  });

  it("a dropped table", async () => {
    const url = await tampered(`DROP TABLE Dimension`);
    await expectRefusal(url, /cannot use|Dimension/i);
  });

  it("a database path whose parent is a file", async () => {
    const parent = freshDatabasePath();
    writeFileSync(parent, "not a directory");
    await expectRefusal(`file:${path.join(parent, "knowledge.db")}`, /knowledge\.db/);
  });
});

describe("npm start, twice at once, with no database yet", () => {
  it("both start: each builds the file aside and renames it into place", async () => {
    const url = `file:${freshDatabasePath()}`;
    const servers = await Promise.allSettled([spawnServer({ DATABASE_URL: url }), spawnServer({ DATABASE_URL: url })]);
    try {
      for (const result of servers) {
        expect(result.status, result.status === "rejected" ? String(result.reason) : "").toBe("fulfilled");
        if (result.status !== "fulfilled") continue;
        const response = await fetch(`${result.value.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ serviceTypes { name } }" }),
        });
        expect(((await response.json()) as any).data.serviceTypes).toHaveLength(4);
      }
    } finally {
      for (const result of servers) if (result.status === "fulfilled") await result.value.kill();
    }
  }, 90_000);
});

describe("npm start with a read-only database file", () => {
  it("starts and is ready when the file is seeded and current (the server only reads it)", async () => {
    const file = copyOfTemplate();
    chmodSync(file, 0o444);
    const server = await spawnServer({ DATABASE_URL: `file:${file}` });
    try {
      const readyz = await fetch(`${server.url}/readyz`);
      expect(readyz.status).toBe(200);
      expect(await readyz.json()).toMatchObject({ status: "ready" });
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ serviceTypes { name } }" }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as any).data.serviceTypes).toHaveLength(4);
    } finally {
      await server.kill();
      chmodSync(file, 0o644);
    }
  });
});
