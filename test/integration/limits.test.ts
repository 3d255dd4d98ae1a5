// Limits and failure answers: every refusal is a 4xx with a GraphQL error code, never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const post = (body: string, contentType = "application/json") =>
  fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": contentType }, body });

const nested = (depth: number) => `{ concept(slug: "svc") { ${"related { concept { ".repeat(depth)} slug ${"} } ".repeat(depth)} } }`;

describe("query limits", () => {
  it("allows one Relay hop and related-concept nesting within the default depth", async () => {
    const { status, body } = await server.graphql(`{ concepts(first: 2) { edges { node { related { concept { related { concept { slug } } } } } } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it.each([
    ["too deep", nested(12)],
    ["too many aliases", `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: dimensions { slug }`).join(" ")} }`],
    ["too many directives", `{ dimensions { slug ${"@include(if: true) ".repeat(30)} } }`],
    ["too costly", `{ concepts(first: 100) { nodes { related { concept { related { concept { capabilities { sources { url } } facts { sources { url } } } } } } } } }`],
  ])("refuses a query that is %s with 400 and a code", async (_, query) => {
    const { status, body } = await server.graphql(query);
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
  });

  it("refuses too many tokens as a parse failure, not a 500", async () => {
    const { status, body } = await server.graphql(`{ dimensions { ${"slug ".repeat(4000)} } }`);
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("refuses an over-long string argument or variable with BAD_USER_INPUT", async () => {
    const literal = await server.graphql(`{ concept(slug: "${"x".repeat(2001)}") { slug } }`);
    expect(literal.body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const variable = await server.graphql(`query ($s: String!) { concept(slug: $s) { slug } }`, { s: "y".repeat(2001) });
    expect(variable.status).toBe(400);
    expect(variable.body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});

describe("bad requests", () => {
  it.each([
    ["invalid JSON", () => post("{ not json"), 400, "BAD_REQUEST"],
    ["a body over the limit", () => post(JSON.stringify({ query: `{ dimensions { slug } }`, padding: "x".repeat(1536 * 1024) })), 413, "PAYLOAD_TOO_LARGE"],
    ["a batched request", () => post(JSON.stringify([{ query: "{ dimensions { slug } }" }, { query: "{ dimensions { slug } }" }])), 400, "BAD_REQUEST"],
  ])("answers %s with a JSON error and a code", async (_, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe(code);
  });

  it("answers a wrong content type with a 4xx", async () => {
    const response = await post("query=%7B%20dimensions%20%7B%20slug%20%7D%20%7D", "application/x-www-form-urlencoded");
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe("metrics", () => {
  it("exposes operations by outcome, latency, errors by code and the knowledge version", async () => {
    await server.graphql(`query Probe { dimensions { slug } }`);
    await server.graphql(`query Broken { compare(left: "nope", right: "svc") { summary } }`);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/graphql_requests_total\{operation="Probe",outcome="success"\} [1-9]/);
    expect(text).toMatch(/graphql_requests_total\{operation="Broken",outcome="error"\} [1-9]/);
    expect(text).toMatch(/graphql_request_duration_seconds_bucket\{le="[\d.]+",operation="Probe"\}/);
    expect(text).toMatch(/graphql_errors_total\{code="BAD_USER_INPUT"\} [1-9]/);
    expect(text).toContain(`knowledge_base_info{version="${server.knowledge.version}"} 1`);
  });
});

describe("operations this read-only API does not have", () => {
  it.each(["mutation { x }", "subscription { x }"])("refuses %s at validation with a code", async (query) => {
    const { status, body } = await server.graphql(query);
    expect(status).toBe(400);
    expect(body.errors!.map((e) => e.extensions!.code)).toContain("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors!.map((e) => e.extensions!.code)).not.toContain("INTERNAL_SERVER_ERROR");
  });

  it("answers deeply nested variables with a coded error, not a crash", async () => {
    const levels = 20_000;
    const nested = `${"[".repeat(levels)}"x"${"]".repeat(levels)}`;
    const response = await post(`{"query":"query ($v: [String!]) { recommendServiceType(requirements: { clients: INTERNET, allowedSourceRanges: $v }) { summary } }","variables":{"v":${nested}}}`);
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.[0]?.extensions.code).toMatch(/^(BAD_USER_INPUT|BAD_REQUEST|PAYLOAD_TOO_LARGE)$/);
  });

  it("gives GraphQL, not the playground page, to a client that accepts anything", async () => {
    const response = await fetch(`${server.url}/graphql?foo=bar`, { headers: { accept: "*/*", "apollo-require-preflight": "1" } });
    expect(response.headers.get("content-type")).toMatch(/json/);
  });
});
