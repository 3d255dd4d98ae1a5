// The only reader of process.env. Every setting is listed in the README's configuration table.
import path from "node:path";
import { z } from "zod";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", import.meta.dirname.includes(`${path.sep}dist${path.sep}`) ? ".." : "");

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, 'must be a SQLite file URL such as "file:./prisma/knowledge.db"')
    .default(`file:${path.join(PROJECT_ROOT, "prisma", "knowledge.db")}`),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"]).default("json"),
  /** "*" (any origin, the default: the API is public and read-only) or a comma-separated list of origins. */
  CORS_ORIGINS: z.string().min(1).default("*"),
  /**
   * Apollo Server's CSRF prevention: refuse GraphQL requests a browser could send cross-site without
   * a CORS preflight (a GET, or a POST with a form or text content type, lacking an
   * `apollo-require-preflight` or `x-apollo-operation-name` header). Off by default: the API is
   * read-only (no mutations), serves public data, and reads no cookies or credentials, so a forged
   * request can change nothing and learn nothing that any client cannot already ask for, while the
   * check refuses clients at their defaults (urql sends short queries as plain GETs). Turn it on when
   * a proxy in front adds credentials (cookies, client certificates) or per-user data.
   */
  CSRF_PREVENTION: z.stringbool().default(false),
  /** How long clients and proxies may reuse a GraphQL answer before revalidating it with its ETag. */
  CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().min(0).max(4096).default(32),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).max(100).default(10),
  MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(30),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(20),
  MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(3000),
  MAX_COST: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  /** Large enough for a 1 MB manifests argument JSON-encoded; other input is bounded by the limits below. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(1536 * 1024),
  MAX_STRING_LENGTH: z.coerce.number().int().min(1).max(100_000).default(2000),
  /** The `manifests` argument of analyzeManifests and migrateIngress: YAML files, not names. */
  MAX_MANIFEST_LENGTH: z.coerce.number().int().min(1).max(4 * 1024 * 1024).default(1024 * 1024),
  /** Requests per minute per client IP; 0 turns rate limiting off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().min(0).max(1_000_000).default(0),
  /** How many requests a client may send at once before the per-minute rate applies. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Express "trust proxy": false, true, a hop count, or addresses/subnets such as "loopback, 10.0.0.0/8". */
  TRUST_PROXY: z.string().default("false"),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Distinct GraphQL documents kept parsed, validated and compiled (each holds about 100 KB of heap). */
  DOCUMENT_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(100_000).default(500),
  /** Operations graphql-jit may compile in the life of the process (each keeps ~20-75 KB for good); later ones run on graphql-js. */
  JIT_MAX_COMPILATIONS: z.coerce.number().int().min(0).max(100_000).default(300),
  /** An operation is compiled on this run, not before: one-off documents are not worth a compilation. */
  JIT_COMPILE_AFTER_RUNS: z.coerce.number().int().min(1).max(1000).default(2),
  /** Query texts kept for automatic persisted queries. */
  PERSISTED_QUERY_CACHE_MAX_MB: z.coerce.number().min(0.1).max(1024).default(4),
  /** A client must send its request headers within this time, and the whole request within the next. */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** How long an idle keep-alive connection stays open (above load balancers' usual idle timeouts would hold sockets for nothing). */
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(5_000),
  /** Open connections beyond this are refused; each costs memory even when idle. */
  MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  /**
   * Host names /mcp answers for (comma-separated; "*" for any). Browsers' Origin must be on one of
   * them too. Loopback by default: add the names clients use, e.g. the Service's DNS name.
   */
  MCP_ALLOWED_HOSTS: z.string().min(1).default("localhost,127.0.0.1,[::1]"),
}).refine((c) => c.HEADERS_TIMEOUT_MS <= c.REQUEST_TIMEOUT_MS, {
  path: ["HEADERS_TIMEOUT_MS"],
  message: "must not be longer than REQUEST_TIMEOUT_MS (Node refuses it)",
});

export type Config = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Invalid setting ${String(issue.path[0])}: ${issue.message}`);
  }
  return result.data;
}

/** The file path behind a `file:` URL, resolved against the project root like Prisma's CLI does. */
export function databaseFile(databaseUrl: string): string {
  return path.resolve(PROJECT_ROOT, databaseUrl.slice("file:".length));
}
