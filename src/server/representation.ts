// How one GraphQL answer is represented for one request, decided exactly as the Express route
// decides it: the media type as Apollo Server negotiates it, the encoding as the compression
// middleware negotiates it, and freshness as Express's `req.fresh` judges it. The fast paths
// (cached GETs, JSON POSTs from node:http) use these so that they answer byte for byte what the
// Express route would; test/hardening/representation.test.ts compares the two over a matrix.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import fresh from "fresh";
import Negotiator from "negotiator";
import vary from "vary";

/** Apollo's MEDIA_TYPES for single results, in its order of preference (chooseContentTypeForSingleResultResponse). */
const JSON_MEDIA_TYPE = "application/json; charset=utf-8";
const SINGLE_RESULT_MEDIA_TYPES = [
  JSON_MEDIA_TYPE,
  "application/graphql-response+json; charset=utf-8",
  "application/json; callbackSpec=1.0; charset=utf-8",
];

/** The media type Apollo would answer with, or null where it would answer 406. */
export function negotiateMediaType(req: IncomingMessage): string | null {
  const accept = req.headers.accept;
  if (!accept) return JSON_MEDIA_TYPE;
  return new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_MEDIA_TYPES) ?? null;
}

/** Express's `req.fresh`: only GET and HEAD revalidate; `fresh` does the weak comparison, lists and `*`. */
export function isFresh(req: IncomingMessage, etag: string): boolean {
  return (req.method === "GET" || req.method === "HEAD") && fresh(req.headers, { etag });
}

// negotiator 1.x takes the server's preference for ties as an option; @types/negotiator still describes 0.6.
type EncodingNegotiator = { encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined };

const ENCODINGS = ["br", "gzip", "deflate", "identity"];
const PREFERRED_ENCODINGS = ["br", "gzip"];
const compressors = {
  // The compression middleware's settings: brotli at quality 4, gzip and deflate at zlib's default.
  br: (body: Buffer) => promisify(zlib.brotliCompress)(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }),
  gzip: promisify(zlib.gzip),
  deflate: promisify(zlib.deflate),
} as const;

/**
 * Sends a 200 answer, compressed when the client accepts it and it is big enough, as the
 * compression middleware would. A string is written as it is: turning every answer into a Buffer
 * first showed up as garbage-collection work.
 */
export async function sendBody(req: IncomingMessage, res: ServerResponse, body: string | Buffer, threshold: number): Promise<void> {
  vary(res, "Accept-Encoding");
  const length = typeof body === "string" ? Buffer.byteLength(body) : body.length;
  const encoding = length >= threshold ? (new Negotiator(req) as EncodingNegotiator).encoding(ENCODINGS, { preferred: PREFERRED_ENCODINGS }) : undefined;
  if (encoding === "br" || encoding === "gzip" || encoding === "deflate") {
    const compressed = await compressors[encoding](typeof body === "string" ? Buffer.from(body) : body);
    res.setHeader("content-encoding", encoding);
    res.setHeader("content-length", compressed.length);
    res.end(compressed);
    return;
  }
  res.setHeader("content-length", length);
  res.end(body);
}
