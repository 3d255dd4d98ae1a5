// Reads the knowledge in a short-lived worker thread (see knowledgeWorker.ts): the server process
// never keeps the database engine in memory.
import { Worker } from "node:worker_threads";
import type { KnowledgeData } from "../domain/snapshot.js";
import { DatabaseUnusableError } from "./errors.js";

type WorkerMessage =
  | { type: "log"; message: string }
  | { type: "data"; data: KnowledgeData }
  | { type: "error"; unusable: boolean; message: string; stack?: string };

export function loadKnowledgeData(databaseUrl: string, log: (message: string) => void = () => {}): Promise<KnowledgeData> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./knowledgeWorker.js", import.meta.url), { workerData: { databaseUrl } });
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "log") log(message.message);
      else if (message.type === "data") resolve(message.data);
      else {
        const error = message.unusable ? new DatabaseUnusableError(message.message) : new Error(message.message);
        if (message.stack) error.stack = message.stack;
        reject(error);
      }
    });
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`the knowledge loader exited with code ${code} before sending the knowledge`)));
  });
}
