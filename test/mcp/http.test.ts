// The MCP server over Streamable HTTP (stateless) at /mcp of the real server, driven by the
// SDK's own client.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { structured, textOf } from "./helpers.js";

let server: TestServer;
let url: URL;

beforeAll(async () => {
  server = await startTestServer();
  url = new URL(`${server.url}/mcp`);
});

afterAll(() => server.stop());

async function connect(): Promise<Client> {
  const client = new Client({ name: "http-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(url));
  return client;
}

describe("MCP over Streamable HTTP", () => {
  it("lists the ten tools", async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["analyze_manifests", "ask", "compare", "get_concept", "get_guide", "migrate_ingress", "recommend_from_question", "recommend_service_type", "search_concepts", "search_guides"]);
    await client.close();
  });

  it("answers ask with text and structured content", async () => {
    const client = await connect();
    const result = await client.callTool({ name: "ask", arguments: { question: "What is a headless Service?" } });
    expect(result.isError).toBeFalsy();
    const data = structured(result);
    expect(data.kind).toBe("DEFINITION");
    expect(data.concepts[0].slug).toBe("headless-service");
    expect(textOf(result)).toMatch(/Sources:\n1\. .+ — https:\/\//);
    await client.close();
  });

  it("serves several clients at once, each request with its own server", async () => {
    const clients = await Promise.all([connect(), connect(), connect()]);
    const results = await Promise.all(
      clients.map((c, i) => c.callTool({ name: "compare", arguments: { left: ["ClusterIP", "NodePort", "Ingress"][i]!, right: "LoadBalancer" } })),
    );
    expect(results.map((r) => structured(r).left.slug)).toEqual(["cluster-ip", "node-port", "ingress"]);
    await Promise.all(clients.map((c) => c.close()));
  });

  it("answers recommend_service_type and reports bad input as a tool error", async () => {
    const client = await connect();
    const good = await client.callTool({ name: "recommend_service_type", arguments: { clients: "IN_CLUSTER", protocols: ["GRPC"] } });
    expect(structured(good).recommendation.best.option).toBeTruthy();
    const bad = await client.callTool({ name: "recommend_service_type", arguments: { clients: "INTERNET", servicePort: 70000 } });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/^Error BAD_USER_INPUT \(field: requirements\.servicePort\)/);
    await client.close();
  });

  it("refuses GET and DELETE with 405, as a stateless endpoint", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(url, { method, headers: { accept: "text/event-stream" } });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect(((await response.json()) as { error: { code: number } }).error.code).toBe(-32000);
    }
  });
});
