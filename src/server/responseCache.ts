// Answers repeated identical GraphQL requests from memory. The knowledge is immutable per seed and
// every resolver is deterministic, so an answer is fully determined by the request and the
// knowledge version: both are in the key, and the ETag is derived from them before anything runs.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import { LRUCache } from "lru-cache";

export interface ResponseCacheOptions {
  readonly knowledgeVersion: string;
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly maxAgeSeconds: number;
}

interface Entry {
  readonly body: Buffer;
  readonly etag: string;
}

/** Answers bigger than this are not kept: one huge introspection must not evict everything. */
const MAX_ENTRY_BYTES = 1024 * 1024;

export class ResponseCache {
  private readonly entries: LRUCache<string, Entry> | null;
  private readonly cacheControl: string;

  constructor(private readonly options: ResponseCacheOptions) {
    this.entries =
      options.maxEntries > 0 && options.maxBytes > 0
        ? new LRUCache<string, Entry>({ max: options.maxEntries, maxSize: options.maxBytes, sizeCalculation: (e, key) => e.body.length + key.length })
        : null;
    this.cacheControl = `public, max-age=${options.maxAgeSeconds}`;
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }

  /** The ETag of the answer to a request: the knowledge version plus a digest of the request. */
  etagFor(key: string): string {
    return `"${this.options.knowledgeVersion}-${createHash("sha1").update(key).digest("base64url").slice(0, 22)}"`;
  }

  /**
   * GET requests are answered straight from the raw HTTP server when cached, before Express and
   * Apollo run; this is what lets persisted GET queries approach a bare node:http server's speed.
   * Returns false when the request must go through the full pipeline.
   */
  tryServeGet(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== "GET" || !req.url?.startsWith("/graphql?") || !passesCsrfCheck(req)) return false;
    const key = `GET ${req.url}`;
    const entry = this.entries?.get(key);
    if (!entry) return false;
    this.send(req, res, entry);
    return true;
  }

  /** Express middleware in front of Apollo: serves POST hits, answers 304s and records misses. */
  middleware(onHit: () => void = () => {}) {
    return (req: Request, res: Response, next: NextFunction): void => {
      const key = requestKey(req);
      // A GET that Apollo's CSRF prevention would refuse must reach Apollo to be refused.
      if (!key || (req.method === "GET" && !passesCsrfCheck(req))) return next();
      const etag = this.etagFor(key);
      if (req.method === "GET" && req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag, "cache-control": this.cacheControl }).end();
        return;
      }
      const cached = this.entries?.get(key);
      if (cached) {
        onHit();
        this.send(req, res, cached);
        return;
      }
      this.recordOnSuccess(key, etag, res);
      next();
    };
  }

  private send(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
    if (req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, { etag: entry.etag, "cache-control": this.cacheControl }).end();
      return;
    }
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": entry.body.length,
      etag: entry.etag,
      "cache-control": this.cacheControl,
    });
    res.end(entry.body);
  }

  private recordOnSuccess(key: string, etag: string, res: Response): void {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (res.statusCode === 200 && !res.headersSent && (typeof chunk === "string" || Buffer.isBuffer(chunk))) {
        const body = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        // Answers with errors get no ETag and are not kept: an unknown error may be transient.
        if (!hasErrors(body)) {
          res.setHeader("etag", etag);
          res.setHeader("cache-control", this.cacheControl);
          if (this.entries && body.length <= MAX_ENTRY_BYTES) this.entries.set(key, { body, etag });
        }
      }
      return end(chunk, ...rest);
    }) as Response["end"];
  }
}

/**
 * Whether a GraphQL answer has a top-level "errors" entry. Inside JSON strings quotes are escaped,
 * so the sequence can only be a key; a client aliasing a field "errors" merely goes uncached.
 * Far cheaper than parsing every answer.
 */
function hasErrors(body: Buffer): boolean {
  return body.includes('"errors":');
}

/** The cache key of a GraphQL request, or null when it is not a cacheable GraphQL request. */
function requestKey(req: Request): string | null {
  if (req.method === "GET") return req.originalUrl.includes("?") ? `GET ${req.originalUrl}` : null;
  if (req.method !== "POST" || typeof req.body !== "object" || req.body === null || Array.isArray(req.body)) return null;
  const { query, variables, operationName, extensions } = req.body as Record<string, unknown>;
  try {
    return `POST ${JSON.stringify([query ?? null, variables ?? null, operationName ?? null, extensions ?? null])}`;
  } catch {
    // Too deeply nested to serialise: not worth caching; Apollo will refuse or answer it.
    return null;
  }
}

/**
 * Apollo Server refuses GET requests that a browser could send cross-site without a preflight
 * (CSRF prevention); the cache must not answer what Apollo itself would refuse.
 */
function passesCsrfCheck(req: IncomingMessage): boolean {
  if (req.headers["apollo-require-preflight"] || req.headers["x-apollo-operation-name"]) return true;
  const type = req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  return !!type && !["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"].includes(type);
}
