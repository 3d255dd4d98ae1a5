// migrateIngress through the running server (GraphQL over HTTP) and migrate_ingress through /mcp.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { structured, textOf } from "../mcp/helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const MIGRATE = `query ($m: String!, $o: IngressMigrationOptions) { migrateIngress(manifests: $m, options: $o) {
  manifests summary warnings
  annotations { ingress annotation value outcome gatewayField note sources { url title checked } } } }`;

// A typical ingress-nginx Ingress: TLS, a rewrite of the /api prefix, CORS and an allow list.
const SHOP = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: web
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /$2
    nginx.ingress.kubernetes.io/enable-cors: "true"
    nginx.ingress.kubernetes.io/whitelist-source-range: 10.0.0.0/8
spec:
  ingressClassName: nginx
  tls:
  - hosts: [shop.example.com]
    secretName: shop-tls
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api(/|$)(.*)
        pathType: ImplementationSpecific
        backend:
          service: {name: api, port: {number: 8080}}
`;

const documents = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Record<string, any>);

describe("migrateIngress over HTTP", () => {
  it("answers with Gateway API manifests, one mapping row per annotation with sources, warnings and a summary", async () => {
    const { status, body } = await server.graphql(MIGRATE, { m: SHOP, o: { gatewayClassName: "eg", gatewayNamespace: "gateway-infra" } });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const result = body.data!.migrateIngress;
    const docs = documents(result.manifests);
    expect(docs.map((d) => d.kind)).toEqual(["Gateway", "ReferenceGrant", "HTTPRoute", "HTTPRoute"]);
    expect(docs[0]!.spec.gatewayClassName).toBe("eg");
    expect(docs[2]!.spec.rules[0].matches[0].path).toEqual({ type: "PathPrefix", value: "/api" });
    expect(result.annotations.map((a: any) => [a.annotation.replace("nginx.ingress.kubernetes.io/", ""), a.outcome])).toEqual([
      ["rewrite-target", "TRANSLATED"],
      ["enable-cors", "TRANSLATED"],
      ["whitelist-source-range", "NOT_TRANSLATED"],
    ]);
    expect(result.annotations.every((a: any) => a.ingress === "web/shop" && a.sources.length > 0 && a.sources.every((s: any) => s.checked === "2026-12-03"))).toBe(true);
    expect(result.annotations[2].gatewayField).toBeNull();
    expect(result.warnings.some((w: string) => w.includes("silently turns on use-regex"))).toBe(true);
    expect(result.summary).toMatch(/^Converted 1 Ingress into 1 Gateway, 2 HTTPRoutes, 1 ReferenceGrant\./);
  });

  it("converts manifests far longer than MAX_STRING_LENGTH (they get MAX_MANIFEST_LENGTH) and refuses them over it", async () => {
    const many = Array.from({ length: 4 }, (_, i) => SHOP.replace("name: shop\n", `name: shop-${i}\n`).replace(/shop\.example\.com/g, `shop${i}.example.com`)).join("---\n");
    expect(many.length).toBeGreaterThan(2000);
    const { body } = await server.graphql(MIGRATE, { m: many });
    expect(body.errors).toBeUndefined();
    const docs = documents(body.data!.migrateIngress.manifests);
    expect(docs.filter((d) => d.kind === "HTTPRoute")).toHaveLength(8);
    expect(docs.filter((d) => d.kind === "Gateway")[0]!.spec.listeners).toHaveLength(5);
    const small = await startTestServer({ MAX_MANIFEST_LENGTH: 2000 });
    try {
      const refused = await small.graphql(MIGRATE, { m: many });
      expect(refused.body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    } finally {
      await small.stop();
    }
  });

  it.each([
    ["unreadable YAML", "kind: Ingress\n  metadata: [x"],
    ["no Ingress", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n"],
    ["an alias bomb", `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`],
  ])("answers %s with BAD_USER_INPUT on the manifests field", async (_, m) => {
    const { body } = await server.graphql(MIGRATE, { m });
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "manifests" });
  });

  it("refuses an invalid option with the field named", async () => {
    const { body } = await server.graphql(MIGRATE, { m: SHOP, o: { gatewayNamespace: "Not Valid" } });
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "options.gatewayNamespace" });
  });
});

describe("migrate_ingress over MCP", () => {
  it("answers with readable text and the same data as structured content; bad input is a tool error", async () => {
    const client = new Client({ name: "migrate-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain("migrate_ingress");
      const result = await client.callTool({ name: "migrate_ingress", arguments: { manifests: SHOP, gatewayClassName: "eg" } });
      expect(result.isError).toBeFalsy();
      const data = structured(result);
      expect(data.annotations).toHaveLength(3);
      expect(documents(data.manifests)[0]!.spec.gatewayClassName).toBe("eg");
      expect(textOf(result)).toContain("NOT_TRANSLATED");
      expect(textOf(result)).toMatch(/Sources:\n1\. .+ — https:\/\//);
      const bad = await client.callTool({ name: "migrate_ingress", arguments: { manifests: "kind: Service" } });
      expect(bad.isError).toBe(true);
      expect(textOf(bad)).toMatch(/^Error BAD_USER_INPUT \(field: manifests\)/);
    } finally {
      await client.close();
    }
  });
});
