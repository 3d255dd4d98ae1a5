// The MCP server over stdio, driven by the SDK's own client exactly as a chatbot host starts it:
// a subprocess running src/mcp/stdio.ts against a copy of the seeded database.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIELD_DESCRIPTIONS } from "../../src/mcp/requirementsSchema.js";
import { OFFICIAL, copyTemplateDatabase, structured, textOf, type DatabaseCopy } from "./helpers.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const TOOLS = ["search_concepts", "get_concept", "compare", "recommend_service_type", "recommend_from_question", "ask", "search_guides", "get_guide", "analyze_manifests", "migrate_ingress"];

let database: DatabaseCopy;
let client: Client;
let stderr = "";

beforeAll(async () => {
  database = copyTemplateDatabase();
  const transport = new StdioClientTransport({
    command: "node",
    args: ["--import", "tsx", "src/mcp/stdio.ts"],
    cwd: ROOT,
    env: { ...getDefaultEnvironment(), DATABASE_URL: database.url, LOG_LEVEL: "info" },
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  client = new Client({ name: "stdio-test", version: "1.0.0" });
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
  database?.remove();
});

describe("MCP over stdio", () => {
  it("introduces itself and logs to stderr only", () => {
    expect(client.getServerVersion()?.name).toBe("k8s-networking-knowledge");
    expect(client.getInstructions()).toMatch(/ask/);
    // Had anything but MCP messages reached stdout, the client could not have connected.
    expect(stderr).toMatch(/MCP server ready on stdio/);
  });

  it("lists the ten tools, each described, with input and output schemas", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
    for (const tool of tools) {
      expect(tool.description?.length, tool.name).toBeGreaterThan(50);
      expect(tool.inputSchema.type).toBe("object");
      expect(Object.keys(tool.inputSchema.properties ?? {}).length, tool.name).toBeGreaterThan(0);
      for (const [name, property] of Object.entries(tool.inputSchema.properties ?? {})) {
        expect((property as { description?: string }).description, `${tool.name}.${name}`).toBeTruthy();
      }
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
  });

  it("publishes recommend_service_type's requirements with enums and descriptions", async () => {
    const { tools } = await client.listTools();
    const schema = tools.find((t) => t.name === "recommend_service_type")!.inputSchema;
    const properties = schema.properties as Record<string, any>;
    expect(schema.required).toEqual(["clients"]);
    expect(properties.clients.enum).toEqual(["IN_CLUSTER", "PRIVATE_NETWORK", "INTERNET", "LOCAL_DEVELOPER"]);
    expect(properties.clients.description).toMatch(/^Who connects to the workload\. Required\. Values: IN_CLUSTER: Pods inside the same cluster\./);
    expect(properties.protocols.items.enum).toContain("UDP");
    expect(properties.routing.items.enum).toContain("WEIGHTED_SPLIT");
    expect(properties.exposedServices.type).toBe("integer");
    expect(properties.preserveClientIp.type).toBe("boolean");
    expect(Object.keys(properties).sort()).toEqual(Object.keys(FIELD_DESCRIPTIONS).sort());
  });

  it("search_concepts: ranked hits with snippets and sources", async () => {
    const result = await client.callTool({ name: "search_concepts", arguments: { query: "why is my LoadBalancer EXTERNAL-IP pending", first: 3 } });
    expect(result.isError).toBeFalsy();
    const data = structured(result);
    expect(data.hits).toHaveLength(3);
    expect(data.hits.map((h: any) => h.slug)).toContain("metallb");
    expect(textOf(result)).toMatch(/^3 result\(s\) for "why is my LoadBalancer EXTERNAL-IP pending":\n1\. /);
    expect(textOf(result)).toMatch(/Source: .+ — https:\/\//);
  });

  it("get_concept: by alias, with lifecycle at a version and citations", async () => {
    const result = await client.callTool({ name: "get_concept", arguments: { slug: "trafficDistribution", kubernetesVersion: "1.31" } });
    const concept = structured(result).concept;
    expect(concept.slug).toBe("traffic-distribution");
    expect(concept.lifecycle.statusAt).toBe("BETA");
    expect(concept.sources.length).toBeGreaterThan(0);
    for (const s of concept.sources) expect(s.url).toMatch(OFFICIAL);
    const text = textOf(result);
    expect(text).toContain(concept.summary);
    expect(text).toMatch(/at 1\.31: BETA/);
    expect(text).toMatch(/Sources:\n1\. .+ — https:\/\//);
  });

  it("get_concept: an unknown name is NOT_FOUND with suggestions, not a thrown error", async () => {
    const result = await client.callTool({ name: "get_concept", arguments: { slug: "LoadBalancr" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Error NOT_FOUND \(field: slug\): No concept is called "LoadBalancr"/);
    expect(textOf(result)).toMatch(/Suggestions: .*load-balancer/);
  });

  it("compare: summary, rows and statements, cited", async () => {
    const result = await client.callTool({ name: "compare", arguments: { left: "ingress", right: "gateway-api" } });
    const data = structured(result);
    expect(data.left.slug).toBe("ingress");
    expect(data.right.slug).toBe("gateway-api");
    expect(data.rows.length).toBeGreaterThan(0);
    expect(data.statements.length).toBeGreaterThan(0);
    expect(textOf(result)).toContain(data.summary);
    expect(textOf(result)).toMatch(/Sources:\n1\. /);
  });

  it("compare: an unknown concept is BAD_USER_INPUT naming the field", async () => {
    const result = await client.callTool({ name: "compare", arguments: { left: "ingress", right: "gatewy-apii" } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(textOf(result)).toMatch(/^Error BAD_USER_INPUT \(field: right\): No concept is called "gatewy-apii"\. Did you mean "gateway-api"/);
  });

  it("recommend_service_type: the structured input, as GraphQL takes it", async () => {
    const result = await client.callTool({
      name: "recommend_service_type",
      arguments: { clients: "INTERNET", protocols: ["HTTPS"], exposedServices: 12, routing: ["HOST", "PATH"], tls: "TERMINATE_AT_EDGE", name: "shop", namespace: "web" },
    });
    expect(result.isError).toBeFalsy();
    const { recommendation } = structured(result);
    expect(recommendation.best.option).toMatch(/^(GATEWAY_HTTP_ROUTE|INGRESS)$/);
    expect(recommendation.best.manifest).toContain("name: shop");
    expect(textOf(result)).toContain(recommendation.summary);
    expect(textOf(result)).toMatch(/Sources:\n1\. .+ — https:\/\//);
  });

  it("recommend_service_type: invalid input is BAD_USER_INPUT on the requirements field", async () => {
    const result = await client.callTool({ name: "recommend_service_type", arguments: { clients: "INTERNET", allowedSourceRanges: ["not-a-cidr"] } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Error BAD_USER_INPUT \(field: requirements\.allowedSourceRanges\): "not-a-cidr" is not a CIDR/);
  });

  it("recommend_service_type: a value outside the enum is refused by the input schema", async () => {
    const result = await client.callTool({ name: "recommend_service_type", arguments: { clients: "EVERYONE" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/clients/);
  });

  it("recommend_from_question: requirements understood, assumptions and recommendation", async () => {
    const result = await client.callTool({ name: "recommend_from_question", arguments: { question: "bare metal, no load balancer, UDP game server" } });
    const data = structured(result);
    expect(data.requirements.environment).toBe("BARE_METAL");
    expect(data.requirements.protocols).toContain("UDP");
    expect(Array.isArray(data.assumptions)).toBe(true);
    expect(data.recommendation.best.option).not.toBe("LOAD_BALANCER");
    expect(textOf(result)).toContain(data.recommendation.summary);
  });

  it("ask: a short cited answer with follow-ups", async () => {
    const result = await client.callTool({ name: "ask", arguments: { question: "Ingress vs Gateway API" } });
    const data = structured(result);
    expect(data.kind).toBe("COMPARISON");
    expect(data.concepts.map((c: any) => c.slug)).toEqual(["ingress", "gateway-api"]);
    expect(data.recommendation).toBeNull();
    expect(data.sources.length).toBeGreaterThan(0);
    const text = textOf(result);
    expect(text.startsWith(data.text)).toBe(true);
    expect(text).toMatch(/Sources:\n1\. .+ — https:\/\//);
    expect(text).toMatch(/You could also ask:\n- /);
  });

  it("ask: what-to-use questions carry the recommendation", async () => {
    const result = await client.callTool({ name: "ask", arguments: { question: "Which Service type should I use for a UDP game server on bare metal?" } });
    const data = structured(result);
    expect(data.kind).toBe("RECOMMENDATION");
    expect(data.recommendation.recommendation.best.option).toBeTruthy();
  });

  it("ask: an empty question is BAD_USER_INPUT on field question", async () => {
    const result = await client.callTool({ name: "ask", arguments: { question: "   " } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Error BAD_USER_INPUT \(field: question\): question must not be empty\./);
  });
});

describe("the stdio command the README gives MCP clients", () => {
  /** Every `mcpServers` entry in the README's "Over stdio" part, with the clone's path filled in. */
  function readmeCommands(): { command: string; args: string[] }[] {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const part = readme.slice(readme.indexOf("**Over stdio**"), readme.indexOf("**Over Streamable HTTP**"));
    return [...part.matchAll(/```json\n([\s\S]*?)```/g)].map((block) => {
      const server = Object.values((JSON.parse(block[1]!) as { mcpServers: Record<string, { command: string; args?: string[] }> }).mcpServers)[0]!;
      return { command: server.command, args: (server.args ?? []).map((arg) => arg.replaceAll("/path/to/repo", ROOT)) };
    });
  }

  /** Starts the command in another directory, sends `initialize` and returns the first stdout bytes. */
  function firstStdoutBytes(command: string, args: string[], databaseUrl: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd: tmpdir(), env: { ...getDefaultEnvironment(), DATABASE_URL: databaseUrl }, stdio: ["pipe", "pipe", "pipe"] });
      let out = "";
      let err = "";
      const timer = setTimeout(() => finish(new Error(`no complete line on stdout within 30 s; stderr: ${err}`)), 30_000);
      const finish = (error: Error | null) => {
        clearTimeout(timer);
        child.kill();
        if (error) reject(error);
        else resolve(out);
      };
      child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("\n")) finish(null);
      });
      child.once("error", finish);
      child.once("exit", (code) => finish(new Error(`exited with ${code} before answering; stderr: ${err}`)));
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "readme", version: "1" } } })}\n`);
    });
  }

  it("is node with the built file, and its stdout starts with the JSON-RPC answer", { timeout: 60_000 }, async () => {
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThan(0);
    const copy = copyTemplateDatabase();
    try {
      for (const { command, args } of commands) {
        expect(command).not.toBe("npm");
        const out = await firstStdoutBytes(command, args, copy.url);
        // The very first byte opens a JSON object: no banner, no log line before it.
        expect(out[0]).toBe("{");
        const message = JSON.parse(out.slice(0, out.indexOf("\n"))) as { jsonrpc: string; id: number; result?: { serverInfo?: { name?: string } } };
        expect(message).toMatchObject({ jsonrpc: "2.0", id: 1, result: { serverInfo: { name: "k8s-networking-knowledge" } } });
      }
    } finally {
      copy.remove();
    }
  });

  it("is what the package's bin entry names, with a shebang", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
    const file = pkg.bin["k8s-networking-mcp"]!;
    expect(readmeCommands().some(({ args }) => args[0] === path.join(ROOT, file))).toBe(true);
    expect(readFileSync(path.join(ROOT, file), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
