// Guides and the new ask answers through the running server: GraphQL over HTTP and MCP over
// Streamable HTTP, against the real seeded database.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const GUIDE = `query ($slug: String!) {
  guide(slug: $slug) {
    id slug kind title summary questions steps plainSteps exampleManifest
    causes { cause checks signs fix }
    concepts { slug }
    seeAlso { slug title }
    sources { url title }
  }
}`;

describe("guides over GraphQL", () => {
  it("returns a troubleshooting guide with its causes, checks and fixes", async () => {
    const { status, body } = await server.graphql(GUIDE, { slug: "service-has-no-endpoints" });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const guide = body.data!.guide;
    expect(guide.kind).toBe("TROUBLESHOOTING");
    expect(guide.causes[0].checks).toContain("kubectl get pods -n <ns> --show-labels");
    expect(guide.plainSteps.some((s: string) => s.startsWith("Cause 1: "))).toBe(true);
    expect(guide.concepts.map((c: any) => c.slug)).toContain("service-selector");
    expect(guide.seeAlso.map((g: any) => g.slug)).toContain("service-connection-refused");
    for (const source of guide.sources) expect(source.url).toMatch(/^https:\/\/kubernetes\.io\//);
  });

  it("returns a how-to guide with steps and a manifest, and null for an unknown slug", async () => {
    const howTo = (await server.graphql(GUIDE, { slug: "redirect-http-to-https-gateway" })).body.data!.guide;
    expect(howTo.kind).toBe("HOW_TO");
    expect(howTo.causes).toEqual([]);
    expect(howTo.exampleManifest).toMatch(/RequestRedirect/);
    const missing = await server.graphql(GUIDE, { slug: "no-such-guide" });
    expect(missing.body.errors).toBeUndefined();
    expect(missing.body.data!.guide).toBeNull();
  });

  it("fetches a guide by its node ID", async () => {
    const { id } = (await server.graphql(GUIDE, { slug: "sticky-sessions" })).body.data!.guide;
    const { body } = await server.graphql(`query ($id: ID!) { node(id: $id) { id ... on Guide { slug kind } } }`, { id });
    expect(body.data!.node).toEqual({ id, slug: "sticky-sessions", kind: "HOW_TO" });
  });

  it("pages and filters guides", async () => {
    const query = `query ($first: Int, $after: String, $filter: GuideFilter) {
      guides(first: $first, after: $after, filter: $filter) { totalCount nodes { slug kind } pageInfo { hasNextPage endCursor } }
    }`;
    const first = (await server.graphql(query, { first: 10 })).body.data!.guides;
    expect(first.totalCount).toBeGreaterThanOrEqual(60);
    expect(first.nodes).toHaveLength(10);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await server.graphql(query, { first: 10, after: first.pageInfo.endCursor })).body.data!.guides;
    expect(second.nodes[0].slug > first.nodes.at(-1).slug).toBe(true);
    const troubleshooting = (await server.graphql(query, { first: 100, filter: { kind: "TROUBLESHOOTING", concept: "ingress" } })).body.data!.guides;
    expect(troubleshooting.nodes.length).toBeGreaterThan(0);
    expect(troubleshooting.nodes.every((g: any) => g.kind === "TROUBLESHOOTING")).toBe(true);
    const bad = await server.graphql(query, { first: 10, filter: { concept: "nope" } });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("searches guides while search keeps returning concepts", async () => {
    const guides = await server.graphql(`{ searchGuides(query: "ingress returns 503", first: 3) { score coverage snippet guide { slug } } }`);
    expect(guides.body.data!.searchGuides[0].guide.slug).toBe("ingress-returns-502-503");
    const concepts = await server.graphql(`{ search(query: "ingress returns 503", first: 3) { concept { slug } } }`);
    expect(concepts.body.errors).toBeUndefined();
    expect(concepts.body.data!.search.length).toBeGreaterThan(0);
  });
});

const ASK = `query ($q: String!) { ask(question: $q) { kind text steps guides { slug } sources { url } concepts { slug } followUps } }`;

describe("ask over GraphQL", () => {
  it("answers a troubleshooting question with steps from a guide", async () => {
    const answer = (await server.graphql(ASK, { q: "my service has no endpoints, what's wrong?" })).body.data!.ask;
    expect(answer.kind).toBe("TROUBLESHOOTING");
    expect(answer.guides[0].slug).toBe("service-has-no-endpoints");
    expect(answer.steps.join("\n")).toContain("kubectl get endpointslices -l kubernetes.io/service-name=");
  });

  it("answers a yes/no question with No and the options that can", async () => {
    const answer = (await server.graphql(ASK, { q: "Can I use UDP with Ingress?" })).body.data!.ask;
    expect(answer.kind).toBe("YES_NO");
    expect(answer.text).toMatch(/^No: /);
    expect(answer.text).toMatch(/UDPRoute/);
    expect(answer.steps).toEqual([]);
  });

  it("answers a how-to question with the guide's steps", async () => {
    const answer = (await server.graphql(ASK, { q: "How do I migrate from ingress-nginx?" })).body.data!.ask;
    expect(answer.kind).toBe("HOW_TO");
    expect(answer.steps.join(" ")).toMatch(/ingress2gateway/);
  });
});

describe("guides over MCP", () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ name: "guides-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  });
  afterAll(() => client.close());

  const data = (r: unknown) => (r as CallToolResult).structuredContent as Record<string, any>;
  const text = (r: unknown) => ((r as CallToolResult).content[0] as { text: string }).text;

  it("offers search_guides and get_guide with schemas", async () => {
    const { tools } = await client.listTools();
    for (const name of ["search_guides", "get_guide"]) {
      const tool = tools.find((t) => t.name === name);
      expect(tool, name).toBeDefined();
      expect(tool!.outputSchema?.type).toBe("object");
      expect(tool!.annotations?.readOnlyHint).toBe(true);
    }
  });

  it("searches guides and reads one in full", async () => {
    const found = await client.callTool({ name: "search_guides", arguments: { query: "external ip pending", first: 2 } });
    expect(found.isError).toBeFalsy();
    const slug = data(found).hits[0].slug;
    expect(slug).toBe("load-balancer-external-ip-pending");
    const guide = await client.callTool({ name: "get_guide", arguments: { slug } });
    expect(data(guide).guide.steps.join("\n")).toMatch(/minikube tunnel/);
    expect(text(guide)).toMatch(/Sources:\n1\. .+ — https:\/\//);
  });

  it("answers an unknown guide with a NOT_FOUND error result", async () => {
    const result = await client.callTool({ name: "get_guide", arguments: { slug: "nope" } });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/NOT_FOUND/);
  });

  it("returns steps and guides from ask", async () => {
    const result = await client.callTool({ name: "ask", arguments: { question: "Why is my LoadBalancer stuck at EXTERNAL-IP pending?" } });
    expect(data(result).kind).toBe("TROUBLESHOOTING");
    expect(data(result).steps.length).toBeGreaterThan(2);
    expect(data(result).guides[0].slug).toBe("load-balancer-external-ip-pending");
    expect(text(result)).toMatch(/Steps:\n1\. /);
  });
});
