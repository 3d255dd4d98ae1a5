// recommendServiceType and recommendFromQuestion through the running server.
import { parseAllDocuments } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const OPTION = `option serviceType score reasons { text sources { url title } } settings { path value why } manifest concept { slug }`;
const RECOMMEND = `query ($r: ServiceRequirementsInput!) { recommendServiceType(requirements: $r) {
  best { ${OPTION} } alternatives { option score } rejected { option reason sources { url } } warnings summary } }`;

const documents = (manifest: string) =>
  parseAllDocuments(manifest).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Record<string, any>;
  });

describe("recommendServiceType", () => {
  it("puts many internet HTTP services behind one Gateway, with a manifest that applies as it is", async () => {
    const { status, body } = await server.graphql(RECOMMEND, {
      r: { clients: "INTERNET", protocols: ["HTTPS"], exposedServices: 12, routing: ["HOST", "PATH"], tls: "TERMINATE_AT_EDGE", name: "shop", namespace: "web" },
    });
    expect(status).toBe(200);
    const recommendation = body.data!.recommendServiceType;
    expect(recommendation.best.option).toBe("GATEWAY_HTTP_ROUTE");
    expect(recommendation.best.serviceType).toBe("CLUSTER_IP");
    const kinds = documents(recommendation.best.manifest).map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(["Service", "Gateway", "HTTPRoute"]));
    for (const doc of documents(recommendation.best.manifest)) {
      expect(doc.apiVersion).toBeTruthy();
      expect(doc.metadata.name).toBeTruthy();
    }
    expect(recommendation.best.reasons.every((r: any) => r.sources.length > 0)).toBe(true);
    expect(recommendation.summary.split(/(?<=\.)\s/).length).toBeLessThanOrEqual(3);
  });

  it("rejects Ingress for UDP and a NodePort for well-known ports, citing the docs", async () => {
    const { body } = await server.graphql(RECOMMEND, { r: { clients: "INTERNET", protocols: ["UDP"], standardPorts: true, environment: "BARE_METAL", loadBalancer: "BARE_METAL_IMPLEMENTATION" } });
    const recommendation = body.data!.recommendServiceType;
    expect(recommendation.best.option).toBe("LOAD_BALANCER");
    const rejected = Object.fromEntries(recommendation.rejected.map((r: any) => [r.option, r]));
    expect(rejected.INGRESS.reason).toMatch(/HTTP/);
    expect(rejected.NODE_PORT.reason).toMatch(/30000-32767/);
    expect(rejected.INGRESS.sources[0].url).toMatch(/^https:\/\/kubernetes\.io\//);
  });

  it("keeps the client IP with externalTrafficPolicy: Local in settings and manifest", async () => {
    const { body } = await server.graphql(RECOMMEND, { r: { clients: "INTERNET", protocols: ["TCP"], preserveClientIp: true, name: "game", servicePort: 7777, targetPort: 7777 } });
    const best = body.data!.recommendServiceType.best;
    expect(best.option).toBe("LOAD_BALANCER");
    expect(best.settings).toContainEqual(expect.objectContaining({ path: "spec.externalTrafficPolicy", value: "Local" }));
    const service = documents(best.manifest).find((d) => d.kind === "Service")!;
    expect(service.spec).toMatchObject({ type: "LoadBalancer", externalTrafficPolicy: "Local" });
    expect(service.spec.ports[0]).toMatchObject({ port: 7777, targetPort: 7777 });
  });

  it("maps an IP-only external database to a Service without selector plus an EndpointSlice", async () => {
    const { body } = await server.graphql(RECOMMEND, { r: { clients: "IN_CLUSTER", protocols: ["TCP"], backend: "EXTERNAL_IP", externalIp: "10.1.2.3", servicePort: 5432, name: "db" } });
    const recommendation = body.data!.recommendServiceType;
    expect(recommendation.best.option).toBe("SELECTORLESS_SERVICE");
    expect(recommendation.rejected.map((r: any) => r.option)).toContain("EXTERNAL_NAME");
    const docs = documents(recommendation.best.manifest);
    const slice = docs.find((d) => d.kind === "EndpointSlice")!;
    expect(slice.metadata.labels["kubernetes.io/service-name"]).toBe("db");
    expect(slice.endpoints[0].addresses).toEqual(["10.1.2.3"]);
    expect(docs.find((d) => d.kind === "Service")!.spec.selector).toBeUndefined();
  });

  it("writes the HTTPRoute filters for rewrites and mirroring, with the mirror's Service", async () => {
    const { body } = await server.graphql(RECOMMEND, { r: { clients: "INTERNET", protocols: ["HTTPS"], routing: ["REWRITE_OR_REDIRECT", "MIRROR"], name: "shop" } });
    const best = body.data!.recommendServiceType.best;
    expect(best.option).toBe("GATEWAY_HTTP_ROUTE");
    const docs = documents(best.manifest);
    const route = docs.find((d) => d.kind === "HTTPRoute")!;
    const filters = route.spec.rules.flatMap((rule: any) => rule.filters ?? []);
    expect(filters.map((f: any) => f.type).sort()).toEqual(["RequestMirror", "URLRewrite"]);
    const mirror = filters.find((f: any) => f.type === "RequestMirror").requestMirror.backendRef.name;
    expect(docs.some((d) => d.kind === "Service" && d.metadata.name === mirror)).toBe(true);
  });

  it.each([
    [{ clients: "IN_CLUSTER", backend: "EXTERNAL_IP" }, "requirements.externalIp"],
    [{ clients: "INTERNET", allowedSourceRanges: ["10.0.0.0/33"] }, "requirements.allowedSourceRanges"],
    [{ clients: "INTERNET", servicePort: 70000 }, "requirements.servicePort"],
    [{ clients: "INTERNET", kubernetesVersion: "banana" }, "requirements.kubernetesVersion"],
  ])("rejects bad input %j naming the field", async (r, field) => {
    const { status, body } = await server.graphql(RECOMMEND, { r });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("answers an unknown enum value with BAD_USER_INPUT before running", async () => {
    const { status, body } = await server.graphql(RECOMMEND, { r: { clients: "MARS" } });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});

describe("recommendFromQuestion", () => {
  const QUESTION = `query ($q: String!) { recommendFromQuestion(question: $q) {
    requirements { clients protocols environment loadBalancer exposedServices externalIp assumptions unrecognized }
    recommendation { best { option manifest } summary } } }`;

  it("understands a bare-metal UDP game server without a load balancer", async () => {
    const { body } = await server.graphql(QUESTION, { q: "bare metal, no load balancer, UDP game server" });
    const answer = body.data!.recommendFromQuestion;
    expect(answer.requirements).toMatchObject({ environment: "BARE_METAL", loadBalancer: "NONE", protocols: ["UDP"] });
    expect(answer.recommendation.best.option).toBe("NODE_PORT");
    expect(answer.requirements.assumptions.length).toBeGreaterThan(0);
  });

  it("understands an external database known only by IP", async () => {
    const { body } = await server.graphql(QUESTION, { q: "our database is only reachable at 10.1.2.3" });
    const answer = body.data!.recommendFromQuestion;
    expect(answer.requirements.externalIp).toBe("10.1.2.3");
    expect(answer.recommendation.best.option).toBe("SELECTORLESS_SERVICE");
  });

  it.each(["", "   ", "x".repeat(501)])("rejects the question %j", async (q) => {
    const { body } = await server.graphql(QUESTION, { q });
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "question" });
  });
});

describe("ask", () => {
  const ASK = `query ($q: String!) { ask(question: $q) { text sources { url title } concepts { slug } followUps recommendation { recommendation { best { option } } } } }`;

  it.each([
    ["Ingress vs Gateway API", ["ingress", "gateway-api"], false],
    ["what is a headless service", ["headless-service"], false],
    ["which service type should I use for a UDP game server on bare metal without a load balancer", [], true],
  ])("answers %j in at most three plain sentences with sources", async (q, slugs, recommends) => {
    const { status, body } = await server.graphql(ASK, { q });
    expect(status).toBe(200);
    const answer = body.data!.ask;
    expect(answer.text.split(/(?<=[.!?])\s+/).length).toBeLessThanOrEqual(3);
    expect(answer.text).not.toMatch(/`|\*\*|\]\(/);
    expect(answer.sources.length).toBeGreaterThan(0);
    for (const slug of slugs) expect(answer.concepts.map((c: any) => c.slug)).toContain(slug);
    expect(answer.followUps.length).toBeGreaterThan(0);
    expect(answer.recommendation !== null).toBe(recommends);
    if (recommends) expect(answer.recommendation.recommendation.best.option).toBe("NODE_PORT");
  });

  it("rejects an empty question", async () => {
    const { body } = await server.graphql(ASK, { q: " " });
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "question" });
  });
});
