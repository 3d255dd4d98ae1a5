// Runs in a worker thread: prepares the database and reads the knowledge once. When the worker
// exits, Prisma's query engine (WebAssembly) and its memory go with it; the server keeps only
// the plain records it was sent.
import { parentPort, workerData } from "node:worker_threads";
import { databaseFile } from "../config.js";
import type { Database } from "./client.js";
import { DatabaseUnusableError, prepareDatabase } from "./prepare.js";
import { readKnowledge } from "./readKnowledge.js";
import { validateKnowledge } from "./validateKnowledge.js";

const { databaseUrl } = workerData as { databaseUrl: string };
const port = parentPort!;

/** Whatever goes wrong reading a prepared database (a dropped table, bad JSON, an invalid row) is the file's fault. */
async function readValidKnowledge(db: Database) {
  try {
    const data = await readKnowledge(db);
    validateKnowledge(data);
    return data;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n").find((line) => line.trim()) ?? "unreadable";
    throw new DatabaseUnusableError(`${databaseFile(databaseUrl)} holds knowledge this service cannot use (${reason.trim()}): delete it and run \`npm run setup\`.`);
  } finally {
    await db.$disconnect();
  }
}

try {
  const db = await prepareDatabase(databaseUrl, (message) => port.postMessage({ type: "log", message }));
  const data = await readValidKnowledge(db);
  port.postMessage({ type: "data", data });
} catch (error) {
  port.postMessage({
    type: "error",
    unusable: error instanceof DatabaseUnusableError,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
