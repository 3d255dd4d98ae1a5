// Clarifying questions through the running server: GraphQL recommendFromQuestion and ask, and the
// MCP tool recommend_from_question over Streamable HTTP.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { structured, textOf } from "../mcp/helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const QUESTION = `query ($q: String!) { recommendFromQuestion(question: $q) {
  requirements { clients environment loadBalancer noNodePorts assumptions }
  recommendation { best { option } }
  clarifyingQuestions { id question field reason options { value answer sets { field value } recommendedOption recommendedLabel assumed } }
} }`;

describe("recommendFromQuestion over GraphQL", () => {
  it("reads a situation with a negation and asks whether a load balancer exists", async () => {
    const { status, body } = await server.graphql(QUESTION, { q: "VMs next to the cluster must reach it; node ports are not allowed here" });
    expect(status).toBe(200);
    const answer = body.data!.recommendFromQuestion;
    expect(answer.requirements).toMatchObject({ clients: "PRIVATE_NETWORK", noNodePorts: true });
    const lb = answer.clarifyingQuestions.find((q: { field: string }) => q.field === "loadBalancer");
    expect(lb).toMatchObject({ id: "load-balancer-exists", reason: "UNKNOWN" });
    expect(lb.options.map((o: { value: string }) => o.value)).toContain("NONE");
    expect(lb.options.filter((o: { assumed: boolean }) => o.assumed).map((o: { recommendedOption: string }) => o.recommendedOption)).toEqual([answer.recommendation.best.option]);
    expect(new Set(lb.options.map((o: { recommendedOption: string }) => o.recommendedOption)).size).toBeGreaterThan(1);
  });

  it("gives a confident answer with no questions when nothing that matters is open", async () => {
    const { body } = await server.graphql(QUESTION, { q: "bare metal, no load balancer, UDP game server" });
    expect(body.data!.recommendFromQuestion.clarifyingQuestions).toEqual([]);
    expect(body.data!.recommendFromQuestion.recommendation.best.option).toBe("NODE_PORT");
  });

  it("ask carries the same questions for a what-should-I-use question", async () => {
    const { body } = await server.graphql(`query ($q: String!) { ask(question: $q) { kind recommendation { clarifyingQuestions { field } } } }`, {
      q: "which service type should I use so that partners can connect from their own networks?",
    });
    const answer = body.data!.ask;
    expect(answer.kind).toBe("RECOMMENDATION");
    expect(answer.recommendation.clarifyingQuestions.map((q: { field: string }) => q.field)).toContain("loadBalancer");
  });
});

describe("recommend_from_question over MCP", () => {
  it("returns the clarifying questions as structured content and says them in the text", async () => {
    const client = new Client({ name: "interpret-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
    const result = await client.callTool({ name: "recommend_from_question", arguments: { question: "this service must never be reachable from the internet" } });
    expect(result.isError).toBeFalsy();
    const data = structured(result);
    const who = data.clarifyingQuestions.find((q: { field: string }) => q.field === "clients");
    expect(who.options.map((o: { value: string }) => o.value)).not.toContain("INTERNET");
    expect(textOf(result)).toContain(`To be sure, ask: ${who.question}`);
    await client.close();
  });
});
