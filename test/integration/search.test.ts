// Search and version questions through the running server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const SEARCH = `query ($q: String!, $first: Int, $v: String) {
  search(query: $q, first: $first, kubernetesVersion: $v) { concept { slug name } score snippet matchedFields } }`;

describe("search", () => {
  it("answers a question in a user's words with ranked, marked hits", async () => {
    const { status, body } = await server.graphql(SEARCH, { q: "how do I keep the client IP", first: 5 });
    expect(status).toBe(200);
    const hits = body.data!.search;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(5);
    expect(hits.slice(0, 3).map((h: any) => h.concept.slug)).toContain("external-traffic-policy");
    expect(hits[0].snippet).toMatch(/\*\*[^*]+\*\*/);
    expect(hits[0].matchedFields.length).toBeGreaterThan(0);
    const scores = hits.map((h: any) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("tolerates a typo", async () => {
    const { body } = await server.graphql(SEARCH, { q: "loadbalncer", first: 3 });
    expect(body.data!.search[0].concept.slug).toBe("load-balancer");
  });

  it("leaves out what the given Kubernetes version does not have", async () => {
    const slugs = async (v?: string) =>
      (await server.graphql(SEARCH, { q: "trafficDistribution prefer same zone", first: 20, v })).body.data!.search.map((h: any) => h.concept.slug);
    expect(await slugs()).toContain("traffic-distribution");
    expect(await slugs("1.29")).not.toContain("traffic-distribution");
  });

  it.each([
    [{ q: "" }, "query"],
    [{ q: "?!... ---" }, "query"],
    [{ q: "service ".repeat(70) }, "query"],
    [{ q: "service", first: 0 }, "first"],
    [{ q: "service", v: "banana" }, "kubernetesVersion"],
  ])("rejects %j with BAD_USER_INPUT", async (variables, field) => {
    const { status, body } = await server.graphql(SEARCH, variables);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});
