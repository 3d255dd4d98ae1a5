// Starts the real server on port 0 against this test file's own copy of the seeded database.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { inject } from "vitest";
import { prepareDatabase } from "../../src/db/prepare.js";
import { readKnowledge } from "../../src/db/readKnowledge.js";
import type { KnowledgeSnapshot } from "../../src/domain/knowledge.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";
import { createAppServer, type AppServer, type ServerSettings } from "../../src/server/app.js";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestServer {
  readonly url: string;
  readonly knowledge: KnowledgeSnapshot;
  readonly app: AppServer;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse<T> }>;
  stop(): Promise<void>;
}

export async function startTestServer(settings?: Partial<ServerSettings>): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "k8s-knowledge-file-"));
  const file = path.join(dir, "knowledge.db");
  copyFileSync(inject("templateDatabase"), file);
  const db = await prepareDatabase(`file:${file}`);
  const knowledge = buildSnapshot(await readKnowledge(db));
  await db.$disconnect();
  const server = await createAppServer({ knowledge, logger: pino({ level: "silent" }), settings });
  const port = await server.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    knowledge,
    app: server,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse<any> };
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
