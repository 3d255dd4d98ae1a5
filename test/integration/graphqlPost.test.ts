// POST /graphql has two routes: straight from node:http to Apollo, and through Express for what
// the direct route leaves to it (compressed or chunked bodies, other content types, rate limits).
// Both must give the same answers, headers and errors.
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

function post(url: string, body: string | Buffer, headers: Record<string, string>, chunked = false): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/graphql`, { method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    if (chunked) {
      // No Content-Length: Node sends the body chunked, which the direct route leaves to Express.
      req.write(body.slice(0, 5));
      req.end(body.slice(5));
    } else {
      req.setHeader("content-length", Buffer.byteLength(body));
      req.end(body);
    }
  });
}

const DECODE: Record<string, (body: Buffer) => Buffer> = { gzip: gunzipSync, br: brotliDecompressSync, deflate: inflateSync, identity: (b) => b };
const decoded = (answer: RawAnswer) => JSON.parse(DECODE[String(answer.headers["content-encoding"] ?? "identity")]!(answer.body).toString("utf8"));

const BIG = JSON.stringify({ query: "{ concepts(first: 40) { edges { node { slug name summary } } } }" });
const SMALL = JSON.stringify({ query: "{ serviceTypes { name } }" });
const JSON_HEADERS = { "content-type": "application/json" };

describe.each([
  ["cache on", {}],
  ["cache off", { RESPONSE_CACHE_MAX_ENTRIES: 0 }],
])("POST /graphql, %s", (_, settings) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ...settings, CORS_ORIGINS: "https://app.example" });
  });
  afterAll(() => server.stop());

  it("answers the same through both routes", async () => {
    for (const body of [SMALL, BIG]) {
      const direct = await post(server.url, body, JSON_HEADERS);
      const viaExpress = await post(server.url, body, JSON_HEADERS, true);
      expect(direct.status).toBe(200);
      expect(viaExpress.status).toBe(200);
      expect(decoded(direct)).toEqual(decoded(viaExpress));
      expect(decoded(direct).data).toBeTruthy();
      for (const header of ["content-type", "etag", "cache-control"]) expect(direct.headers[header], header).toBe(viaExpress.headers[header]);
      expect(direct.headers["x-request-id"]).toBeTruthy();
    }
  });

  it.each(["gzip", "br", "deflate"])("compresses a large answer with %s when asked, like the compression middleware", async (encoding) => {
    const direct = await post(server.url, BIG, { ...JSON_HEADERS, "accept-encoding": encoding });
    const viaExpress = await post(server.url, BIG, { ...JSON_HEADERS, "accept-encoding": encoding }, true);
    for (const answer of [direct, viaExpress]) {
      expect(answer.headers["content-encoding"]).toBe(encoding);
      expect(String(answer.headers.vary)).toMatch(/accept-encoding/i);
    }
    expect(decoded(direct)).toEqual(decoded(viaExpress));
    expect(direct.body.length).toBeLessThan(Buffer.byteLength(JSON.stringify(decoded(direct))));
  });

  it("prefers brotli, honours q=0 and leaves small answers uncompressed", async () => {
    expect((await post(server.url, BIG, { ...JSON_HEADERS, "accept-encoding": "gzip, deflate, br" })).headers["content-encoding"]).toBe("br");
    expect((await post(server.url, BIG, { ...JSON_HEADERS, "accept-encoding": "br;q=0, gzip" })).headers["content-encoding"]).toBe("gzip");
    expect((await post(server.url, BIG, { ...JSON_HEADERS, "accept-encoding": "identity" })).headers["content-encoding"]).toBeUndefined();
    expect((await post(server.url, SMALL, { ...JSON_HEADERS, "accept-encoding": "gzip" })).headers["content-encoding"]).toBeUndefined();
  });

  it("accepts a UTF-8 charset and reads UTF-8 arguments", async () => {
    const body = JSON.stringify({ query: "query($q: String!) { search(query: $q, first: 1) { concept { slug } } }", variables: { q: "Dienst für Pods ✓" } });
    const answer = await post(server.url, body, { "content-type": "application/json; charset=UTF-8" });
    expect(answer.status).toBe(200);
    expect(decoded(answer).errors).toBeUndefined();
  });

  it("sends the CORS headers of the configured origin", async () => {
    const answer = await post(server.url, SMALL, { ...JSON_HEADERS, origin: "https://app.example" });
    expect(answer.headers["access-control-allow-origin"]).toBe("https://app.example");
    expect(String(answer.headers.vary)).toMatch(/origin/i);
  });

  it.each([
    ["not JSON", "{ query: nope", 400, "BAD_REQUEST"],
    ["a JSON string", '"{ serviceTypes { name } }"', 400, "BAD_REQUEST"],
    ["a JSON null", "null", 400, "BAD_REQUEST"],
    ["an empty body", "", 400, "BAD_REQUEST"],
    ["a batch", `[${SMALL}, ${SMALL}]`, 400, "BAD_REQUEST"],
    ["no query", '{"variables": {}}', 400, "BAD_REQUEST"],
  ])("refuses %s with the same error through both routes", async (_, body, status, code) => {
    for (const chunked of [false, true]) {
      const answer = await post(server.url, body, JSON_HEADERS, chunked && body.length > 5);
      expect(answer.status, `chunked: ${chunked}`).toBe(status);
      const errors = decoded(answer).errors as { extensions: { code: string } }[];
      expect(errors[0]!.extensions.code, `chunked: ${chunked}`).toBe(code);
    }
  });

  it("keeps no answer with errors, even next to data, through either route", async () => {
    const body = JSON.stringify({ query: '{ serviceTypes { name } compare(left: "nope", right: "svc") { summary } }' });
    for (const chunked of [false, true]) {
      const before = server.app.responseCache.size;
      const answer = await post(server.url, body, JSON_HEADERS, chunked);
      expect(decoded(answer).data.serviceTypes.length).toBeGreaterThan(0);
      expect(decoded(answer).errors[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(answer.headers.etag).toBeUndefined();
      expect(server.app.responseCache.size).toBe(before);
    }
  });

  it("leaves an over-long body to Express, which answers 413", async () => {
    const body = JSON.stringify({ query: "{ serviceTypes { name } }", variables: { pad: "x".repeat(1536 * 1024) } });
    const answer = await post(server.url, body, JSON_HEADERS);
    expect(answer.status).toBe(413);
    expect(decoded(answer).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });
});
