// The fast paths (cached GETs answered from node:http, JSON POSTs sent to Apollo without Express,
// cache hits) must answer exactly what the Express route answers for the same request headers:
// the same status, body and representation headers. A differential test over a matrix of Accept,
// Accept-Encoding, If-None-Match, Origin and method, against a reference server whose every
// request goes through Express (rate limiting on) with no response cache.
import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

const ORIGIN = "https://app.example";
const SHARED = { CORS_ORIGINS: ORIGIN };
const RELEVANT_HEADERS = [
  "content-type",
  "content-encoding",
  "etag",
  "cache-control",
  "vary",
  "access-control-allow-origin",
  "access-control-expose-headers",
  "x-content-type-options",
] as const;

interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

function decode(encoding: string | undefined, raw: Buffer): Buffer {
  if (encoding === "gzip") return zlib.gunzipSync(raw);
  if (encoding === "br") return zlib.brotliDecompressSync(raw);
  if (encoding === "deflate") return zlib.inflateSync(raw);
  return raw;
}

/** A plain HTTP request (fetch would add Accept-Encoding and decode for us). */
function request(baseUrl: string, method: "GET" | "POST", path: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: decode(res.headers["content-encoding"], Buffer.concat(chunks)).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const QUERIES = {
  // Under the 8 KB compression threshold.
  small: `{ concept(slug: "ingress") { slug name } }`,
  // Over it: compressed when the client accepts it.
  large: `{ concepts(first: 40) { nodes { slug summary body } } }`,
};
const ACCEPTS = [undefined, "application/json", "application/graphql-response+json", "application/graphql-response+json;q=0.5, application/json", "*/*", "text/xml"];
const ENCODINGS = [undefined, "gzip", "br", "gzip;q=0, identity"];
const ORIGINS = [undefined, ORIGIN];

type Method = "GET" | "POST";

function send(server: TestServer, method: Method, query: string, headers: Record<string, string | undefined>): Promise<RawResponse> {
  const defined = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
  if (method === "GET") {
    return request(server.url, "GET", `/graphql?query=${encodeURIComponent(query)}`, { "apollo-require-preflight": "true", ...defined });
  }
  const body = JSON.stringify({ query });
  return request(server.url, "POST", "/graphql", { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), ...defined }, body);
}

const view = (response: RawResponse) => ({
  status: response.status,
  body: response.body,
  ...Object.fromEntries(RELEVANT_HEADERS.map((name) => [name, response.headers[name]])),
});

let fast: TestServer;
let reference: TestServer;

beforeAll(async () => {
  [fast, reference] = await Promise.all([
    startTestServer(SHARED),
    startTestServer({ ...SHARED, RATE_LIMIT_PER_MINUTE: 1_000_000, RATE_LIMIT_BURST: 100_000, RESPONSE_CACHE_MAX_ENTRIES: 0 }),
  ]);
});

afterAll(async () => {
  await Promise.all([fast?.stop(), reference?.stop()]);
});

describe("cached and fast-path answers equal the Express route's", () => {
  for (const method of ["GET", "POST"] as Method[]) {
    for (const [size, query] of Object.entries(QUERIES)) {
      for (const accept of ACCEPTS) {
        it(`${method} ${size}, Accept ${accept ?? "(none)"}`, async () => {
          // The reference's ETag for this representation, and a first request that fills the fast server's cache.
          const first = await send(reference, method, query, { accept });
          await send(fast, method, query, { accept });
          const etag = first.headers.etag;
          const tags = [undefined, "*", etag, etag?.replace(/^W\//, ""), `"other", ${etag}`, `"other"`];
          let compared = 0;
          for (const encoding of ENCODINGS) {
            for (const origin of ORIGINS) {
              for (const ifNoneMatch of tags) {
                const headers = { accept, "accept-encoding": encoding, origin, "if-none-match": ifNoneMatch };
                const [expected, actual] = await Promise.all([send(reference, method, query, headers), send(fast, method, query, headers)]);
                expect(view(actual), JSON.stringify(headers)).toEqual(view(expected));
                compared++;
              }
            }
          }
          expect(compared).toBe(ENCODINGS.length * ORIGINS.length * tags.length);
        });
      }
    }
  }

  it("was answered from the cache on the fast server, and never on the reference", () => {
    expect(fast.app.responseCache.size).toBeGreaterThan(0);
    expect(reference.app.responseCache.size).toBe(0);
  });

  it("revalidates GETs with weak tags, lists and * (304), and never POSTs", async () => {
    const first = await send(fast, "GET", QUERIES.small, {});
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"/);
    for (const tag of [etag, etag.slice(2), `"x", ${etag}`, "*"]) {
      expect((await send(fast, "GET", QUERIES.small, { "if-none-match": tag })).status, tag).toBe(304);
    }
    expect((await send(fast, "POST", QUERIES.small, { "if-none-match": etag })).status).toBe(200);
  });

  it("gives a compressed and an identity answer different bytes but one weak validator", async () => {
    const gzip = await send(fast, "GET", QUERIES.large, { "accept-encoding": "gzip" });
    const identity = await send(fast, "GET", QUERIES.large, {});
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(gzip.headers.etag).toBe(identity.headers.etag);
    expect(gzip.headers.etag).toMatch(/^W\//);
  });

  it("answers graphql-response+json to a client that asks for it, from the cache too", async () => {
    for (let i = 0; i < 2; i++) {
      const response = await send(fast, "POST", QUERIES.small, { accept: "application/graphql-response+json" });
      expect(response.headers["content-type"]).toBe("application/graphql-response+json; charset=utf-8");
    }
  });

  it("lets browsers read the ETag and the request id, and marks JSON nosniff", async () => {
    const response = await send(fast, "GET", QUERIES.small, { origin: ORIGIN });
    expect(response.headers["access-control-expose-headers"]?.toLowerCase()).toContain("etag");
    expect(response.headers["access-control-expose-headers"]?.toLowerCase()).toContain("x-request-id");
    expect(response.headers["x-request-id"]).toBeTruthy();
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });
});
