// What happens to the SQLite file: created when missing, refused when unusable, seeded idempotently.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { loadContent } from "../../src/content/load.js";
import { createDatabaseClient } from "../../src/db/client.js";
import { DatabaseUnusableError, prepareDatabase } from "../../src/db/prepare.js";
import { seedDatabase } from "../../src/db/seed.js";

const fresh = () => path.join(mkdtempSync(path.join(tmpdir(), "k8s-knowledge-db-")), "knowledge.db");
const copyOfTemplate = () => {
  const file = fresh();
  copyFileSync(inject("templateDatabase"), file);
  return file;
};

async function rejection(file: string): Promise<string> {
  try {
    const db = await prepareDatabase(`file:${file}`);
    await db.$disconnect();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseUnusableError);
    expect((error as Error).message).not.toContain("\n");
    return (error as Error).message;
  }
  throw new Error("expected the database to be refused");
}

describe("prepareDatabase", () => {
  it("creates, migrates and seeds a missing file", async () => {
    const file = fresh();
    const db = await prepareDatabase(`file:${file}`);
    try {
      expect(existsSync(file)).toBe(true);
      expect(await db.concept.count()).toBe(loadContent().concepts.length);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a corrupt file and says what to do", async () => {
    const file = fresh();
    writeFileSync(file, "this is not a database ".repeat(500));
    expect(await rejection(file)).toMatch(/not a readable SQLite database.*npm run setup/);
  });

  it("refuses a file from a newer migration", async () => {
    const file = copyOfTemplate();
    const db = createDatabaseClient(`file:${file}`);
    await db.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'x', CURRENT_TIMESTAMP, '29990101000000_future', CURRENT_TIMESTAMP, 1)`,
    );
    await db.$disconnect();
    expect(await rejection(file)).toMatch(/newer version of this service.*29990101000000_future/);
  });
});

describe("seedDatabase", () => {
  it("changes nothing when run twice", async () => {
    const file = copyOfTemplate();
    const db = createDatabaseClient(`file:${file}`);
    try {
      const before = await db.knowledgeMeta.findUniqueOrThrow({ where: { id: 1 } });
      const counts = async () => [await db.concept.count(), await db.capability.count(), await db.comparisonFact.count(), await db.source.count()];
      const countsBefore = await counts();
      const result = await seedDatabase(db, loadContent());
      expect(result.changed).toBe(false);
      expect(await counts()).toEqual(countsBefore);
      expect(await db.knowledgeMeta.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("npm start", () => {
  it("exits non-zero with one line when the database is corrupt", async () => {
    const file = fresh();
    writeFileSync(file, "garbage".repeat(1000));
    const entry = path.join(PROJECT_ROOT, "dist", "src", "index.js");
    const result = await promisify(execFile)(process.execPath, [entry], { env: { ...process.env, DATABASE_URL: `file:${file}`, PORT: "0" } }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^Cannot start: .*not a readable SQLite database/);
  });
});

describe("an empty database file", () => {
  it("is set up like a missing one", async () => {
    const file = fresh();
    writeFileSync(file, "");
    const db = await prepareDatabase(`file:${file}`);
    try {
      expect(await db.concept.count()).toBe(loadContent().concepts.length);
    } finally {
      await db.$disconnect();
    }
  });
});
