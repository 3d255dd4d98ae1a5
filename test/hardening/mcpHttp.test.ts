// /mcp as an attacker would reach it: through a name it controls (DNS rebinding), with a body that
// is not JSON, and with inputs sized to make the server work hard.
import http from "node:http";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { textOf } from "../mcp/helpers.js";

let server: TestServer;
let port: number;

beforeAll(async () => {
  server = await startTestServer();
  port = Number(new URL(server.url).port);
});

afterAll(() => server.stop());

const LIST_TOOLS = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} });

/** A raw POST, so the Host header can be set (fetch does not allow it). */
function post(headers: Record<string, string>, body: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: "/mcp", method: "POST", agent: false, headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers } },
      (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          // Streamable HTTP may answer as an event stream: the JSON is on the data line.
          const data = text.startsWith("{") ? text : (/^data: (.*)$/m.exec(text)?.[1] ?? "null");
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("DNS-rebinding protection on /mcp", () => {
  it("refuses a Host that is not an allowed name", async () => {
    const response = await post({ host: `evil.example:${port}`, origin: "http://evil.example" }, LIST_TOOLS);
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe(-32000);
    expect(response.json.result).toBeUndefined();
  });

  it("refuses a browser Origin on another host even when Host is loopback", async () => {
    const response = await post({ host: `localhost:${port}`, origin: "http://evil.example" }, LIST_TOOLS);
    expect(response.status).toBe(403);
    expect(response.json.error.message).toMatch(/Origin/);
  });

  it("serves loopback names, with or without a loopback Origin", async () => {
    const cases: Record<string, string>[] = [{ host: `localhost:${port}` }, { host: `127.0.0.1:${port}`, origin: `http://localhost:${port}` }, { host: `[::1]:${port}` }];
    for (const headers of cases) {
      const response = await post(headers, LIST_TOOLS);
      expect(response.status, JSON.stringify(headers)).toBe(200);
      expect(response.json.result.tools.length).toBeGreaterThan(0);
    }
  });

  it("serves the names an operator allows", async () => {
    const allowing = await startTestServer({ MCP_ALLOWED_HOSTS: "knowledge.tools.svc.cluster.local" });
    try {
      const allowedPort = Number(new URL(allowing.url).port);
      const ask = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = http.request(
            { host: "127.0.0.1", port: allowedPort, path: "/mcp", method: "POST", agent: false, headers: { host, "content-type": "application/json", accept: "application/json, text/event-stream" } },
            (res) => {
              res.resume();
              res.on("end", () => resolve(res.statusCode ?? 0));
            },
          );
          req.on("error", reject);
          req.end(LIST_TOOLS);
        });
      expect(await ask(`knowledge.tools.svc.cluster.local:${allowedPort}`)).toBe(200);
      expect(await ask(`localhost:${allowedPort}`)).toBe(403);
    } finally {
      await allowing.stop();
    }
  });
});

describe("malformed and oversized MCP input", () => {
  it("answers a body that is not JSON with JSON-RPC's parse error", async () => {
    const response = await post({ host: `localhost:${port}` }, "{ this is not json");
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ jsonrpc: "2.0", error: { code: -32700 }, id: null });
  });

  it("refuses a 90 KB slug before looking for names near it, without echoing it", async () => {
    const client = new Client({ name: "hardening", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url.replace("127.0.0.1", "localhost")}/mcp`)));
    try {
      const result = await client.callTool({ name: "get_concept", arguments: { slug: "gatewayapi".repeat(9000) } });
      expect(result.isError).toBe(true);
      expect(textOf(result).length).toBeLessThan(2000);
      expect(textOf(result)).toMatch(/200/);
    } finally {
      await client.close();
    }
  });
});
