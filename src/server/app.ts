// Builds the HTTP server without binding a port, so tests can listen on port 0.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import compression from "compression";
import cors from "cors";
import express from "express";
import type { Logger } from "pino";
import { PROJECT_ROOT, loadConfig, type Config } from "../config.js";
import { exportKnowledge } from "../domain/export.js";
import type { KnowledgeSnapshot } from "../domain/knowledge.js";
import { buildSearchIndex } from "../domain/search/search.js";
import { resolvers } from "../schema/index.js";
import type { Context } from "./context.js";
import { formatError, logUnknownErrors } from "./errors.js";
import { ResponseCache } from "./responseCache.js";

export const typeDefs = readFileSync(path.join(PROJECT_ROOT, "schema.graphql"), "utf8");

export type ServerSettings = Pick<
  Config,
  "CORS_ORIGINS" | "CACHE_MAX_AGE_SECONDS" | "RESPONSE_CACHE_MAX_ENTRIES" | "RESPONSE_CACHE_MAX_MB"
>;

export interface AppServer {
  readonly httpServer: http.Server;
  readonly responseCache: ResponseCache;
  /** Binds and resolves with the actual port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

export interface AppServerOptions {
  readonly knowledge: KnowledgeSnapshot;
  readonly logger: Logger;
  /** Defaults to the documented defaults of each setting. */
  readonly settings?: Partial<ServerSettings>;
}

function corsOptions(origins: string): cors.CorsOptions {
  // Read-only public data: any origin by default; a list restricts browsers to those origins.
  const allowed = origins.trim() === "*" ? "*" : origins.split(",").map((o) => o.trim()).filter(Boolean);
  return { origin: allowed, methods: ["GET", "POST", "OPTIONS"], maxAge: 600 };
}

export async function createAppServer(options: AppServerOptions): Promise<AppServer> {
  const { knowledge, logger } = options;
  const settings: ServerSettings = { ...loadConfig({}), ...options.settings };
  const searchIndex = buildSearchIndex(knowledge);
  const responseCache = new ResponseCache({
    knowledgeVersion: knowledge.version,
    maxEntries: settings.RESPONSE_CACHE_MAX_ENTRIES,
    maxBytes: settings.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
    maxAgeSeconds: settings.CACHE_MAX_AGE_SECONDS,
  });
  const applyCors = cors(corsOptions(settings.CORS_ORIGINS));

  const app = express();
  app.disable("x-powered-by");
  // ETags are derived from the knowledge version by the response cache, not from body hashes.
  app.set("etag", false);
  const httpServer = http.createServer((req, res) => {
    if (req.method === "GET" && req.url?.startsWith("/graphql?")) {
      applyCors(req, res, () => {
        if (!responseCache.tryServeGet(req, res)) app(req, res);
      });
      return;
    }
    app(req, res);
  });
  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), logUnknownErrors],
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

  const exportBody = Buffer.from(JSON.stringify(exportKnowledge(knowledge)));
  const exportEtag = `"${knowledge.version}-export"`;
  app.get("/export.json", applyCors, compression(), (req, res) => {
    res.setHeader("etag", exportEtag);
    res.setHeader("cache-control", `public, max-age=${settings.CACHE_MAX_AGE_SECONDS}`);
    if (req.headers["if-none-match"] === exportEtag) {
      res.status(304).end();
      return;
    }
    res.type("application/json").send(exportBody);
  });

  app.use(
    "/graphql",
    applyCors,
    express.json({ limit: "100kb" }),
    responseCache.middleware(),
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
    responseCache,
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
