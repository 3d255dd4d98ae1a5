// Runs in a worker thread: prepares the database and reads the knowledge once. When the worker
// exits, Prisma's query engine (WebAssembly) and its memory go with it; the server keeps only
// the plain records it was sent.
import { parentPort, workerData } from "node:worker_threads";
import { DatabaseUnusableError, prepareDatabase } from "./prepare.js";
import { readKnowledge } from "./readKnowledge.js";

const { databaseUrl } = workerData as { databaseUrl: string };
const port = parentPort!;
try {
  const db = await prepareDatabase(databaseUrl, (message) => port.postMessage({ type: "log", message }));
  const data = await readKnowledge(db);
  await db.$disconnect();
  port.postMessage({ type: "data", data });
} catch (error) {
  port.postMessage({
    type: "error",
    unusable: error instanceof DatabaseUnusableError,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
