// Popular GraphQL clients at their default settings against the real server: what a new user's
// first query goes through. Each client is the real library (devDependencies, exact versions);
// the only thing wrapped is fetch, to record which HTTP method a client chose.
import { createHash } from "node:crypto";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { Client as UrqlClient, cacheExchange, fetchExchange } from "@urql/core";
import { GraphQLClient, request } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

const SERVICE_TYPES = `query ServiceTypes { serviceTypes { kubernetesName allocatesNodePort } }`;
const CONCEPT = `query Concept($slug: String!) { concept(slug: $slug) { slug name } }`;
const EXPECTED_TYPES = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];

/** The real fetch, recording the method and headers of every request a client sends. */
function recordingFetch() {
  const sent: { method: string; url: string; headers: Headers }[] = [];
  const wrapped: typeof fetch = (input, init) => {
    const req = new Request(input, init);
    sent.push({ method: req.method, url: req.url, headers: req.headers });
    return fetch(req);
  };
  return { fetch: wrapped, sent };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const kubernetesNames = (data: unknown) => (data as { serviceTypes: { kubernetesName: string }[] }).serviceTypes.map((t) => t.kubernetesName);

describe("clients at their defaults (CSRF_PREVENTION off, the default)", () => {
  let server: TestServer;
  let endpoint: string;
  beforeAll(async () => {
    server = await startTestServer();
    endpoint = `${server.url}/graphql`;
  });
  afterAll(() => server?.stop());

  it("Apollo Client (HttpLink, POST)", async () => {
    const recorder = recordingFetch();
    const client = new ApolloClient({ link: new HttpLink({ uri: endpoint, fetch: recorder.fetch }), cache: new InMemoryCache() });
    const result = await client.query({ query: gql(SERVICE_TYPES) });
    expect(result.error).toBeUndefined();
    expect(kubernetesNames(result.data)).toEqual(EXPECTED_TYPES);
    expect(recorder.sent.map((r) => r.method)).toEqual(["POST"]);
  });

  it("Apollo Client with automatic persisted queries: hash first, then the query once, then the hash alone", async () => {
    const recorder = recordingFetch();
    const link = new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: endpoint, fetch: recorder.fetch }));
    const first = new ApolloClient({ link, cache: new InMemoryCache() });
    const result = await first.query({ query: gql(CONCEPT), variables: { slug: "LB" } });
    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject({ concept: { slug: "load-balancer" } });
    // A second client (empty cache) sends only the hash, which the server now knows.
    const second = new ApolloClient({ link, cache: new InMemoryCache() });
    const again = await second.query({ query: gql(CONCEPT), variables: { slug: "LB" } });
    expect(again.data).toEqual(result.data);
    expect(recorder.sent).toHaveLength(3);
  });

  it("Apollo Client with persisted queries over GET (useGETForHashedQueries), which sends no preflight header", async () => {
    const recorder = recordingFetch();
    const link = new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(new HttpLink({ uri: endpoint, fetch: recorder.fetch }));
    for (let i = 0; i < 2; i++) {
      const client = new ApolloClient({ link, cache: new InMemoryCache() });
      const result = await client.query({ query: gql(SERVICE_TYPES) });
      expect(result.error).toBeUndefined();
      expect(kubernetesNames(result.data)).toEqual(EXPECTED_TYPES);
    }
    // GET (unknown hash), POST with the query, then GET with the hash alone, answered 200.
    expect(recorder.sent.map((r) => r.method)).toEqual(["GET", "POST", "GET"]);
    expect(recorder.sent[2]!.headers.get("apollo-require-preflight")).toBeNull();
  });

  it("urql (@urql/core): short queries go as GET without a content type, and are answered", async () => {
    const recorder = recordingFetch();
    const client = new UrqlClient({ url: endpoint, exchanges: [cacheExchange, fetchExchange], fetch: recorder.fetch });
    const result = await client.query(CONCEPT, { slug: "gateway-api" }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject({ concept: { slug: "gateway-api", name: "Gateway API" } });
    expect(recorder.sent.map((r) => r.method)).toEqual(["GET"]);
    expect(recorder.sent[0]!.headers.get("content-type")).toBeNull();
  });

  it("graphql-request: request() and GraphQLClient, POST and GET", async () => {
    const data = await request<{ serviceTypes: { kubernetesName: string }[] }>(endpoint, SERVICE_TYPES);
    expect(kubernetesNames(data)).toEqual(EXPECTED_TYPES);
    const recorder = recordingFetch();
    const get = new GraphQLClient(endpoint, { method: "GET", fetch: recorder.fetch });
    expect(await get.request(CONCEPT, { slug: "svc" })).toMatchObject({ concept: { slug: "service" } });
    expect(recorder.sent.map((r) => r.method)).toEqual(["GET"]);
  });

  it("plain fetch: GET with only a query string, and POST with JSON", async () => {
    const get = await fetch(`${endpoint}?query=${encodeURIComponent(SERVICE_TYPES)}`);
    expect(get.status).toBe(200);
    expect(kubernetesNames(((await get.json()) as { data: unknown }).data)).toEqual(EXPECTED_TYPES);
    const post = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: SERVICE_TYPES }) });
    expect(post.status).toBe(200);
    expect(kubernetesNames(((await post.json()) as { data: unknown }).data)).toEqual(EXPECTED_TYPES);
  });

  it("a repeated plain GET is answered from the response cache with the same bytes", async () => {
    const url = `${endpoint}?query=${encodeURIComponent(CONCEPT)}&variables=${encodeURIComponent('{"slug":"node-port"}')}`;
    const first = await fetch(url);
    const body = await first.text();
    const hitsBefore = await cacheHits(server);
    const second = await fetch(url);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(body);
    expect(await cacheHits(server)).toBe(hitsBefore + 1);
  });

  it("GraphiQL's fetcher (@graphiql/toolkit, what the playground uses; the browser test runs the page itself)", async () => {
    // Outside a browser the toolkit needs fetch handed to it; everything else is its default.
    const fetcher = createGraphiQLFetcher({ url: endpoint, fetch });
    const answer = await fetcher({ query: SERVICE_TYPES, operationName: "ServiceTypes" });
    // The toolkit reads answers as a stream of parts (for @defer); a plain answer is one part.
    const parts: unknown[] = [];
    if (answer && typeof answer === "object" && Symbol.asyncIterator in answer) for await (const part of answer as AsyncIterable<unknown>) parts.push(part);
    else parts.push(answer);
    expect(parts).toHaveLength(1);
    const result = parts[0] as { data?: unknown; errors?: unknown };
    expect(result.errors).toBeUndefined();
    expect(kubernetesNames(result.data)).toEqual(EXPECTED_TYPES);
  });
});

describe("CSRF_PREVENTION=true", () => {
  let server: TestServer;
  let endpoint: string;
  beforeAll(async () => {
    server = await startTestServer({ CSRF_PREVENTION: true });
    endpoint = `${server.url}/graphql`;
  });
  afterAll(() => server?.stop());

  it("refuses urql's default GET, even once the answer is cached, and accepts it with a preflight header", async () => {
    const url = `${endpoint}?query=${encodeURIComponent(SERVICE_TYPES)}`;
    // Cached by an allowed request first, so the fast path is what refuses.
    expect((await fetch(url, { headers: { "apollo-require-preflight": "true" } })).status).toBe(200);
    expect((await fetch(url)).status).toBe(400);

    const client = new UrqlClient({ url: endpoint, exchanges: [cacheExchange, fetchExchange] });
    const refused = await client.query(SERVICE_TYPES, {}).toPromise();
    expect(refused.error?.message).toMatch(/CSRF|preflight/i);

    const withHeader = new UrqlClient({ url: endpoint, exchanges: [cacheExchange, fetchExchange], fetchOptions: { headers: { "apollo-require-preflight": "true" } } });
    const accepted = await withHeader.query(SERVICE_TYPES, {}).toPromise();
    expect(accepted.error).toBeUndefined();
    expect(kubernetesNames(accepted.data)).toEqual(EXPECTED_TYPES);
  });

  it("still accepts JSON POSTs (Apollo Client, graphql-request)", async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: endpoint }), cache: new InMemoryCache() });
    expect(kubernetesNames((await client.query({ query: gql(SERVICE_TYPES) })).data)).toEqual(EXPECTED_TYPES);
    expect(kubernetesNames(await request(endpoint, SERVICE_TYPES))).toEqual(EXPECTED_TYPES);
  });
});

async function cacheHits(server: TestServer): Promise<number> {
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^graphql_response_cache_hits_total (\d+)/m.exec(metrics)?.[1] ?? 0);
}
