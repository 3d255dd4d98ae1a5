// Each documented limit at its default, at the boundary: the largest allowed request passes, the
// smallest refused one gets the documented status and extensions.code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function send(body: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }) {
  const response = await fetch(`${server.url}/graphql`, { method: "POST", headers, body });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text, json };
}
const query = (q: string, variables?: Record<string, unknown>) => send(JSON.stringify({ query: q, variables }));
const codes = (json: any): string[] => (json?.errors ?? []).map((e: any) => e?.extensions?.code);

const REFUSED_OPERATION = ["GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"];
function expectRefused(result: Awaited<ReturnType<typeof send>>, allowed = REFUSED_OPERATION) {
  expect(result.status, result.text.slice(0, 300)).toBe(400);
  expect(result.json, result.text.slice(0, 300)).toBeDefined();
  expect(result.json.data ?? null).toBeNull();
  expect(codes(result.json).length).toBeGreaterThan(0);
  for (const code of codes(result.json)) expect(allowed).toContain(code);
}
function expectServed(result: Awaited<ReturnType<typeof send>>) {
  expect(result.status, result.text.slice(0, 300)).toBe(200);
  expect(result.json.errors, result.text.slice(0, 300)).toBeUndefined();
}

/** `levels` nested field levels: serviceType > buildsOn > … > name. */
const deep = (levels: number) => {
  let selection = "name";
  for (let i = 0; i < levels - 2; i++) selection = `buildsOn { ${selection} }`;
  return `{ serviceType(name: LOAD_BALANCER) { ${selection} } }`;
};
// GraphQL Armor does not count aliases of __typename (its default allow-list), so alias a real field.
const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: knowledgeBase { version }`).join(" ")} }`;
// @include is not repeatable at one location: one directive on each of `count` (mergeable) fields.
const directives = (count: number) => `{ ${Array(count).fill("__typename @include(if: true)").join(" ")} }`;

describe("MAX_QUERY_DEPTH (10)", () => {
  it("serves 10 levels and refuses 11", async () => {
    expectServed(await query(deep(10)));
    expectRefused(await query(deep(11)));
  });
  it("refuses 50 levels", async () => {
    expectRefused(await query(deep(50)));
  });
});

describe("MAX_ALIASES (30)", () => {
  it("serves 30 aliases and refuses 31", async () => {
    expectServed(await query(aliases(30)));
    expectRefused(await query(aliases(31)));
  });

  it("counts __typename aliases too: each still adds a field to the answer", async () => {
    const typenames = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(" ")} }`;
    expectServed(await query(typenames(30)));
    expectRefused(await query(typenames(31)));
  });
});

describe("MAX_MANIFEST_LENGTH (1 MiB) for the manifests argument", () => {
  const service = (i: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  selector:\n    app: a${i}\n  ports:\n  - port: 80\n`;
  it("takes manifests far over MAX_STRING_LENGTH, as a variable and as a literal", async () => {
    const manifests = Array.from({ length: 60 }, (_, i) => service(i)).join("---\n");
    expect(manifests.length).toBeGreaterThan(2000);
    const asVariable = await query(`query ($m: String!) { analyzeManifests(manifests: $m) { objects { name } } }`, { m: manifests });
    expect(codes(asVariable.json)).toEqual([]);
    expect(asVariable.json.data.analyzeManifests.objects).toHaveLength(60);
    const asLiteral = await query(`{ analyzeManifests(manifests: ${JSON.stringify(manifests)}) { objects { name } } }`);
    expect(asLiteral.json.data.analyzeManifests.objects).toHaveLength(60);
  });
  it("still limits every other string, and manifests over 1 MiB", async () => {
    const manifests = service(1);
    const other = await query(`query ($m: String!, $v: String) { analyzeManifests(manifests: $m, kubernetesVersion: $v) { summary } }`, { m: manifests, v: "1".repeat(2001) });
    expect(codes(other.json)).toContain("BAD_USER_INPUT");
    const huge = await query(`query ($m: String!) { analyzeManifests(manifests: $m) { summary } }`, { m: "#".repeat(1024 * 1024 + 1) });
    expect(codes(huge.json)).toContain("BAD_USER_INPUT");
    expect(huge.json.errors[0].message).toMatch(/manifests/i);
  });
});

describe("names too long to be near any concept", () => {
  it("refuses 30 aliased compares of 2000-character names with BAD_USER_INPUT, suggesting nothing", async () => {
    const name = "x".repeat(1990) + "ingress";
    const result = await query(`query ($a: String!, $b: String!) { ${Array.from({ length: 30 }, (_, i) => `c${i}: compare(left: $a, right: $b) { summary }`).join(" ")} }`, { a: name, b: name });
    expect(codes(result.json)).toContain("BAD_USER_INPUT");
    const error = result.json.errors[0];
    expect(error.extensions.suggestions ?? []).toEqual([]);
    // The name is not echoed whole into every error.
    expect(error.message.length).toBeLessThan(300);
  });
});

describe("MAX_DIRECTIVES (20)", () => {
  it("serves 20 directives and refuses 21", async () => {
    expectServed(await query(directives(20)));
    expectRefused(await query(directives(21)));
  });
});

describe("MAX_TOKENS (3000)", () => {
  it("refuses a document of more than 3000 tokens as GRAPHQL_PARSE_FAILED", async () => {
    // 3 tokens for "{ }" plus one per field, no aliases or directives involved.
    expectRefused(await query(`{ ${"__typename ".repeat(3000)} }`), ["GRAPHQL_PARSE_FAILED"]);
  });
  it("serves a long document under the limit", async () => {
    const result = await query(`{ ${"__typename ".repeat(2000)} }`);
    expect(codes(result.json)).not.toContain("GRAPHQL_PARSE_FAILED");
  });
});

describe("MAX_COST (5000)", () => {
  it("refuses a shallow but wide, expensive query", async () => {
    const expensive = `{ concepts(first: 100) { nodes { related { concept { related { concept { facts { statement sources { url } } } } } } } } }`;
    expectRefused(await query(expensive));
  });
  it("serves the README's example queries", async () => {
    expectServed(await query(`{ concepts(first: 10, filter: { kind: SERVICE_TYPE }) { totalCount edges { cursor node { slug summary } } pageInfo { hasNextPage endCursor } } }`));
    expectServed(
      await query(`{ compare(left: "ingress", right: "gateway-api") { summary rows { dimension { name } left right leftNote rightNote } statements { statement sources { url } } } }`),
    );
  });
});

const MAX_BODY = 1536 * 1024;
describe(`MAX_BODY_BYTES (${MAX_BODY})`, () => {
  it("answers a bigger body with 413 and a JSON PAYLOAD_TOO_LARGE error", async () => {
    const body = JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(MAX_BODY) } });
    const result = await send(body);
    expect(result.status).toBe(413);
    expect(result.contentType).toMatch(/json/);
    expect(codes(result.json)).toEqual(["PAYLOAD_TOO_LARGE"]);
  });
  it(`accepts a body of exactly ${MAX_BODY} bytes`, async () => {
    const skeleton = JSON.stringify({ query: "{ __typename }", extensions: { pad: "" } });
    const body = JSON.stringify({ query: "{ __typename }", extensions: { pad: "x".repeat(MAX_BODY - skeleton.length) } });
    expect(Buffer.byteLength(body)).toBe(MAX_BODY);
    expect((await send(body)).status).not.toBe(413);
  });
});

describe("MAX_STRING_LENGTH (2000)", () => {
  it("refuses a 2001-character argument and variable with BAD_USER_INPUT", async () => {
    const long = "a".repeat(2001);
    const literal = await query(`{ concept(slug: ${JSON.stringify(long)}) { slug } }`);
    expect(literal.status).toBeLessThan(500);
    expect(codes(literal.json)).toContain("BAD_USER_INPUT");
    const variable = await query("query ($s: String!) { concept(slug: $s) { slug } }", { s: long });
    expect(variable.status).toBeLessThan(500);
    expect(codes(variable.json)).toContain("BAD_USER_INPUT");
    const nested = await query("query ($r: ServiceRequirementsInput!) { recommendServiceType(requirements: $r) { summary } }", { r: { clients: "INTERNET", loadBalancerClass: long } });
    expect(codes(nested.json)).toContain("BAD_USER_INPUT");
  });
  it("does not refuse a 2000-character string for its length", async () => {
    const result = await query("query ($s: String!) { concept(slug: $s) { slug } }", { s: "a".repeat(2000) });
    expectServed(result);
    expect(result.json.data.concept).toBeNull();
  });
});

describe("malformed requests", () => {
  it("refuses a batched request (JSON array) with 400 BAD_REQUEST", async () => {
    const result = await send(JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]));
    expect(result.status).toBe(400);
    expect(codes(result.json)).toEqual(["BAD_REQUEST"]);
  });
  it("answers invalid JSON with 400 and a JSON BAD_REQUEST error", async () => {
    const result = await send('{"query": "{ __typename }"');
    expect(result.status).toBe(400);
    expect(result.contentType).toMatch(/json/);
    expect(codes(result.json)).toEqual(["BAD_REQUEST"]);
  });
  it.each(["application/xml", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])("answers content type %s with 415 or 400 and a JSON error", async (contentType) => {
    const result = await send(JSON.stringify({ query: "{ __typename }" }), { "content-type": contentType, "apollo-require-preflight": "true" });
    expect([400, 415]).toContain(result.status);
    expect(result.contentType).toMatch(/json/);
    expect(codes(result.json).length).toBeGreaterThan(0);
  });
  it("answers an operation type the schema does not have with 400, not an internal error", async () => {
    const result = await query("mutation { anything }");
    expect(result.status).toBe(400);
    expect(codes(result.json)).not.toContain("INTERNAL_SERVER_ERROR");
  });
});
