// The GraphQL API over real HTTP, on a real server with its own seeded SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe("serviceTypes", () => {
  it("lists the four types in builds-on order with their attributes", async () => {
    const { status, body } = await server.graphql(`{
      serviceTypes { name kubernetesName buildsOn { name } allocatesClusterIp allocatesNodePort provisionsLoadBalancer
        reachableFrom protocols limitations exampleManifest concept { slug } sources { url } } }`);
    expect(status).toBe(200);
    const types = body.data!.serviceTypes;
    expect(types.map((t: any) => [t.name, t.kubernetesName, t.buildsOn?.name ?? null])).toEqual([
      ["CLUSTER_IP", "ClusterIP", null],
      ["NODE_PORT", "NodePort", "CLUSTER_IP"],
      ["LOAD_BALANCER", "LoadBalancer", "NODE_PORT"],
      ["EXTERNAL_NAME", "ExternalName", null],
    ]);
    expect(types.map((t: any) => [t.allocatesClusterIp, t.allocatesNodePort, t.provisionsLoadBalancer])).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
      [false, false, false],
    ]);
    expect(types[0].reachableFrom).toEqual(["IN_CLUSTER"]);
    expect(types[2].reachableFrom).toContain("INTERNET");
    for (const type of types) {
      expect(type.exampleManifest).toContain(`type: ${type.kubernetesName}`);
      expect(type.sources.length).toBeGreaterThan(0);
    }
  });

  it("looks one type up by name", async () => {
    const { body } = await server.graphql(`{ serviceType(name: EXTERNAL_NAME) { kubernetesName concept { slug } } }`);
    expect(body.data!.serviceType).toEqual({ kubernetesName: "ExternalName", concept: { slug: "external-name" } });
  });
});

describe("concept", () => {
  it.each(["load-balancer", "LB", "LoadBalancer", "lb"])("finds LoadBalancer as %s", async (name) => {
    const { body } = await server.graphql(`query ($s: String!) { concept(slug: $s) { slug kind } }`, { s: name });
    expect(body.data!.concept).toEqual({ slug: "load-balancer", kind: "SERVICE_TYPE" });
  });

  it("answers null for an unknown concept", async () => {
    const { body } = await server.graphql(`{ concept(slug: "warp-drive") { slug } }`);
    expect(body).toEqual({ data: { concept: null } });
  });

  it("returns the full concept with relations, capabilities, facts, sources and lifecycle", async () => {
    const { body } = await server.graphql(`{ concept(slug: "node-port") {
      id slug name summary body aliases sources { url title }
      related { type direction concept { slug } }
      capabilities { dimension { slug } value note sources { url } }
      facts { left { slug } right { slug } statement sources { url } }
      serviceType { name } } }`);
    const concept = body.data!.concept;
    expect(concept.summary.length).toBeLessThanOrEqual(300);
    expect(concept.related).toContainEqual({ type: "BUILDS_ON", direction: "OUTGOING", concept: { slug: "cluster-ip" } });
    expect(concept.related).toContainEqual({ type: "BUILDS_ON", direction: "INCOMING", concept: { slug: "load-balancer" } });
    expect(concept.capabilities.find((c: any) => c.dimension.slug === "standard-ports").value).toBe("NO");
    expect(concept.facts.length).toBeGreaterThan(0);
    expect(concept.serviceType).toEqual({ name: "NODE_PORT" });
    for (const source of concept.sources) expect(source.url).toMatch(/^https:\/\//);
  });

  it("reports lifecycle stages", async () => {
    const { body } = await server.graphql(`{
      lbip: concept(slug: "load-balancer-ip") { lifecycle { deprecatedIn status sources { url } } }
      tlsroute: concept(slug: "tlsroute") { lifecycle { track stableIn channel status } } }`);
    expect(body.data!.lbip.lifecycle).toMatchObject({ deprecatedIn: "1.24", status: "DEPRECATED" });
    expect(body.data!.lbip.lifecycle.sources.length).toBeGreaterThan(0);
    expect(body.data!.tlsroute.lifecycle).toEqual({ track: "GATEWAY_API", stableIn: "1.5.0", channel: "STANDARD", status: "GA" });
  });
});

describe("concepts connection", () => {
  const PAGE = `query ($first: Int, $after: String, $filter: ConceptFilter) {
    concepts(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

  it("pages through every concept exactly once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page++) {
      const { body }: { body: { data?: any } } = await server.graphql(PAGE, { first: 7, after });
      const connection: any = body.data!.concepts;
      total = connection.totalCount;
      seen.push(...connection.edges.map((e: any) => e.node.slug));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBe(server.knowledge.concepts.length);
  });

  it("filters by kind", async () => {
    const { body } = await server.graphql(PAGE, { first: 100, filter: { kind: "SERVICE_TYPE" } });
    expect(body.data!.concepts.edges.map((e: any) => e.node.slug).sort()).toEqual(["cluster-ip", "external-name", "load-balancer", "node-port"]);
  });

  it.each([[101, null, "first"], [5, "bm90LWEtY3Vyc29y", "after"]])("rejects first=%s after=%s with BAD_USER_INPUT", async (first, after, field) => {
    const { status, body } = await server.graphql(PAGE, { first, after });
    expect(status).toBe(200);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});

describe("compare", () => {
  const COMPARE = `query ($l: String!, $r: String!) { compare(left: $l, right: $r) {
    left { slug } right { slug } summary rows { dimension { slug } left right leftNote rightNote sources { url } }
    statements { left { slug } right { slug } statement sources { url } } } }`;

  it("compares Ingress and LoadBalancer by alias, and mirrors when swapped", async () => {
    const ab = (await server.graphql(COMPARE, { l: "ingress", r: "LB" })).body.data!.compare;
    const ba = (await server.graphql(COMPARE, { l: "load-balancer", r: "ing" })).body.data!.compare;
    expect([ab.left.slug, ab.right.slug]).toEqual(["ingress", "load-balancer"]);
    expect(ab.rows.find((r: any) => r.dimension.slug === "tcp-traffic")).toMatchObject({ left: "NO", right: "YES" });
    expect(ab.rows.map((r: any) => [r.dimension.slug, r.left, r.right])).toEqual(ba.rows.map((r: any) => [r.dimension.slug, r.right, r.left]));
    expect(ab.statements.length).toBeGreaterThan(0);
    expect(ab.summary).not.toMatch(/[`*#]/);
  });

  it("rejects an unknown name with the nearest names", async () => {
    const { body } = await server.graphql(COMPARE, { l: "loadbalncer", r: "ingress" });
    expect(body.data).toEqual({ compare: null });
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "left" });
    expect(body.errors![0]!.extensions!.suggestions).toContain("load-balancer");
    expect(body.errors![0]!.message).toContain("load-balancer");
  });
});

describe("node", () => {
  it("fetches every kind of entity back by its ID", async () => {
    const { body } = await server.graphql(`{
      concept(slug: "ingress") { id capabilities { id } facts { id } sources { id } }
      serviceType(name: NODE_PORT) { id }
      dimensions { id } }`);
    const d = body.data!;
    const ids: [string, string][] = [
      [d.concept.id, "Concept"], [d.serviceType.id, "ServiceType"], [d.dimensions[0].id, "Dimension"],
      [d.concept.capabilities[0].id, "Capability"], [d.concept.facts[0].id, "ComparisonFact"], [d.concept.sources[0].id, "Source"],
    ];
    for (const [id, typename] of ids) {
      const { body: node } = await server.graphql(`query ($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(node.data!.node).toEqual({ __typename: typename, id });
    }
  });

  it("derives IDs from type and slug, not from row order", async () => {
    const { body } = await server.graphql(`{ concept(slug: "cluster-ip") { id } }`);
    expect(Buffer.from(body.data!.concept.id, "base64url").toString()).toBe("Concept:cluster-ip");
  });

  it("answers null for an ID it never issued", async () => {
    const { body } = await server.graphql(`{ node(id: "bm9wZTpub3Bl") { id } }`);
    expect(body).toEqual({ data: { node: null } });
  });
});

describe("errors", () => {
  it("answers a syntax error with 400 and GRAPHQL_PARSE_FAILED", async () => {
    const { status, body } = await server.graphql(`{ concept(slug: `);
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("answers an unknown field with GRAPHQL_VALIDATION_FAILED and a suggestion", async () => {
    const { status, body } = await server.graphql(`{ serviceTypes { nmae } }`);
    expect(status).toBe(400);
    expect(body.errors![0]).toMatchObject({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect(body.errors![0]!.message).toContain('Did you mean "name"');
  });

  it("answers an invalid enum value with BAD_USER_INPUT", async () => {
    const { status, body } = await server.graphql(`query ($n: ServiceTypeName!) { serviceType(name: $n) { name } }`, { n: "HEADLESS" });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});

describe("Kubernetes versions", () => {
  it("answers a field's stage at a given version", async () => {
    const query = `query ($v: String) { concept(slug: "trafficDistribution", kubernetesVersion: $v) { lifecycle { status statusAt } } }`;
    const at = async (v: string) => (await server.graphql(query, { v })).body.data!.concept.lifecycle.statusAt;
    expect(await at("1.29")).toBeNull();
    expect(await at("1.30")).toBe("ALPHA");
    expect(await at("1.31")).toBe("BETA");
    expect(await at("v1.33.2")).toBe("GA");
  });

  it("lets statusAt take its own version", async () => {
    const { body } = await server.graphql(`{ concept(slug: "external-ips") { lifecycle { old: statusAt(kubernetesVersion: "1.30") new: statusAt(kubernetesVersion: "1.36") } } }`);
    expect(body.data!.concept.lifecycle).toEqual({ old: "GA", new: "DEPRECATED" });
  });

  it("lists only what a version has", async () => {
    const slugsAt = async (v: string) => {
      const slugs: string[] = [];
      let after: string | null = null;
      do {
        const { body }: { body: { data?: any } } = await server.graphql(
          `query ($v: String, $after: String) { concepts(first: 100, after: $after, filter: { availableIn: $v }) { nodes { slug } pageInfo { hasNextPage endCursor } } }`,
          { v, after },
        );
        slugs.push(...body.data.concepts.nodes.map((n: any) => n.slug));
        after = body.data.concepts.pageInfo.hasNextPage ? body.data.concepts.pageInfo.endCursor : null;
      } while (after);
      return slugs;
    };
    const old = await slugsAt("1.29");
    const recent = await slugsAt("1.33");
    expect(old).not.toContain("traffic-distribution");
    expect(recent).toContain("traffic-distribution");
    expect(old).toContain("cluster-ip");
    expect(old).toContain("httproute");
  });

  it.each([
    [`{ concept(slug: "svc", kubernetesVersion: "banana") { slug } }`, "kubernetesVersion"],
    [`{ concepts(filter: { availableIn: "2.0" }) { totalCount } }`, "filter.availableIn"],
    [`{ concept(slug: "ingress") { lifecycle { statusAt(kubernetesVersion: "1.x") } } }`, "kubernetesVersion"],
  ])("rejects an invalid version: %s", async (query, field) => {
    const { body } = await server.graphql(query);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});

describe("probes", () => {
  it("answers liveness and readiness with the knowledge version", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", knowledgeVersion: server.knowledge.version });
  });
});
