// Answers repeated identical GraphQL requests from memory. The knowledge is immutable per seed and
// every resolver is deterministic, so an answer is fully determined by the request and the
// knowledge version: both are in the key, and the ETag is derived from them before anything runs.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import { LRUCache } from "lru-cache";
import { isFresh, negotiateMediaType, sendBody } from "./representation.js";

export interface ResponseCacheOptions {
  readonly knowledgeVersion: string;
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly maxAgeSeconds: number;
  /** Whether Apollo's CSRF prevention is on (CSRF_PREVENTION); the cache refuses to answer what Apollo would refuse. Default: on, Apollo's default. */
  readonly csrfPrevention?: boolean;
}

export interface CachedAnswer {
  readonly key: string;
  readonly body: Buffer;
  /** The ETag for the media type the answer was first sent as (by far the most asked for): not hashed again per hit. */
  readonly mediaType: string;
  readonly etag: string;
}

/** Answers bigger than this are not kept: one huge introspection must not evict everything. */
const MAX_ENTRY_BYTES = 1024 * 1024;

export class ResponseCache {
  private readonly entries: LRUCache<string, CachedAnswer> | null;
  private readonly cacheControl: string;

  constructor(private readonly options: ResponseCacheOptions) {
    this.entries =
      options.maxEntries > 0 && options.maxBytes > 0
        ? new LRUCache<string, CachedAnswer>({ max: options.maxEntries, maxSize: options.maxBytes, sizeCalculation: (e, key) => e.body.length + key.length })
        : null;
    this.cacheControl = `public, max-age=${options.maxAgeSeconds}`;
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }

  /**
   * The ETag of the answer to a request in a media type: the knowledge version plus a digest of
   * both. Weak, because the same answer goes out gzip, brotli or identity encoded, and a strong tag
   * would have to differ per encoding (RFC 9110, 8.8.3).
   */
  etagFor(key: string, mediaType: string): string {
    return `W/"${this.options.knowledgeVersion}-${createHash("sha1").update(mediaType).update("\n").update(key).digest("base64url").slice(0, 22)}"`;
  }

  /**
   * GET requests are answered straight from the raw HTTP server when cached, before Express and
   * Apollo run; this is what lets persisted GET queries approach a bare node:http server's speed.
   * Returns false when the request must go through the full pipeline.
   */
  tryServeGet(req: IncomingMessage, res: ServerResponse, compressionThreshold: number, onError: (error: unknown) => void): boolean {
    if (req.method !== "GET" || !req.url?.startsWith("/graphql?") || !this.passesCsrfCheck(req)) return false;
    const mediaType = negotiateMediaType(req);
    const entry = mediaType ? this.lookup(`GET ${req.url}`) : undefined;
    if (!entry) return false;
    this.send(req, res, entry, mediaType!, compressionThreshold).catch(onError);
    return true;
  }

  /** Express middleware in front of Apollo: serves hits, answers GET revalidations and records misses. */
  middleware(onHit: () => void = () => {}) {
    return (req: Request, res: Response, next: NextFunction): void => {
      const key = requestKey(req);
      const mediaType = negotiateMediaType(req);
      // A GET that Apollo's CSRF prevention would refuse, or an Accept that Apollo would answer
      // with 406, must reach Apollo to be refused.
      if (!key || !mediaType || (req.method === "GET" && !this.passesCsrfCheck(req))) return next();
      // A GET revalidation is answered before anything runs: the ETag follows from the request alone.
      if (req.headers["if-none-match"] !== undefined) {
        const etag = this.etagFor(key, mediaType);
        if (isFresh(req, etag)) {
          res.writeHead(304, { etag, "cache-control": this.cacheControl }).end();
          return;
        }
      }
      const entry = this.lookup(key);
      if (entry) {
        onHit();
        // Through res.send, so the compression middleware and Express treat it as a fresh answer.
        res.set({ "content-type": mediaType, etag: this.etagOf(entry, mediaType), "cache-control": this.cacheControl }).send(entry.body);
        return;
      }
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (res.statusCode === 200 && !res.headersSent && (typeof chunk === "string" || Buffer.isBuffer(chunk))) {
          this.remember(key, chunk, res);
        }
        return end(chunk, ...rest);
      }) as Response["end"];
      next();
    };
  }

  private passesCsrfCheck(req: IncomingMessage): boolean {
    return this.options.csrfPrevention === false || passesCsrfCheck(req);
  }

  lookup(key: string): CachedAnswer | undefined {
    return this.entries?.get(key);
  }

  private etagOf(entry: CachedAnswer, mediaType: string): string {
    return mediaType === entry.mediaType ? entry.etag : this.etagFor(entry.key, mediaType);
  }

  /** Sends a cached answer from node:http as the Express route would: 304 when fresh, else 200, compressed if accepted. */
  send(req: IncomingMessage, res: ServerResponse, entry: CachedAnswer, mediaType: string, compressionThreshold: number): Promise<void> {
    const etag = this.etagOf(entry, mediaType);
    if (isFresh(req, etag)) {
      res.writeHead(304, { etag, "cache-control": this.cacheControl }).end();
      return Promise.resolve();
    }
    res.setHeader("content-type", mediaType);
    res.setHeader("etag", etag);
    res.setHeader("cache-control", this.cacheControl);
    return sendBody(req, res, entry.body, compressionThreshold);
  }

  /**
   * Called with a 200 answer before it is sent: an answer without errors gets the ETag and
   * Cache-Control headers and is kept. Answers with errors are not: an unknown error may be transient.
   */
  remember(key: string, body: string | Buffer, res: ServerResponse): void {
    if (hasErrors(body)) return;
    const mediaType = String(res.getHeader("content-type") ?? "");
    const etag = this.etagFor(key, mediaType);
    res.setHeader("etag", etag);
    res.setHeader("cache-control", this.cacheControl);
    // The cache keeps bytes; converting costs nothing when it is off (the uncached benchmark).
    if (!this.entries) return;
    // The limit is in bytes: a string's length counts UTF-16 units, not the bytes it encodes to.
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    if (bytes.length <= MAX_ENTRY_BYTES) this.entries.set(key, { key, body: bytes, mediaType, etag });
  }
}

/**
 * Whether a GraphQL answer has errors. Apollo writes `errors` first (orderExecutionResultFields in
 * runHttpQuery), so looking at the start is enough; scanning whole answers showed in profiles.
 */
function hasErrors(body: string | Buffer): boolean {
  const start = '{"errors":';
  return typeof body === "string" ? body.startsWith(start) : body.subarray(0, start.length).toString("latin1") === start;
}

/** The cache key of a GraphQL request, or null when it is not a cacheable GraphQL request. */
function requestKey(req: Request): string | null {
  if (req.method === "GET") return req.originalUrl.includes("?") ? `GET ${req.originalUrl}` : null;
  return req.method === "POST" ? postKey(req.body) : null;
}

/** The cache key of a parsed POST body, or null when it is not a single GraphQL request. */
export function postKey(body: unknown): string | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
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
