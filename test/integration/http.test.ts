// What frontends rely on beyond a bare /graphql: GET, persisted queries, ETags, CORS, the export.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResponseCache } from "../../src/server/responseCache.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const PREFLIGHT = { "apollo-require-preflight": "true" };
const getUrl = (params: Record<string, unknown>, base = server.url) =>
  `${base}/graphql?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]))}`;

describe("GET queries and the response cache", () => {
  const query = `query ($s: String!) { concept(slug: $s) { slug summary } }`;

  it("answers a GET query with an ETag and Cache-Control, then 304 for a matching If-None-Match", async () => {
    const url = getUrl({ query, variables: { s: "headless-service" } });
    const first = await fetch(url, { headers: PREFLIGHT });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toContain(server.knowledge.version);
    expect(first.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect(((await first.json()) as any).data.concept.slug).toBe("headless-service");

    // fetch adds "Cache-Control: no-cache" to a request with If-None-Match unless it has a
    // Cache-Control of its own, and a no-cache request is never fresh (Express's req.fresh).
    const again = await fetch(url, { headers: { ...PREFLIGHT, "if-none-match": etag, "cache-control": "max-age=0" } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
  });

  it("serves a repeated GET from the cache with the same body", async () => {
    const url = getUrl({ query, variables: { s: "node-port" } });
    const first = await (await fetch(url, { headers: PREFLIGHT })).text();
    const cachedBefore = server.app.responseCache.size;
    const second = await fetch(url, { headers: PREFLIGHT });
    expect(await second.text()).toBe(first);
    expect(server.app.responseCache.size).toBe(cachedBefore);
    expect(cachedBefore).toBeGreaterThan(0);
  });

  it("answers a GET without a preflight header too (CSRF_PREVENTION is off by default), from the cache", async () => {
    // test/integration/clients.test.ts checks the refusal with CSRF_PREVENTION=true.
    const url = getUrl({ query, variables: { s: "node-port" } });
    const first = await (await fetch(url, { headers: PREFLIGHT })).text();
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(first);
  });

  it("does not cache answers with errors", async () => {
    const url = getUrl({ query: `{ compare(left: "nope", right: "svc") { summary } }` });
    const before = server.app.responseCache.size;
    const response = await fetch(url, { headers: PREFLIGHT });
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(response.headers.get("etag")).toBeNull();
    expect(server.app.responseCache.size).toBe(before);
  });

  it("answers repeated POST bodies from the cache", async () => {
    const before = server.app.responseCache.size;
    const body = { query: `{ serviceType(name: LOAD_BALANCER) { kubernetesName } }` };
    const a = await server.graphql(body.query);
    const b = await server.graphql(body.query);
    expect(b.body).toEqual(a.body);
    expect(server.app.responseCache.size).toBe(before + 1);
  });

  it("gives two knowledge versions different ETags for the same request", () => {
    const options = { maxEntries: 10, maxBytes: 1e6, maxAgeSeconds: 60 };
    const a = new ResponseCache({ ...options, knowledgeVersion: "aaaa" }).etagFor("GET /graphql?query=x", "application/json; charset=utf-8");
    const b = new ResponseCache({ ...options, knowledgeVersion: "bbbb" }).etagFor("GET /graphql?query=x", "application/json; charset=utf-8");
    expect(a).not.toBe(b);
  });
});

describe("automatic persisted queries", () => {
  it("registers a query by hash, then runs it over GET by hash alone", async () => {
    const query = `{ serviceTypes { kubernetesName } }`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const extensions = { persistedQuery: { version: 1, sha256Hash } };

    const unknown = (await (await fetch(getUrl({ extensions }), { headers: PREFLIGHT })).json()) as any;
    expect(unknown.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    const registered = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, extensions }),
    });
    expect(registered.status).toBe(200);

    for (let i = 0; i < 2; i++) {
      const response = await fetch(getUrl({ extensions }), { headers: PREFLIGHT });
      expect(response.status).toBe(200);
      expect(((await response.json()) as any).data.serviceTypes).toHaveLength(4);
    }
  });
});

describe("CORS", () => {
  it("allows any origin by default", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://app.example.com", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("restricts browsers to the configured origins", async () => {
    const restricted = await startTestServer({ CORS_ORIGINS: "https://allowed.example.com, https://other.example.com" });
    try {
      const ask = (origin: string) =>
        fetch(getUrl({ query: "{ knowledgeBase { version } }" }, restricted.url), { headers: { ...PREFLIGHT, origin } });
      const allowed = await ask("https://allowed.example.com");
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://allowed.example.com");
      const cachedAllowed = await ask("https://other.example.com");
      expect(cachedAllowed.headers.get("access-control-allow-origin")).toBe("https://other.example.com");
      const denied = await ask("https://evil.example.com");
      expect(denied.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await restricted.stop();
    }
  });
});

describe("knowledgeBase and the export", () => {
  it("reports the version and counts of the knowledge base", async () => {
    const { body } = await server.graphql(`{ knowledgeBase { version updatedAt conceptCount factCount sourceCount } }`);
    const k = server.knowledge;
    expect(body.data!.knowledgeBase).toEqual({
      version: k.version,
      updatedAt: k.seededAt.toISOString(),
      conceptCount: k.concepts.length,
      factCount: k.capabilities.length + k.comparisons.length + k.concepts.filter((c) => c.lifecycle).length,
      sourceCount: k.sources.length,
    });
  });

  it("exports the whole knowledge base as one compressed JSON document with an ETag", async () => {
    const response = await fetch(`${server.url}/export.json`, { headers: { "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    const raw = Buffer.from(await response.arrayBuffer());
    // fetch decompresses transparently; the header proves the wire format.
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const document = JSON.parse(raw.toString("utf8"));
    expect(document.version).toBe(server.knowledge.version);
    expect(document.concepts).toHaveLength(server.knowledge.concepts.length);
    expect(document.relations.length).toBe(server.knowledge.relations.length);
    expect(document.capabilities.length + document.comparisons.length).toBeGreaterThan(0);
    const sourceIds = new Set(document.sources.map((s: { id: string }) => s.id));
    expect(document.concepts.every((c: { sources: string[] }) => c.sources.every((id) => sourceIds.has(id)))).toBe(true);

    const again = await fetch(`${server.url}/export.json`, { headers: { "if-none-match": response.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });
});
