// POST /graphql from node:http straight to Apollo, without Express. Express's router, body
// parser and compression middleware cost more per request than most of our resolvers; this path
// reads the JSON body, asks the response cache, runs Apollo and compresses like the middleware
// would. A request it cannot answer exactly as the Express route would (another content type or
// charset, a compressed body, no Content-Length, a body over the limit) is left to Express
// before any of its body is read.
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { Context } from "./context.js";
import { sendHttpError } from "./errors.js";
import { negotiateMediaType, sendBody } from "./representation.js";
import { postKey, type ResponseCache } from "./responseCache.js";

export interface GraphqlPostOptions {
  readonly apollo: ApolloServer<Context>;
  readonly responseCache: ResponseCache;
  readonly maxBodyBytes: number;
  /** Answers smaller than this are sent uncompressed, as by the compression middleware. */
  readonly compressionThreshold: number;
  readonly applyCors: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  readonly context: (req: IncomingMessage, res: ServerResponse) => Promise<Context>;
  readonly onCacheHit: () => void;
  readonly onUnexpectedError: (error: unknown, res: ServerResponse) => void;
}

const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Whether this path can take the request; false leaves it, unread, to Express. */
function acceptable(req: IncomingMessage, maxBodyBytes: number): boolean {
  if (req.method !== "POST" || req.url !== "/graphql") return false;
  const { headers } = req;
  if (!JSON_TYPE.test(headers["content-type"] ?? "") || headers["transfer-encoding"]) return false;
  if (headers["content-encoding"] && headers["content-encoding"].toLowerCase() !== "identity") return false;
  const length = Number(headers["content-length"]);
  return Number.isInteger(length) && length >= 0 && length <= maxBodyBytes;
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    // An aborted request has no one left to answer ("close" after "end" changes nothing: resolved already).
    req.once("error", () => resolve(null));
    req.once("close", () => resolve(null));
  });
}

/** Like body-parser's strict JSON: an object or array, `{}` for an empty body, else undefined. */
function parseJson(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return typeof value === "object" && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Returns a handler that answers the request and returns true, or returns false at once. */
export function graphqlPostHandler(options: GraphqlPostOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { apollo, responseCache } = options;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (raw === null) return;
    const body = parseJson(raw);
    if (body === undefined) return sendHttpError(res, "entity.parse.failed");
    const key = postKey(body);
    // Where Apollo would answer 406 (nothing acceptable), Apollo must answer.
    const mediaType = negotiateMediaType(req);
    const cached = key && mediaType ? responseCache.lookup(key) : undefined;
    if (cached) {
      options.onCacheHit();
      return responseCache.send(req, res, cached, mediaType!, options.compressionThreshold);
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body },
      context: () => options.context(req, res),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "chunked") {
      // Incremental delivery (@defer) is not enabled, but Apollo's contract allows it.
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
      return;
    }
    const text = response.body.string;
    if (key && res.statusCode === 200) responseCache.remember(key, text, res);
    // A POST is never answered 304 (Express's req.fresh is for GET and HEAD only).
    await sendBody(req, res, text, options.compressionThreshold);
  }

  return (req, res) => {
    if (!acceptable(req, options.maxBodyBytes)) return false;
    options.applyCors(req, res, () => {
      answer(req, res).catch((error: unknown) => options.onUnexpectedError(error, res));
    });
    return true;
  };
}
