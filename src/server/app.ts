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

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const header = req.headers["x-request-id"];
        const requestId = typeof header === "string" && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
        res.setHeader("x-request-id", requestId);
        return { knowledge, requestId, logger: logger.child({ requestId }) };
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
    stop: () => apollo.stop(),
  };
}
