// analyzeManifests through the real HTTP server (GraphQL) and the MCP tool analyze_manifests over
// Streamable HTTP, against the real seeded database.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;

// Default settings: the manifests argument has its own limit (MAX_MANIFEST_LENGTH, 1 MiB).
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const QUERY = `query Analyze($manifests: String!, $k: String, $g: String) {
  analyzeManifests(manifests: $manifests, kubernetesVersion: $k, gatewayApiVersion: $g) {
    summary kubernetesVersion gatewayApiVersion
    objects { documentIndex apiVersion kind name namespace explanation concepts { slug } findings { rule severity } }
    findings { category severity rule message documentIndex path fix sources { url title } }
  }
}`;

const BUNDLE = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx, ports: [{ name: http, containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  type: NodePort
  selector: { app: wbe }
  ports: [{ port: 80, targetPort: http }]
---
apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata: { name: web, namespace: shop }
spec:
  backend: { serviceName: web, servicePort: 80 }
`;

describe("analyzeManifests over GraphQL", () => {
  it("answers objects, findings (errors first) with fixes and sources, and a summary", async () => {
    const { status, body } = await server.graphql(QUERY, { manifests: BUNDLE });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const a = body.data!.analyzeManifests;
    expect(a.kubernetesVersion).toMatch(/^1\.\d+$/);
    expect(a.gatewayApiVersion).toBe("1.6.1");
    expect(a.objects.map((o: any) => [o.documentIndex, o.kind, o.name])).toEqual([
      [0, "Deployment", "web"],
      [1, "Service", "web"],
      [2, "Ingress", "web"],
    ]);
    const byRule = Object.fromEntries(a.findings.map((f: any) => [f.rule, f]));
    expect(byRule["service-selector-no-pods"]).toMatchObject({ category: "SELECTOR_MATCHES_NOTHING", severity: "ERROR", documentIndex: 1, path: "spec.selector" });
    expect(byRule["removed-api-version"]).toMatchObject({ category: "UNSUPPORTED_API", severity: "ERROR", documentIndex: 2 });
    expect(byRule["exposed-node-port"]).toMatchObject({ category: "EXPOSED_TO_OUTSIDE", severity: "WARNING" });
    expect(a.findings[0].severity).toBe("ERROR");
    expect(a.findings.at(-1).severity).not.toBe("ERROR");
    for (const f of a.findings) {
      expect(f.sources.length).toBeGreaterThan(0);
      expect(f.sources[0].url).toMatch(/^https:\/\//);
    }
    const svc = a.objects[1];
    expect(svc.concepts.map((c: any) => c.slug)).toContain("node-port");
    expect(svc.findings.map((f: any) => f.rule)).toContain("service-selector-no-pods");
    expect(svc.explanation).toMatch(/node ports/);
    expect(a.summary).toMatch(/3 object\(s\)/);
  });

  it("reports invalid YAML as a finding with line and column, not as an error", async () => {
    const { body } = await server.graphql(QUERY, { manifests: "apiVersion: v1\nkind: Service\nmetadata: { name: web\n" });
    expect(body.errors).toBeUndefined();
    const f = body.data!.analyzeManifests.findings[0];
    expect(f).toMatchObject({ category: "INVALID_YAML", severity: "ERROR", documentIndex: 0 });
    expect(f.message).toMatch(/line \d+, column \d+/);
  });

  it("checks against the requested versions", async () => {
    const { body } = await server.graphql(QUERY, { manifests: BUNDLE, k: "v1.21" });
    const a = body.data!.analyzeManifests;
    expect(a.kubernetesVersion).toBe("1.21");
    const rules = a.findings.map((f: any) => f.rule);
    expect(rules).not.toContain("removed-api-version");
    expect(rules).toContain("deprecated-api-version");
  });

  it("refuses an alias bomb and a malformed version with BAD_USER_INPUT", async () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++) lines.push(`${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(9).fill(`*${"abcdefghij"[i - 1]}`).join(", ")}]`);
    const bomb = `kind: ConfigMap\napiVersion: v1\nmetadata: { name: x }\ndata:\n${lines.map((l) => `  ${l}`).join("\n")}\n`;
    const r1 = await server.graphql(QUERY, { manifests: bomb });
    expect(r1.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const r2 = await server.graphql(QUERY, { manifests: BUNDLE, g: "latest" });
    expect(r2.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r2.body.errors?.[0]?.extensions?.field).toBe("gatewayApiVersion");
  });
});

describe("analyze_manifests over MCP", () => {
  it("answers text with numbered sources and the same data as structuredContent", async () => {
    const client = new Client({ name: "analysis-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("analyze_manifests");
    const result = (await client.callTool({ name: "analyze_manifests", arguments: { manifests: BUNDLE } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const text = (result.content[0] as { text: string }).text;
    expect(text).toMatch(/ERROR SELECTOR_MATCHES_NOTHING \(service-selector-no-pods\) in document 1/);
    expect(text).toMatch(/Sources:\n1\. .+ — https:\/\//);
    const data = result.structuredContent as any;
    expect(data.findings[0].severity).toBe("ERROR");
    expect(data.objects[1].concepts).toContain("node-port");

    const bad = (await client.callTool({ name: "analyze_manifests", arguments: { manifests: BUNDLE, kubernetesVersion: "one" } })) as CallToolResult;
    expect(bad.isError).toBe(true);
    expect((bad.content[0] as { text: string }).text).toMatch(/^Error BAD_USER_INPUT \(field: kubernetesVersion\)/);
    await client.close();
  });
});
