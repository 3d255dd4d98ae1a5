// What a new user meets first: `curl http://localhost:4000/` and a typo in a concept's slug.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

interface ServiceIndex {
  name: string;
  knowledgeVersion: string;
  endpoints: Record<string, { path: string; methods?: string[]; description: string }>;
}

describe("GET / for clients that do not ask for HTML", () => {
  it.each([
    ["curl (Accept: */*)", { accept: "*/*" }],
    ["no Accept header", {}],
    ["a JSON client", { accept: "application/json" }],
  ])("%s gets JSON naming every endpoint", async (_name, headers: Record<string, string>) => {
    const response = await fetch(`${server.url}/`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("vary")).toMatch(/Accept/i);
    const index = (await response.json()) as ServiceIndex;
    expect(index.knowledgeVersion).toBe(server.knowledge.version);
    expect(Object.keys(index.endpoints).sort()).toEqual(["export", "graphql", "health", "mcp", "metrics", "playground", "readiness"]);
    for (const [name, endpoint] of Object.entries(index.endpoints)) {
      expect(endpoint.path, name).toMatch(/^\//);
      expect(endpoint.description.length, name).toBeGreaterThan(10);
    }
  });

  it("names paths that answer", async () => {
    const index = (await (await fetch(`${server.url}/`)).json()) as ServiceIndex;
    const { graphql, mcp, playground, ...plain } = index.endpoints;
    for (const [name, endpoint] of Object.entries(plain)) {
      expect({ name, status: (await fetch(server.url + endpoint.path)).status }).toEqual({ name, status: 200 });
    }
    const query = await fetch(`${server.url}${graphql!.path}?query=${encodeURIComponent("{ __typename }")}`);
    expect(await query.json()).toEqual({ data: { __typename: "Query" } });
    const page = await fetch(server.url + playground!.path, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const initialize = await fetch(server.url + mcp!.path, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "first-hour", version: "1" } } }),
    });
    expect(initialize.status).toBe(200);
    expect(await initialize.text()).toContain("k8s-networking-knowledge");
  });

  it("still gives browsers the playground", async () => {
    const response = await fetch(`${server.url}/`, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("vary")).toMatch(/Accept/i);
  });
});

describe("conceptSuggestions: the nearest names for a slug that concept() does not know", () => {
  const SUGGEST = `query ($name: String!, $first: Int) { concept(slug: $name) { slug } conceptSuggestions(name: $name, first: $first) { slug name } }`;

  it("offers gateway-api for gatewy-api, while concept() stays null", async () => {
    const { body } = await server.graphql(SUGGEST, { name: "gatewy-api" });
    expect(body.errors).toBeUndefined();
    expect(body.data!.concept).toBeNull();
    expect(body.data!.conceptSuggestions[0]).toEqual({ slug: "gateway-api", name: "Gateway API" });
    expect(body.data!.conceptSuggestions.length).toBeLessThanOrEqual(3);
  });

  it("suggests the same names compare puts in its error", async () => {
    const compare = await server.graphql(`{ compare(left: "ingress", right: "loadbalanser") { summary } }`);
    const suggested = compare.body.errors![0]!.extensions!.suggestions as string[];
    expect(suggested.length).toBeGreaterThan(0);
    const { body } = await server.graphql(SUGGEST, { name: "loadbalanser" });
    expect(body.data!.conceptSuggestions.map((c: { slug: string }) => c.slug)).toEqual(suggested);
  });

  it("puts an exact name or alias first", async () => {
    const { body } = await server.graphql(SUGGEST, { name: "LB", first: 5 });
    expect(body.data!.concept).toEqual({ slug: "load-balancer" });
    expect(body.data!.conceptSuggestions[0].slug).toBe("load-balancer");
    expect(new Set(body.data!.conceptSuggestions.map((c: { slug: string }) => c.slug)).size).toBe(body.data!.conceptSuggestions.length);
  });

  it("answers an empty list for nothing close, first: 0, or a name too long to compare", async () => {
    for (const variables of [{ name: "qqqqqqqqqqqqqqqqqqqq" }, { name: "gatewy-api", first: 0 }, { name: "gatewayapi".repeat(25) }]) {
      const { body } = await server.graphql(SUGGEST, variables);
      expect({ variables, errors: body.errors, suggestions: body.data?.conceptSuggestions }).toEqual({ variables, errors: undefined, suggestions: [] });
    }
  });

  it("refuses first outside 0..10 with BAD_USER_INPUT on first", async () => {
    for (const first of [-1, 11]) {
      const { body } = await server.graphql(SUGGEST, { name: "svc", first });
      expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    }
  });
});
