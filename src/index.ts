// Entry point: prepare the database, load the knowledge snapshot once, serve.
import { loadConfig } from "./config.js";
import { DatabaseUnusableError } from "./db/errors.js";
import { loadKnowledgeData } from "./db/loadKnowledge.js";
import { buildSnapshot } from "./domain/snapshot.js";
import { createLogger } from "./server/logger.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  // The knowledge is immutable per seed: read it once, in a worker that then exits, so the
  // database engine does not stay in memory. Meanwhile this thread loads the server's modules.
  const data = loadKnowledgeData(config.DATABASE_URL, (message) => logger.info(message));
  const { createAppServer } = await import("./server/app.js");
  const knowledge = buildSnapshot(await data);

  const server = await createAppServer({ knowledge, logger, settings: config });
  const port = await server.listen(config.PORT, config.HOST);
  logger.info({ port, host: config.HOST, knowledgeVersion: knowledge.version, concepts: knowledge.concepts.length }, `GraphQL API ready at http://localhost:${port}/graphql`);

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "error while shutting down");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  // One line that says what to do, not a stack trace: for the failures a user can fix (the
  // database, a setting) the message says how; anything else is named by its first line.
  const message = error instanceof Error ? error.message : String(error);
  const known = error instanceof DatabaseUnusableError || message.startsWith("Invalid setting");
  console.error(`Cannot start: ${known ? message : `${error instanceof Error ? error.name : "error"}: ${message.split("\n")[0]}`}`);
  process.exit(1);
});
