// Builds the HTTP server without binding a port, so tests can listen on port 0.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { DocumentNode } from "graphql";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { makeExecutableSchema } from "@graphql-tools/schema";
import compression from "compression";
import cors from "cors";
import express from "express";
import type { Logger } from "pino";
import { PROJECT_ROOT, loadConfig, type Config } from "../config.js";
import { exportKnowledge } from "../domain/export.js";
import type { KnowledgeSnapshot } from "../domain/knowledge.js";
import { buildSearchIndex, type SearchIndex } from "../domain/search/search.js";
import { resolvers } from "../schema/index.js";
import { RequestContext, type Context } from "./context.js";
import { formatError, jsonErrorHandler, logUnknownErrors, sendHttpError } from "./errors.js";
import { graphqlPostHandler } from "./graphqlPost.js";
import { jitGateway, loadCompiler } from "./jitGateway.js";
import { armorProtection, queriesOnly, stringLengthLimit, type LimitSettings } from "./limits.js";
import { Metrics, observabilityPlugin } from "./observability.js";
import { rateLimiter, trustProxyValue } from "./rateLimit.js";
import { playgroundRouter } from "./playground.js";
import { ResponseCache } from "./responseCache.js";

export const typeDefs = readFileSync(path.join(PROJECT_ROOT, "schema.graphql"), "utf8");

export type ServerSettings = LimitSettings &
  Pick<
    Config,
    | "CORS_ORIGINS"
    | "CSRF_PREVENTION"
    | "CACHE_MAX_AGE_SECONDS"
    | "RESPONSE_CACHE_MAX_ENTRIES"
    | "RESPONSE_CACHE_MAX_MB"
    | "MAX_BODY_BYTES"
    | "RATE_LIMIT_PER_MINUTE"
    | "RATE_LIMIT_BURST"
    | "TRUST_PROXY"
    | "SHUTDOWN_GRACE_MS"
    | "DOCUMENT_CACHE_MAX_ENTRIES"
    | "PERSISTED_QUERY_CACHE_MAX_MB"
    | "HEADERS_TIMEOUT_MS"
    | "REQUEST_TIMEOUT_MS"
    | "KEEP_ALIVE_TIMEOUT_MS"
    | "MAX_CONNECTIONS"
    | "MCP_ALLOWED_HOSTS"
    | "JIT_MAX_COMPILATIONS"
    | "JIT_COMPILE_AFTER_RUNS"
  >;

export interface AppServer {
  readonly httpServer: http.Server;
  readonly responseCache: ResponseCache;
  readonly metrics: Metrics;
  /** Operations graphql-jit has compiled so far (see JIT_MAX_COMPILATIONS). */
  jitCompilations(): number;
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

/**
 * The MCP transport specification asks servers to validate Origin (and Host) against DNS rebinding.
 * Host must name an allowed host; an Origin, which only browsers send, must be on an allowed host
 * too. "*" allows any.
 */
function mcpOriginCheck(allowedHosts: string): express.RequestHandler {
  const hosts = new Set(allowedHosts.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean));
  const allowed = (value: string | undefined, prefix: string) => {
    if (hosts.has("*")) return true;
    try {
      return value !== undefined && hosts.has(new URL(prefix + value).hostname.toLowerCase());
    } catch {
      return false;
    }
  };
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (allowed(req.headers.host, "http://") && (origin === undefined || allowed(origin, ""))) return next();
    const what = allowed(req.headers.host, "http://") ? "Origin" : "Host";
    res.status(403).json({ jsonrpc: "2.0", error: { code: -32000, message: `Forbidden: this ${what} is not allowed (see MCP_ALLOWED_HOSTS).` }, id: null });
  };
}

/** What `GET /` answers to clients that do not ask for HTML: the endpoints, so nobody is left at a 404. */
function serviceIndex(knowledgeVersion: string) {
  return {
    name: "k8s-networking-knowledge",
    description: "A GraphQL API about Kubernetes Services and their alternatives, with official sources for every fact. Read-only; no authentication.",
    knowledgeVersion,
    endpoints: {
      graphql: { path: "/graphql", methods: ["GET", "POST"], description: "GraphQL over HTTP; the schema describes every type and field (introspection is on)." },
      playground: { path: "/", description: "GraphiQL with example queries: open / or /graphql in a browser (Accept: text/html)." },
      mcp: { path: "/mcp", methods: ["POST"], description: "Model Context Protocol over Streamable HTTP (stateless), for chatbots and agents." },
      health: { path: "/healthz", description: "Liveness: the process answers." },
      readiness: { path: "/readyz", description: "Readiness: the knowledge is loaded and the server is not shutting down." },
      metrics: { path: "/metrics", description: "Prometheus metrics." },
      export: { path: "/export.json", description: "The whole knowledge base as one JSON document." },
    },
  };
}

/** The client's request id when it is a sensible one (it ends up in our logs), else a new one. */
function requestIdOf(req: http.IncomingMessage): string {
  const header = req.headers["x-request-id"];
  return typeof header === "string" && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
}

function corsOptions(origins: string): cors.CorsOptions {
  // Read-only public data: any origin by default; a list restricts browsers to those origins.
  const allowed = origins.trim() === "*" ? "*" : origins.split(",").map((o) => o.trim()).filter(Boolean);
  // Browsers may read the ETag (for If-None-Match) and the request id (to report a problem).
  return { origin: allowed, methods: ["GET", "POST", "OPTIONS"], maxAge: 600, exposedHeaders: ["ETag", "X-Request-Id"] };
}

export async function createAppServer(options: AppServerOptions): Promise<AppServer> {
  const { knowledge, logger } = options;
  const settings: ServerSettings = { ...loadConfig({}), ...options.settings };
  // Built on first use (or shortly after start, see below) rather than delaying the first answer.
  let searchIndex: SearchIndex | undefined;
  const getSearchIndex = () => (searchIndex ??= buildSearchIndex(knowledge));
  const responseCache = new ResponseCache({
    knowledgeVersion: knowledge.version,
    maxEntries: settings.RESPONSE_CACHE_MAX_ENTRIES,
    maxBytes: settings.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
    maxAgeSeconds: settings.CACHE_MAX_AGE_SECONDS,
    csrfPrevention: settings.CSRF_PREVENTION,
  });
  const applyCors = cors(corsOptions(settings.CORS_ORIGINS));
  const metrics = new Metrics(knowledge.version);
  const rateLimited = settings.RATE_LIMIT_PER_MINUTE > 0;
  const limitRate = rateLimited
    ? rateLimiter({ perMinute: settings.RATE_LIMIT_PER_MINUTE, burst: settings.RATE_LIMIT_BURST })
    : (_req: express.Request, _res: express.Response, next: express.NextFunction) => next();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxyValue(settings.TRUST_PROXY));
  // ETags are derived from the knowledge version by the response cache, not from body hashes.
  app.set("etag", false);
  let stopping = false;
  // Only large answers (introspection, whole concepts) are worth the CPU of compressing.
  const compressionThreshold = 8 * 1024;
  const httpServer = http.createServer(
    // Slow clients must not hold connections for Node's default 300 s (see README, Operations).
    {
      headersTimeout: settings.HEADERS_TIMEOUT_MS,
      requestTimeout: settings.REQUEST_TIMEOUT_MS,
      keepAliveTimeout: settings.KEEP_ALIVE_TIMEOUT_MS,
      // Node checks those timeouts only this often (30 s by default).
      connectionsCheckingInterval: Math.min(1000, settings.HEADERS_TIMEOUT_MS / 2),
    },
    (req, res) => {
    // Once the listener is closed, every answer closes its connection so clients reconnect elsewhere.
    if (!httpServer.listening && stopping) res.setHeader("connection", "close");
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("x-request-id", requestIdOf(req));
    // Cached GET answers skip Express and Apollo entirely; with rate limiting on, every request
    // goes through Express so the limiter sees it.
    if (!rateLimited && req.method === "GET" && req.url?.startsWith("/graphql?")) {
      applyCors(req, res, () => {
        if (responseCache.tryServeGet(req, res, compressionThreshold, (error) => unexpectedError(error, res))) metrics.cacheHits.inc();
        else app(req, res);
      });
      return;
    }
    if (!rateLimited && graphqlPost?.(req, res)) return;
    app(req, res);
    },
  );
  httpServer.maxConnections = settings.MAX_CONNECTIONS;
  let graphqlPost: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean) | undefined;
  const armor = armorProtection(settings);
  const gateway = jitGateway(makeExecutableSchema({ typeDefs, resolvers }), {
    maxCompilations: settings.JIT_MAX_COMPILATIONS,
    compileAfterRuns: settings.JIT_COMPILE_AFTER_RUNS,
  });
  const apollo = new ApolloServer<Context>({
    // Our SIGTERM/SIGINT handler drains first (src/index.ts); Apollo's would stop it and re-send
    // the signal, ending the process with every in-flight request cut.
    stopOnTerminationSignals: false,
    // Off by default: read-only public data and no credentials leave a forged request nothing to
    // do or read, and the check refused clients at their defaults (src/config.ts, README Security).
    csrfPrevention: settings.CSRF_PREVENTION,
    // Every distinct document keeps its parse, validation and compiled operation (about 100 KB of
    // heap) while it is in this store, so it is bounded by count, not by Apollo's 30 MB estimate
    // of the document's JSON, which let a stream of distinct documents exhaust the heap.
    documentStore: new InMemoryLRUCache<DocumentNode>({ max: settings.DOCUMENT_CACHE_MAX_ENTRIES, maxSize: undefined, sizeCalculation: undefined }),
    // Automatic persisted queries keep query texts: bounded in bytes.
    persistedQueries: { cache: new InMemoryLRUCache<string>({ maxSize: settings.PERSISTED_QUERY_CACHE_MAX_MB * 1024 * 1024 }) },
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: settings.MAX_TOKENS },
    validationRules: [queriesOnly, ...armor.validationRules],
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // HTTP caching is ours (ETags from the knowledge version); Apollo's per-field cache hints would only cost time.
      ApolloServerPluginCacheControlDisabled(),
      // Armor is typed against Apollo's CommonJS build; the plugin objects are the same at run time.
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      stringLengthLimit(settings.MAX_STRING_LENGTH, settings.MAX_MANIFEST_LENGTH),
      observabilityPlugin(metrics),
      logUnknownErrors,
    ],
  });
  await apollo.start();

  const contextFor = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<Context> => {
    const requestId = String(res.getHeader("x-request-id") ?? requestIdOf(req));
    return new RequestContext(knowledge, getSearchIndex, requestId, logger.child({ requestId }));
  };
  const unexpectedError = (error: unknown, res: http.ServerResponse) => {
    logger.error({ err: error, requestId: res.getHeader("x-request-id") }, "unexpected error");
    if (res.headersSent) res.destroy();
    else sendHttpError(res, "internal");
  };
  graphqlPost = graphqlPostHandler({
    apollo,
    responseCache,
    maxBodyBytes: settings.MAX_BODY_BYTES,
    compressionThreshold,
    applyCors,
    context: contextFor,
    onCacheHit: () => metrics.cacheHits.inc(),
    onUnexpectedError: unexpectedError,
  });

  // Before every route, so preflights are answered here and not by Express's automatic OPTIONS.
  app.use(applyCors);

  // Liveness: the process answers. Readiness: the snapshot is loaded (it is, before the server
  // exists) and we are not draining, so Kubernetes stops routing to a Pod that is shutting down.
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", (_req, res) => {
    res.status(stopping ? 503 : 200).json({ status: stopping ? "stopping" : "ready", knowledgeVersion: knowledge.version });
  });

  app.get("/metrics", async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // Built on the first request: most processes never serve it.
  let exportBody: Buffer | undefined;
  const exportEtag = `"${knowledge.version}-export"`;
  app.get("/export.json", limitRate, compression(), (req, res) => {
    res.setHeader("etag", exportEtag);
    res.setHeader("cache-control", `public, max-age=${settings.CACHE_MAX_AGE_SECONDS}`);
    if (req.headers["if-none-match"] === exportEtag) {
      res.status(304).end();
      return;
    }
    exportBody ??= Buffer.from(JSON.stringify(exportKnowledge(knowledge)));
    res.type("application/json").send(exportBody);
  });

  // The offline GraphiQL page, for browsers asking for HTML at / or /graphql.
  app.use(playgroundRouter());
  // Anyone else at / (curl, scripts, a client being set up) learns where everything is.
  app.get("/", (_req, res) => {
    res.vary("Accept");
    res.json(serviceIndex(knowledge.version));
  });
  app.use(
    "/graphql",
    limitRate,
    express.json({ limit: settings.MAX_BODY_BYTES }),
    compression({ threshold: compressionThreshold }),
    responseCache.middleware(() => metrics.cacheHits.inc()),
    expressMiddleware(apollo, { context: ({ req, res }) => contextFor(req, res) }),
  );

  // Model Context Protocol over Streamable HTTP: the same tools as `npm run mcp`, stateless. The
  // SDK is loaded on the first MCP request, so it does not slow down every start.
  let mcpHandler: Promise<express.RequestHandler> | undefined;
  app.use(
    "/mcp",
    limitRate,
    // DNS rebinding: a web page must not reach a local MCP server through a name it controls.
    mcpOriginCheck(settings.MCP_ALLOWED_HOSTS),
    express.json({ limit: settings.MAX_BODY_BYTES }),
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      mcpHandler ??= import("../mcp/http.js").then(({ mcpHttpHandler }) =>
        mcpHttpHandler({ knowledge, searchIndex: getSearchIndex(), onError: (err) => logger.error({ err }, "MCP request failed") }),
      );
      mcpHandler.then((handle) => handle(req, res, next), next);
    },
    // A body that is not JSON gets JSON-RPC's parse error, as MCP clients expect.
    (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if ((error as { type?: string }).type !== "entity.parse.failed") return next(error);
      res.status(400).json({ jsonrpc: "2.0", error: { code: -32700, message: "Parse error: the body is not valid JSON." }, id: null });
    },
  );

  app.use(jsonErrorHandler(logger));

  return {
    httpServer,
    responseCache,
    metrics,
    jitCompilations: () => gateway.compilations(),
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          // Warm-ups that would otherwise delay the first answer.
          setTimeout(() => {
            getSearchIndex();
            void loadCompiler();
          }, 1000).unref();
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    stop: async () => {
      if (stopping) return;
      stopping = true;
      await drain(httpServer, settings.SHUTDOWN_GRACE_MS);
      await apollo.stop();
    },
  };
}

/**
 * Lets in-flight requests finish without resetting any connection a client is using:
 * 1. keep serving normally for a moment: Services and load balancers take a moment to stop sending
 *    traffic here (readiness already fails);
 * 2. close the listener, but keep open connections: each answers its next request with
 *    "Connection: close" (Node's close() would drop idle keep-alive connections at once and reset a
 *    request already on its way over one);
 * 3. after another moment close the connections left idle, and cut whatever is still open when the
 *    grace period ends.
 */
async function drain(httpServer: http.Server, graceMs: number): Promise<void> {
  const stepMs = Math.min(1000, graceMs / 3);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await sleep(stepMs);
  const closeIdle = httpServer.closeIdleConnections.bind(httpServer);
  httpServer.closeIdleConnections = () => {};
  const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  await sleep(stepMs);
  closeIdle();
  const deadline = sleep(graceMs - 2 * stepMs).then(() => httpServer.closeAllConnections());
  await Promise.race([closed, deadline]);
}
