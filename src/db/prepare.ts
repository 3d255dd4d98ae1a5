// Makes sure the SQLite file is usable before the server reads it: creates, migrates and seeds a
// missing file, and refuses (with one line saying what to do) a corrupt or mismatched one.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { loadContent } from "../content/load.js";
import { PROJECT_ROOT, databaseFile } from "../config.js";
import { createDatabaseClient, type Database } from "./client.js";
import { DatabaseUnusableError } from "./errors.js";
import { seedDatabase } from "./seed.js";

export { DatabaseUnusableError };

const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

function localMigrations(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Applies the migrations with Prisma's own CLI (JS engine, offline), exactly as `npm install` does. */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const prismaCli = path.join(path.dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build", "index.js");
  try {
    await promisify(execFile)(process.execPath, [prismaCli, "migrate", "deploy"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
  } catch (error) {
    const output = `${(error as { stdout?: string }).stdout ?? ""}${(error as { stderr?: string }).stderr ?? ""}`;
    const reason = output.split("\n").find((line) => /error/i.test(line))?.trim() ?? "prisma migrate deploy failed";
    throw new DatabaseUnusableError(`Could not create the database at ${databaseFile(databaseUrl)}: ${reason}`);
  }
}

async function appliedMigrations(db: Database, file: string): Promise<string[]> {
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    return rows.map((row) => row.migration_name);
  } catch (error) {
    const message = String((error as Error).message);
    if (/NOTADB|not a database|malformed|CORRUPT/i.test(message)) {
      throw new DatabaseUnusableError(`${file} is not a readable SQLite database (corrupt?): delete it and run \`npm run setup\`.`);
    }
    if (/no such table/i.test(message)) {
      throw new DatabaseUnusableError(`${file} is not a database of this service (no migration history): delete it or point DATABASE_URL elsewhere.`);
    }
    throw new DatabaseUnusableError(`${file} cannot be opened: ${message.split("\n")[0]}`);
  }
}

function ensureWritableDirectory(file: string): void {
  const dir = path.dirname(file);
  try {
    // One level at a time: Node's recursive mkdir can spin forever on special file systems (/proc).
    const missing: string[] = [];
    for (let d = dir; !existsSync(d); d = path.dirname(d)) missing.unshift(d);
    for (const d of missing) mkdirSync(d);
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new DatabaseUnusableError(`Cannot create the database ${file}: its directory is not writable (${code}); set DATABASE_URL to a writable location, or create the file with \`npm run setup\`.`);
  }
}

/**
 * Builds the database in a file of its own and renames it into place, so a process that starts at
 * the same moment (two replicas on one volume, a restart loop) never sees a half-built file. Each
 * builds its own; the renames are atomic and both results are the same knowledge.
 */
async function createDatabase(file: string): Promise<void> {
  const building = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.building`;
  const url = `file:${building}`;
  try {
    await applyMigrations(url);
    const db = createDatabaseClient(url);
    try {
      await seedDatabase(db, loadContent());
    } finally {
      await db.$disconnect();
    }
    renameSync(building, file);
  } catch (error) {
    if (error instanceof DatabaseUnusableError) throw error;
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new DatabaseUnusableError(`Could not create the database ${file} (${reason}); set DATABASE_URL to a writable location, or create the file with \`npm run setup\`.`);
  } finally {
    for (const leftover of [building, `${building}-journal`]) rmSync(leftover, { force: true });
  }
}

/** Returns an open client on a migrated, seeded database, or throws DatabaseUnusableError. */
export async function prepareDatabase(databaseUrl: string, log: (message: string) => void = () => {}): Promise<Database> {
  const file = databaseFile(databaseUrl);
  // An empty file is an empty SQLite database (e.g. from `touch`): set it up like a missing one.
  if (!existsSync(file) || statSync(file).size === 0) {
    ensureWritableDirectory(file);
    log(`No database at ${file}: creating, migrating and seeding it.`);
    await createDatabase(file);
  }
  const db = createDatabaseClient(databaseUrl);
  try {
    const applied = await appliedMigrations(db, file);
    const known = localMigrations();
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length) {
      throw new DatabaseUnusableError(
        `${file} comes from a newer version of this service (unknown migration ${unknown[0]}): upgrade the service, or delete the file and run \`npm run setup\`.`,
      );
    }
    const missing = known.filter((name) => !applied.includes(name));
    if (missing.length) {
      throw new DatabaseUnusableError(`${file} is out of date (migration ${missing[0]} not applied): run \`npm run setup\`.`);
    }
    if (!(await db.knowledgeMeta.findUnique({ where: { id: 1 } }))) {
      log("The knowledge base is empty: seeding it.");
      await seedDatabase(db, loadContent());
    }
    return db;
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
}
