#!/usr/bin/env node
// `npm run mcp`: the MCP server over stdio, for clients that start it as a subprocess (Claude
// Desktop, IDEs, agent frameworks). stdout carries MCP messages only; every log line goes to stderr.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { pino } from "pino";
import { loadConfig } from "../config.js";
import { DatabaseUnusableError, prepareDatabase } from "../db/prepare.js";
import { readKnowledge } from "../db/readKnowledge.js";
import { buildSearchIndex } from "../domain/search/search.js";
import { buildSnapshot } from "../domain/snapshot.js";
import { createMcpServer } from "./server.js";

// A stray console.log from any library would corrupt the protocol stream: send it to stderr.
console.log = console.error;
console.info = console.error;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL, base: { component: "mcp-stdio" } }, pino.destination(2));
  const db = await prepareDatabase(config.DATABASE_URL, (message) => logger.info(message));
  const knowledge = buildSnapshot(await readKnowledge(db));
  await db.$disconnect();
  const searchIndex = buildSearchIndex(knowledge);

  const server = createMcpServer({ knowledge, searchIndex, onError: (err) => logger.error({ err }, "MCP tool failed") });
  const transport = new StdioServerTransport();
  await server.connect(transport);
  logger.info({ knowledgeVersion: knowledge.version, concepts: knowledge.concepts.length }, "MCP server ready on stdio");

  const shutdown = () => {
    server.close().finally(() => process.exit(0));
  };
  process.stdin.once("end", shutdown);
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseUnusableError || (error instanceof Error && error.message.startsWith("Invalid setting"))) {
    process.stderr.write(`Cannot start the MCP server: ${error.message}\n`);
  } else {
    process.stderr.write(`Cannot start the MCP server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
