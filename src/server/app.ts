// Builds the HTTP server without binding a port, so tests can listen on port 0.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { Logger } from "pino";
import { PROJECT_ROOT } from "../config.js";
import type { KnowledgeSnapshot } from "../domain/knowledge.js";
import { buildSearchIndex } from "../domain/search/search.js";
import { resolvers } from "../schema/index.js";
import type { Context } from "./context.js";
import { formatError, logUnknownErrors } from "./errors.js";

export const typeDefs = readFileSync(path.join(PROJECT_ROOT, "schema.graphql"), "utf8");

export interface AppServer {
  readonly httpServer: http.Server;
  /** Binds and resolves with the actual port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

export async function createAppServer(options: { knowledge: KnowledgeSnapshot; logger: Logger }): Promise<AppServer> {
  const { knowledge, logger } = options;
  const searchIndex = buildSearchIndex(knowledge);
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), logUnknownErrors],
  });
  await apollo.start();

  let stopping = false;
  // Liveness: the process answers. Readiness: the snapshot is loaded (it is, before the server
  // exists) and we are not draining, so Kubernetes stops routing to a Pod that is shutting down.
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", (_req, res) => {
    res.status(stopping ? 503 : 200).json({ status: stopping ? "stopping" : "ready", knowledgeVersion: knowledge.version });
  });
  app.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const header = req.headers["x-request-id"];
        const requestId = typeof header === "string" && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
        res.setHeader("x-request-id", requestId);
        return { knowledge, searchIndex, requestId, logger: logger.child({ requestId }) };
      },
    }),
  );

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    stop: () => {
      stopping = true;
      return apollo.stop();
    },
  };
}
