// Specification of the recommender: engine mechanics on a small fixture, then situations from
// the official docs against the real knowledge content and rules.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { DEFAULT_CONTENT_DIR, loadContent } from "../../src/content/load.js";
import { recommendationRulesSchema } from "../../src/content/recommendationSchema.js";
import { DomainError } from "../../src/domain/errors.js";
import type { KnowledgeSnapshot } from "../../src/domain/knowledge.js";
import { recommend, ruleSourceProblems, type Recommendation, type RecommendationRules, type RecommendedOption, type RequirementsInput } from "../../src/domain/recommend/index.js";
import { getPath } from "../../src/domain/recommend/settings.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";

function loadReal(): { knowledge: KnowledgeSnapshot; rules: RecommendationRules } {
  const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
  // Parsed here too, so the test exercises the schema on the file itself.
  const file = readFileSync(path.join(DEFAULT_CONTENT_DIR, "recommendation", "rules.yaml"), "utf8");
  return { knowledge, rules: recommendationRulesSchema.parse(parse(file)) };
}

type Doc = Record<string, any>;
const docsOf = (manifest: string): Doc[] => parseAllDocuments(manifest).map((d) => d.toJS() as Doc);
const kindOf = (docs: Doc[], kind: string) => docs.filter((d) => d.kind === kind);
const one = (docs: Doc[], kind: string): Doc => {
  const found = kindOf(docs, kind);
  expect(found, `exactly one ${kind}`).toHaveLength(1);
  return found[0]!;
};

/** Every setting the engine reports must be in the Service it generated. */
function expectSettingsInManifest(option: RecommendedOption): void {
  const service = kindOf(docsOf(option.manifest), "Service")[0];
  for (const s of option.settings) {
    const actual = getPath(service, s.path);
    expect(typeof actual === "string" ? actual : JSON.stringify(actual), `${option.option} ${s.path}`).toBe(s.value);
  }
}

// ---------------------------------------------------------------------------------------------
// Engine mechanics on a fixture knowledge base, so they hold whatever the real content says.
// ---------------------------------------------------------------------------------------------

const src = (id: string) => ({ id, url: `https://kubernetes.io/docs/${id}/`, title: id, section: null, checked: null });
function fixtureKnowledge(): KnowledgeSnapshot {
  const cap = (conceptSlug: string, dimensionSlug: string, value: "YES" | "NO" | "PARTIAL" | "DEPENDS", note: string) => ({
    conceptSlug,
    dimensionSlug,
    value,
    note,
    sources: [src(`${conceptSlug}-${dimensionSlug}`)],
  });
  const concept = (slug: string) => ({ slug, name: slug, kind: "SERVICE_TYPE" as const, summary: slug, body: slug, aliases: [], tags: [], sources: [], lifecycle: null, exampleManifest: null });
  const capabilities = [
    cap("cluster-ip", "in-cluster-clients", "YES", "Pods reach it."),
    cap("cluster-ip", "udp-traffic", "YES", "UDP works."),
    cap("cluster-ip", "external-cost", "NO", "Costs nothing."),
    cap("cluster-ip", "internet-clients", "NO", "Only reachable inside the cluster."),
    cap("load-balancer", "in-cluster-clients", "YES", "Pods reach it too."),
    cap("load-balancer", "udp-traffic", "PARTIAL", "UDP depends on the provider."),
    cap("load-balancer", "external-cost", "YES", "One cloud load balancer each."),
    cap("load-balancer", "internet-clients", "YES", "Gets an external address."),
    cap("port-forward", "in-cluster-clients", "NO", "A laptop tool."),
  ];
  return buildSnapshot({
    version: "fixture",
    seededAt: new Date(0),
    sources: [...capabilities.flatMap((c) => c.sources), src("rule-source")],
    dimensions: ["in-cluster-clients", "udp-traffic", "external-cost", "internet-clients"].map((slug) => ({ slug, name: slug, description: slug })),
    concepts: ["cluster-ip", "load-balancer", "port-forward"].map(concept),
    relations: [],
    capabilities,
    comparisons: [],
    serviceTypes: [],
    recommendationRules: fixtureRules(),
    documents: { guides: [], askVocabulary: [], families: [], coverage: [], interpretation: [], ingressMigration: [], analysisRules: [] },
  });
}

function fixtureRules(overrides: Partial<RecommendationRules> = {}): RecommendationRules {
  return {
    version: 1,
    minimumDefaultKubernetesVersion: "1.35",
    valueScores: { YES: 1, PARTIAL: 0.5, DEPENDS: 0.25, NO: -1 },
    placeholders: { name: "my-app", servicePort: 80, targetPort: 8080, externalHostname: "db.example.com", externalIp: "192.0.2.10", otherNamespace: "other", className: "example", host: "my-app.example.com" },
    apiVersions: { Service: "v1", EndpointSlice: "discovery.k8s.io/v1", Ingress: "networking.k8s.io/v1", Gateway: "gateway.networking.k8s.io/v1", HTTPRoute: "gateway.networking.k8s.io/v1", GRPCRoute: "gateway.networking.k8s.io/v1", TLSRoute: "gateway.networking.k8s.io/v1", TCPRoute: "gateway.networking.k8s.io/v1", UDPRoute: "gateway.networking.k8s.io/v1", ReferenceGrant: "gateway.networking.k8s.io/v1beta1" },
    options: [
      { option: "CLUSTER_IP", label: "a ClusterIP Service", serviceType: "CLUSTER_IP", concept: "cluster-ip", baseScore: 0 },
      { option: "LOAD_BALANCER", label: "a LoadBalancer Service", serviceType: "LOAD_BALANCER", concept: "load-balancer", baseScore: 0 },
    ],
    requirements: [
      { id: "in-cluster", when: { clients: ["IN_CLUSTER"] }, dimension: "in-cluster-clients", mode: "HARD", weight: 2, label: "in-cluster clients" },
      { id: "internet", when: { clients: ["INTERNET"] }, dimension: "internet-clients", mode: "HARD", weight: 5, label: "internet clients" },
      { id: "udp", when: { protocols: ["UDP"] }, dimension: "udp-traffic", mode: "SOFT", weight: 4, label: "UDP" },
      { id: "cost", when: {}, dimension: "external-cost", mode: "SOFT", weight: 3, invert: true, label: "low cost" },
    ],
    conditions: [],
    settings: [],
    ...overrides,
  };
}

describe("recommendation engine mechanics (fixture knowledge)", () => {
  const knowledge = fixtureKnowledge();

  it("rejects an option whose capability is NO on a HARD requirement, citing the capability's note and sources", () => {
    const r = recommend({ clients: "INTERNET" }, knowledge, fixtureRules());
    expect(r.best.option).toBe("LOAD_BALANCER");
    expect(r.rejected).toEqual([
      { option: "CLUSTER_IP", reason: "Internet clients: Only reachable inside the cluster.", sources: [src("cluster-ip-internet-clients")] },
    ]);
  });

  it("adds weight x value score for SOFT requirements and subtracts for inverted dimensions", () => {
    const r = recommend({ clients: "IN_CLUSTER", protocols: ["UDP"] }, knowledge, fixtureRules());
    // ClusterIP: in-cluster 2x1 + UDP 4x1 + cost (NO, inverted) 3x1 = 9.
    // LoadBalancer: in-cluster 2x1 + UDP 4x0.5 + cost (YES, inverted) -3x1 = 1.
    expect(r.best).toMatchObject({ option: "CLUSTER_IP", score: 9 });
    expect(r.alternatives.map((a) => [a.option, a.score])).toEqual([["LOAD_BALANCER", 1]]);
    expect(r.alternatives[0]!.reasons.map((x) => x.text)).toContain("Trade-off (low cost): One cloud load balancer each.");
  });

  it("changes the advice when a rule is added to the data, without code changes", () => {
    const before = recommend({ clients: "IN_CLUSTER" }, knowledge, fixtureRules());
    expect(before.best.option).toBe("CLUSTER_IP");
    const rules = fixtureRules({
      conditions: [{ id: "no-clusterip-on-tuesdays", when: { clients: ["IN_CLUSTER"] }, options: ["CLUSTER_IP"], effect: "REJECT", text: "A test rule rejects it.", sources: ["rule-source"] }],
    });
    const after = recommend({ clients: "IN_CLUSTER" }, knowledge, rules);
    expect(after.best.option).toBe("LOAD_BALANCER");
    expect(after.rejected).toEqual([{ option: "CLUSTER_IP", reason: "A test rule rejects it.", sources: [src("rule-source")] }]);
  });

  it("scores an option from another concept when a conceptWhen condition holds", () => {
    const rules = fixtureRules({
      options: [{ option: "CLUSTER_IP", label: "a ClusterIP Service", serviceType: "CLUSTER_IP", concept: "cluster-ip", baseScore: 0, conceptWhen: [{ when: { protocols: ["TCP"] }, concept: "port-forward" }] }, fixtureRules().options[1]!],
    });
    const r = recommend({ clients: "IN_CLUSTER", protocols: ["TCP"] }, knowledge, rules);
    expect(r.rejected[0]).toMatchObject({ option: "CLUSTER_IP", reason: "In-cluster clients: A laptop tool." });
  });

  it("walks a setting's fallback chain by Kubernetes version and warns with the official source", () => {
    const rules = fixtureRules({
      settings: [
        { id: "new", when: { stickySessions: true }, options: ["CLUSTER_IP"], path: "spec.newField", value: "New", why: "new", sources: ["rule-source"], since: "1.34", fallback: "old" },
        { id: "old", fallbackOnly: true, when: {}, options: ["CLUSTER_IP"], path: "spec.newField", value: "Old", why: "old", sources: ["rule-source"], since: "1.31" },
      ],
    });
    const at = (kubernetesVersion?: string) => recommend({ clients: "IN_CLUSTER", stickySessions: true, kubernetesVersion }, knowledge, rules);
    expect(at().best.settings).toEqual([{ path: "spec.newField", value: "New", why: "new" }]);
    expect(at().warnings).toEqual([]);
    const mid = at("1.32");
    expect(mid.best.settings).toEqual([{ path: "spec.newField", value: "Old", why: "old" }]);
    expect(mid.warnings).toEqual([expect.stringMatching(/New is not enabled by default before Kubernetes 1\.34.*Old.*https:\/\/kubernetes\.io/)]);
    const old = at("1.29");
    expect(old.best.settings).toEqual([]);
    expect(old.warnings).toHaveLength(2);
    expect(docsOf(old.best.manifest)[0]!.spec.newField).toBeUndefined();
    expect(docsOf(mid.best.manifest)[0]!.spec.newField).toBe("Old");
  });

  it("is deterministic: the same input gives the same answer", () => {
    const input: RequirementsInput = { clients: "IN_CLUSTER", protocols: ["UDP", "TCP"] };
    expect(recommend(input, knowledge, fixtureRules())).toEqual(recommend(input, knowledge, fixtureRules()));
  });

  it("returns the closest option with a warning when every option is rejected", () => {
    const rules = fixtureRules({
      conditions: [{ id: "reject-lb", when: {}, options: ["LOAD_BALANCER"], effect: "REJECT", text: "Rejected by test.", sources: ["rule-source"] }],
    });
    const r = recommend({ clients: "INTERNET" }, knowledge, rules);
    expect(r.warnings[0]).toMatch(/^No option meets every requirement/);
    expect(r.rejected).toHaveLength(1);
  });

  it("fails loudly when a rule cites a source the knowledge base does not have", () => {
    const rules = fixtureRules({ conditions: [{ id: "bad", when: {}, options: ["CLUSTER_IP"], effect: "SCORE", score: 1, text: "x", sources: ["missing-source"] }] });
    expect(() => recommend({ clients: "IN_CLUSTER" }, knowledge, rules)).toThrow(/unknown source "missing-source"/);
    expect(ruleSourceProblems(rules, knowledge)).toEqual(['rules.yaml: rule "bad" cites unknown source "missing-source"']);
  });
});

describe("bad input is rejected with BAD_USER_INPUT and the field at fault", () => {
  const knowledge = fixtureKnowledge();
  const cases: [string, RequirementsInput, string][] = [
    ["invalid CIDR", { clients: "INTERNET", allowedSourceRanges: ["10.0.0.0/33"] }, "requirements.allowedSourceRanges"],
    ["CIDR without prefix", { clients: "INTERNET", allowedSourceRanges: ["10.0.0.0"] }, "requirements.allowedSourceRanges"],
    ["invalid fixedClusterIp", { clients: "IN_CLUSTER", fixedClusterIp: "10.96.0.300" }, "requirements.fixedClusterIp"],
    ["invalid externalIp", { clients: "IN_CLUSTER", backend: "EXTERNAL_IP", externalIp: "db.local" }, "requirements.externalIp"],
    ["loopback externalIp", { clients: "IN_CLUSTER", backend: "EXTERNAL_IP", externalIp: "127.0.0.1" }, "requirements.externalIp"],
    ["link-local externalIp", { clients: "IN_CLUSTER", backend: "EXTERNAL_IP", externalIp: "169.254.1.1" }, "requirements.externalIp"],
    ["EXTERNAL_IP without externalIp", { clients: "IN_CLUSTER", backend: "EXTERNAL_IP" }, "requirements.externalIp"],
    ["IP as externalHostname", { clients: "IN_CLUSTER", backend: "EXTERNAL_HOSTNAME", externalHostname: "10.1.2.3" }, "requirements.externalHostname"],
    ["uppercase externalHostname", { clients: "IN_CLUSTER", backend: "EXTERNAL_HOSTNAME", externalHostname: "DB.Example.com" }, "requirements.externalHostname"],
    ["port 0", { clients: "IN_CLUSTER", servicePort: 0 }, "requirements.servicePort"],
    ["port 65536", { clients: "IN_CLUSTER", targetPort: 65536 }, "requirements.targetPort"],
    ["exposedServices 0", { clients: "INTERNET", exposedServices: 0 }, "requirements.exposedServices"],
    ["kubernetesVersion text", { clients: "IN_CLUSTER", kubernetesVersion: "latest" }, "requirements.kubernetesVersion"],
    ["kubernetesVersion 2.0", { clients: "IN_CLUSTER", kubernetesVersion: "2.0" }, "requirements.kubernetesVersion"],
    ["loadBalancerClass with spaces", { clients: "INTERNET", loadBalancerClass: "my class" }, "requirements.loadBalancerClass"],
    ["loadBalancerClass with two slashes", { clients: "INTERNET", loadBalancerClass: "a/b/c" }, "requirements.loadBalancerClass"],
    ["unknown enum value", { clients: "EVERYONE" as never }, "requirements.clients"],
    ["empty protocols", { clients: "IN_CLUSTER", protocols: [] }, "requirements.protocols"],
    ["invalid Service name", { clients: "IN_CLUSTER", name: "1-app" }, "requirements.name"],
  ];
  it.each(cases)("%s", (_name, input, field) => {
    let error: unknown;
    try {
      recommend(input, knowledge, fixtureRules());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("accepts valid edge values", () => {
    const r = recommend(
      { clients: "INTERNET", allowedSourceRanges: ["2001:db8::/32", "0.0.0.0/0"], loadBalancerClass: "example.com/internal-vip", kubernetesVersion: "v1.30.2", servicePort: 65535 },
      knowledge,
      fixtureRules(),
    );
    expect(r.best.option).toBe("LOAD_BALANCER");
  });
});

// ---------------------------------------------------------------------------------------------
// Situations from the official documentation, against the real content.
// ---------------------------------------------------------------------------------------------

interface Situation {
  readonly name: string;
  readonly input: RequirementsInput;
  /** The expected best option, or the acceptable ones. */
  readonly best: string | readonly string[];
  readonly alternatives?: readonly string[];
  /** Options that must be rejected, with a pattern the reason must match. */
  readonly rejected?: Readonly<Record<string, RegExp>>;
  readonly warnings?: readonly RegExp[];
  readonly check?: (docs: Doc[], r: Recommendation) => void;
}

const service = (docs: Doc[]) => one(docs, "Service");

const SITUATIONS: readonly Situation[] = [
  {
    name: "in-cluster HTTP clients get a ClusterIP Service",
    input: { clients: "IN_CLUSTER" },
    best: "CLUSTER_IP",
    rejected: { EXTERNAL_NAME: /CNAME/, NO_SERVICE: /Service/ },
    check: (docs) => {
      expect(service(docs)).toMatchObject({ apiVersion: "v1", metadata: { name: "my-app" }, spec: { type: "ClusterIP", selector: { "app.kubernetes.io/name": "my-app" }, ports: [{ protocol: "TCP", port: 80, targetPort: 8080 }] } });
    },
  },
  {
    name: "12 HTTP microservices on AWS under one domain use a Gateway HTTPRoute, Ingress as alternative",
    input: { clients: "INTERNET", protocols: ["HTTP"], exposedServices: 12, environment: "CLOUD", routing: ["HOST", "PATH"], namespace: "shop" },
    best: "GATEWAY_HTTP_ROUTE",
    alternatives: ["INGRESS"],
    rejected: { LOAD_BALANCER: /Layer 4/, NODE_PORT: /Layer 4/, CLUSTER_IP: /outside the cluster/ },
    warnings: [/Gateway API is an add-on/],
    check: (docs) => {
      const gateway = one(docs, "Gateway");
      expect(gateway).toMatchObject({ apiVersion: "gateway.networking.k8s.io/v1", metadata: { namespace: "shop" }, spec: { gatewayClassName: "example" } });
      const route = one(docs, "HTTPRoute");
      expect(route.apiVersion).toBe("gateway.networking.k8s.io/v1");
      expect(route.spec.parentRefs[0].name).toBe(gateway.metadata.name);
      expect(route.spec.hostnames).toHaveLength(1);
      expect(route.spec.rules[0].matches[0].path.type).toBe("PathPrefix");
      expect(service(docs).spec.type).toBe("ClusterIP");
    },
  },
  {
    name: "many internet HTTP services prefer one Gateway over one LoadBalancer each",
    input: { clients: "INTERNET", exposedServices: 8 },
    best: "GATEWAY_HTTP_ROUTE",
    check: (_docs, r) => {
      const rank = (o: string) => r.alternatives.findIndex((a) => a.option === o);
      expect(rank("INGRESS")).toBeGreaterThanOrEqual(0);
      const lb = r.alternatives.find((a) => a.option === "LOAD_BALANCER");
      expect(lb === undefined || rank("LOAD_BALANCER") > rank("INGRESS")).toBe(true);
      expect(lb?.reasons.some((x) => /Trade-off \(many Services behind one address\)/.test(x.text)) ?? true).toBe(true);
    },
  },
  {
    name: "a database reachable only at 10.1.2.3 gets a selector-less Service and an EndpointSlice",
    input: { clients: "IN_CLUSTER", protocols: ["TCP"], backend: "EXTERNAL_IP", externalIp: "10.1.2.3", servicePort: 5432 },
    best: "SELECTORLESS_SERVICE",
    rejected: { EXTERNAL_NAME: /digits|IP/, CLUSTER_IP: /EndpointSlice|selector/ },
    warnings: [/loopback, link-local/],
    check: (docs) => {
      expect(service(docs).spec.selector).toBeUndefined();
      const slice = one(docs, "EndpointSlice");
      expect(slice).toMatchObject({
        apiVersion: "discovery.k8s.io/v1",
        addressType: "IPv4",
        metadata: { labels: { "kubernetes.io/service-name": "my-app", "endpointslice.kubernetes.io/managed-by": "staff" } },
        endpoints: [{ addresses: ["10.1.2.3"] }],
        ports: [{ port: 5432, protocol: "TCP" }],
      });
    },
  },
  {
    name: "an IP backend with port remapping rules out the headless variant",
    input: { clients: "IN_CLUSTER", protocols: ["TCP"], backend: "EXTERNAL_IP", externalIp: "10.1.2.3", servicePort: 5432, targetPort: 15432 },
    best: "SELECTORLESS_SERVICE",
    rejected: { HEADLESS_SERVICE: /port must equal targetPort/, EXTERNAL_NAME: /IP/ },
    check: (docs) => {
      expect(service(docs).spec.ports[0]).toMatchObject({ port: 5432, targetPort: 15432 });
      expect(one(docs, "EndpointSlice").ports[0].port).toBe(15432);
    },
  },
  {
    name: "a UDP game server on bare metal without a load balancer uses NodePort",
    input: { clients: "INTERNET", protocols: ["UDP"], environment: "BARE_METAL", loadBalancer: "NONE", servicePort: 7777, targetPort: 7777 },
    best: "NODE_PORT",
    rejected: { LOAD_BALANCER: /pending.*MetalLB/, INGRESS: /HTTP/, GATEWAY_TCP_ROUTE: /UDP/ },
    check: (docs) => expect(service(docs).spec).toMatchObject({ type: "NodePort", ports: [{ name: "udp", protocol: "UDP", port: 7777 }] }),
  },
  {
    name: "a single UDP service on a cloud uses a LoadBalancer and warns that UDP depends on the provider",
    input: { clients: "INTERNET", protocols: ["UDP"] },
    best: "LOAD_BALANCER",
    rejected: { INGRESS: /HTTP and HTTPS only/ },
    warnings: [/UDP.*provider/],
    check: (docs) => expect(service(docs).spec).toMatchObject({ type: "LoadBalancer", ports: [{ protocol: "UDP" }] }),
  },
  {
    name: "ports 80/443 rule out NodePort (30000-32767)",
    input: { clients: "INTERNET", protocols: ["HTTP"], standardPorts: true, environment: "BARE_METAL", loadBalancer: "NONE" },
    best: ["GATEWAY_HTTP_ROUTE", "INGRESS"],
    rejected: { NODE_PORT: /30000-32767/, LOAD_BALANCER: /pending/ },
  },
  {
    name: "an external HTTPS API by hostname: ExternalName with a Host-header warning, or call it directly",
    input: { clients: "IN_CLUSTER", protocols: ["HTTPS"], backend: "EXTERNAL_HOSTNAME", externalHostname: "api.stripe.com", servicePort: 443 },
    best: "EXTERNAL_NAME",
    alternatives: ["NO_SERVICE"],
    rejected: { SELECTORLESS_SERVICE: /IP addresses, not DNS names/, CLUSTER_IP: /ExternalName/ },
    warnings: [/Host header/],
    check: (docs, r) => {
      expect(service(docs).spec).toEqual({ type: "ExternalName", externalName: "api.stripe.com" });
      expect(r.alternatives.find((a) => a.option === "NO_SERVICE")?.manifest).toBe("");
    },
  },
  {
    name: "ExternalName cannot remap ports",
    input: { clients: "IN_CLUSTER", protocols: ["TCP"], backend: "EXTERNAL_HOSTNAME", externalHostname: "db.example.com", servicePort: 5432, targetPort: 15432 },
    best: "NO_SERVICE",
    rejected: { EXTERNAL_NAME: /cannot change ports/ },
    check: (docs) => expect(docs).toEqual([]),
  },
  {
    name: "an alias for a Service in another namespace is an ExternalName CNAME (derived from DNS semantics)",
    input: { clients: "IN_CLUSTER", protocols: ["TCP"], backend: "OTHER_NAMESPACE_SERVICE", name: "billing" },
    best: "EXTERNAL_NAME",
    rejected: { CLUSTER_IP: /own namespace/, SELECTORLESS_SERVICE: /cluster IP/ },
    check: (docs, r) => {
      expect(service(docs).spec.externalName).toBe("billing.other-namespace.svc.cluster.local");
      expect(r.best.reasons.some((x) => /DNS semantics/.test(x.text))).toBe(true);
    },
  },
  {
    name: "a Gateway route to another namespace's Service needs a ReferenceGrant",
    input: { clients: "INTERNET", protocols: ["HTTP"], backend: "OTHER_NAMESPACE_SERVICE", namespace: "edge" },
    best: "GATEWAY_HTTP_ROUTE",
    rejected: { INGRESS: /.+/ },
    warnings: [/ReferenceGrant/],
    check: (docs) => {
      const grant = one(docs, "ReferenceGrant");
      expect(grant).toMatchObject({
        apiVersion: "gateway.networking.k8s.io/v1beta1",
        metadata: { namespace: "other-namespace" },
        spec: { from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "edge" }], to: [{ group: "", kind: "Service" }] },
      });
      expect(one(docs, "HTTPRoute").spec.rules[0].backendRefs[0].namespace).toBe("other-namespace");
    },
  },
  {
    name: "header routing and weights need an HTTPRoute; Ingress has them only as annotations",
    input: { clients: "INTERNET", protocols: ["HTTP"], routing: ["HEADER", "WEIGHTED_SPLIT"] },
    best: "GATEWAY_HTTP_ROUTE",
    rejected: { INGRESS: /annotations/, LOAD_BALANCER: /weights|Layer 4/ },
    check: (docs) => {
      const rules = one(docs, "HTTPRoute").spec.rules as Doc[];
      expect(rules.some((rule) => rule.matches?.[0]?.headers?.length === 1)).toBe(true);
      expect(rules.flatMap((rule) => rule.backendRefs.map((b: Doc) => b.weight)).filter(Boolean)).toEqual([90, 10]);
      expect(kindOf(docs, "Service").map((s) => s.metadata.name).sort()).toEqual(["my-app", "my-app-canary"]);
    },
  },
  {
    name: "in-cluster gRPC: a plain ClusterIP pins calls to one Pod, headless allows client-side balancing",
    input: { clients: "IN_CLUSTER", protocols: ["GRPC"] },
    best: ["HEADLESS_SERVICE", "GATEWAY_GRPC_ROUTE"],
    check: (docs, r) => {
      const clusterIp = r.alternatives.find((a) => a.option === "CLUSTER_IP");
      expect(clusterIp?.reasons.some((x) => /per connection/.test(x.text))).toBe(true);
      if (r.best.option === "HEADLESS_SERVICE") expect(service(docs).spec.clusterIP).toBe("None");
    },
  },
  {
    name: "a ClusterIP chosen for gRPC carries the connection-pinning warning",
    input: { clients: "LOCAL_DEVELOPER", protocols: ["GRPC"], environment: "LOCAL" },
    best: "CLUSTER_IP",
    warnings: [/per connection|connections, not requests/],
  },
  {
    name: "external gRPC with method routing uses a GRPCRoute",
    input: { clients: "INTERNET", protocols: ["GRPC"], routing: ["GRPC_METHOD"] },
    best: "GATEWAY_GRPC_ROUTE",
    rejected: { INGRESS: /gRPC/, GATEWAY_HTTP_ROUTE: /GRPCRoute/ },
    check: (docs) => {
      const route = one(docs, "GRPCRoute");
      expect(route.apiVersion).toBe("gateway.networking.k8s.io/v1");
      expect(route.spec.rules[0].matches[0].method.service).toBeTruthy();
    },
  },
  {
    name: "preserving the client IP sets externalTrafficPolicy: Local and warns that it drops traffic",
    input: { clients: "INTERNET", protocols: ["TCP"], preserveClientIp: true },
    best: "LOAD_BALANCER",
    warnings: [/drops traffic.*health-check node port/],
    check: (docs) => expect(service(docs).spec.externalTrafficPolicy).toBe("Local"),
  },
  {
    name: "a developer on a laptop uses ClusterIP plus kubectl port-forward",
    input: { clients: "LOCAL_DEVELOPER", environment: "LOCAL" },
    best: "CLUSTER_IP",
    check: (docs, r) => {
      expect(r.best.conceptSlug).toBe("kubectl-port-forward");
      expect(r.best.reasons.some((x) => /port-forward.*TCP only.*one Pod/.test(x.text))).toBe(true);
      expect(service(docs).spec.type).toBe("ClusterIP");
    },
  },
  {
    name: "port-forward carries TCP only, so UDP from a laptop needs a node port",
    input: { clients: "LOCAL_DEVELOPER", protocols: ["UDP"], environment: "LOCAL" },
    best: "NODE_PORT",
    rejected: { CLUSTER_IP: /Only TCP/, LOAD_BALANCER: /kind.*minikube/ },
  },
  {
    name: "our own F5/HAProxy in front of the nodes means NodePort",
    input: { clients: "INTERNET", protocols: ["TCP"], environment: "BARE_METAL", loadBalancer: "EXTERNAL_APPLIANCE" },
    best: "NODE_PORT",
    check: (docs, r) => {
      expect(r.best.reasons[0]!.text).toMatch(/your own load balancer/);
      expect(service(docs).spec.type).toBe("NodePort");
    },
  },
  {
    name: "private-network clients on a cloud get an internal LoadBalancer with the provider annotations",
    input: { clients: "PRIVATE_NETWORK", protocols: ["TCP"], environment: "CLOUD" },
    best: "LOAD_BALANCER",
    warnings: [/provider-specific/],
    check: (docs) => {
      expect(service(docs).metadata.annotations).toEqual({
        "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
        "networking.gke.io/load-balancer-type": "Internal",
        "service.beta.kubernetes.io/azure-load-balancer-internal": "true",
      });
    },
  },
  {
    name: "TLS passthrough by SNI for several services uses a TLSRoute",
    input: { clients: "INTERNET", protocols: ["TLS"], tls: "PASSTHROUGH", routing: ["SNI"], exposedServices: 3 },
    best: "GATEWAY_TLS_ROUTE",
    rejected: { INGRESS: /.+/, GATEWAY_HTTP_ROUTE: /.+/ },
    warnings: [/v1\.5\.0/],
    check: (docs) => {
      expect(one(docs, "Gateway").spec.listeners[0]).toMatchObject({ protocol: "TLS", port: 443, tls: { mode: "Passthrough" } });
      expect(one(docs, "TLSRoute")).toMatchObject({ apiVersion: "gateway.networking.k8s.io/v1", spec: { hostnames: ["my-app.example.com"] } });
    },
  },
  {
    name: "one TLS-passthrough service can also use an L4 LoadBalancer",
    input: { clients: "INTERNET", protocols: ["TLS"], tls: "PASSTHROUGH" },
    best: ["LOAD_BALANCER", "GATEWAY_TLS_ROUTE"],
    alternatives: [],
    rejected: { INGRESS: /.+/ },
    check: (_docs, r) => {
      const options = [r.best.option, ...r.alternatives.map((a) => a.option)];
      expect(options).toEqual(expect.arrayContaining(["LOAD_BALANCER", "GATEWAY_TLS_ROUTE"]));
    },
  },
  {
    name: "several cheap TCP services share one Gateway through TCPRoutes",
    input: { clients: "INTERNET", protocols: ["TCP"], exposedServices: 5, minimizeCost: true },
    best: "GATEWAY_TCP_ROUTE",
    rejected: { INGRESS: /arbitrary ports/ },
    warnings: [/v1\.6\.0/],
    check: (docs) => {
      expect(one(docs, "Gateway").spec.listeners[0]).toMatchObject({ protocol: "TCP" });
      expect(one(docs, "TCPRoute").spec.hostnames).toBeUndefined();
    },
  },
  {
    name: "several UDP services behind one address use UDPRoutes",
    input: { clients: "INTERNET", protocols: ["UDP"], exposedServices: 6, minimizeCost: true },
    best: "GATEWAY_UDP_ROUTE",
    rejected: { GATEWAY_TCP_ROUTE: /UDP/ },
    check: (docs) => expect(one(docs, "UDPRoute").apiVersion).toBe("gateway.networking.k8s.io/v1"),
  },
  {
    name: "StatefulSet peers need a headless Service",
    input: { clients: "IN_CLUSTER", protocols: ["TCP"], perPodAddressing: true },
    best: "HEADLESS_SERVICE",
    rejected: { CLUSTER_IP: /.+/ },
    check: (docs) => expect(service(docs).spec).toMatchObject({ type: "ClusterIP", clusterIP: "None", selector: { "app.kubernetes.io/name": "my-app" } }),
  },
  {
    name: "same-node-only traffic uses internalTrafficPolicy: Local and warns that it drops",
    input: { clients: "IN_CLUSTER", locality: "SAME_NODE_ONLY" },
    best: "CLUSTER_IP",
    warnings: [/drops traffic.*PreferSameNode/],
    check: (docs) => expect(service(docs).spec.internalTrafficPolicy).toBe("Local"),
  },
  {
    name: "prefer-same-node on a current cluster uses trafficDistribution: PreferSameNode",
    input: { clients: "IN_CLUSTER", locality: "PREFER_SAME_NODE" },
    best: "CLUSTER_IP",
    check: (docs) => {
      expect(service(docs).spec.trafficDistribution).toBe("PreferSameNode");
      expect(service(docs).spec.internalTrafficPolicy).toBeUndefined();
    },
  },
  {
    name: "prefer-same-zone on 1.32 falls back to PreferClose",
    input: { clients: "IN_CLUSTER", locality: "PREFER_SAME_ZONE", kubernetesVersion: "1.32" },
    best: "CLUSTER_IP",
    warnings: [/PreferSameZone is not enabled by default before Kubernetes 1\.34.*PreferClose/],
    check: (docs) => expect(service(docs).spec.trafficDistribution).toBe("PreferClose"),
  },
  {
    name: "prefer-same-node on 1.29 has no trafficDistribution at all",
    input: { clients: "IN_CLUSTER", locality: "PREFER_SAME_NODE", kubernetesVersion: "1.29" },
    best: "CLUSTER_IP",
    warnings: [/before Kubernetes 1\.31.*left out/],
    check: (docs) => expect(service(docs).spec.trafficDistribution).toBeUndefined(),
  },
  {
    name: "a static IP on bare metal with MetalLB: no loadBalancerIP, no externalIPs",
    input: { clients: "INTERNET", protocols: ["UDP"], environment: "BARE_METAL", loadBalancer: "BARE_METAL_IMPLEMENTATION", staticExternalIp: true },
    best: "LOAD_BALANCER",
    warnings: [/loadBalancerIP.*deprecated since Kubernetes 1\.24/, /externalIPs.*deprecated since Kubernetes 1\.36/],
    check: (docs) => {
      expect(service(docs).spec.loadBalancerIP).toBeUndefined();
      expect(service(docs).spec.externalIPs).toBeUndefined();
    },
  },
  {
    name: "LoadBalancer fields: dual-stack, affinity, source ranges, class and no node ports",
    input: { clients: "INTERNET", protocols: ["TCP"], dualStack: true, stickySessions: true, allowedSourceRanges: ["203.0.113.0/24"], loadBalancerClass: "example.com/lb", noNodePorts: true },
    best: "LOAD_BALANCER",
    rejected: { NODE_PORT: /node port/ },
    warnings: [/immutable|cannot be changed/, /straight to Pods/, /dual-stack cluster/],
    check: (docs) =>
      expect(service(docs).spec).toMatchObject({
        type: "LoadBalancer",
        ipFamilyPolicy: "PreferDualStack",
        ipFamilies: ["IPv4", "IPv6"],
        sessionAffinity: "ClientIP",
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        loadBalancerSourceRanges: ["203.0.113.0/24"],
        loadBalancerClass: "example.com/lb",
        allocateLoadBalancerNodePorts: false,
      }),
  },
  {
    name: "loadBalancerClass is left out before 1.22",
    input: { clients: "INTERNET", protocols: ["TCP"], loadBalancerClass: "example.com/lb", kubernetesVersion: "1.21" },
    best: "LOAD_BALANCER",
    warnings: [/loadBalancerClass.*1\.22/],
    check: (docs) => expect(service(docs).spec.loadBalancerClass).toBeUndefined(),
  },
  {
    name: "mixed TCP and UDP in one LoadBalancer before 1.24 is warned about",
    input: { clients: "INTERNET", protocols: ["UDP", "TCP"], kubernetesVersion: "1.23" },
    best: "LOAD_BALANCER",
    warnings: [/both TCP and UDP.*1\.24/],
    check: (docs) => expect(service(docs).spec.ports.map((p: Doc) => [p.name, p.protocol])).toEqual([["udp", "UDP"], ["tcp", "TCP"]]),
  },
  {
    name: "a LoadBalancer on kind or minikube stays pending",
    input: { clients: "INTERNET", protocols: ["TCP"], environment: "LOCAL" },
    best: ["NODE_PORT", "GATEWAY_TCP_ROUTE"],
    rejected: { LOAD_BALANCER: /cloud-provider-kind.*minikube tunnel/ },
  },
  {
    name: "allowedSourceRanges for in-cluster clients is odd: warned, not applied",
    input: { clients: "IN_CLUSTER", allowedSourceRanges: ["10.0.0.0/8"] },
    best: "CLUSTER_IP",
    warnings: [/no effect for these clients/, /only to type LoadBalancer/],
    check: (docs) => expect(service(docs).spec.loadBalancerSourceRanges).toBeUndefined(),
  },
  {
    name: "HTTPS with TLS termination for several teams uses a Gateway HTTPS listener",
    input: { clients: "INTERNET", protocols: ["HTTPS"], tls: "TERMINATE_AT_EDGE", exposedServices: 3, multiTenantRouting: true },
    best: "GATEWAY_HTTP_ROUTE",
    check: (docs) =>
      expect(one(docs, "Gateway").spec.listeners[0]).toMatchObject({
        protocol: "HTTPS",
        port: 443,
        tls: { mode: "Terminate", certificateRefs: [{ name: "my-app-tls" }] },
        allowedRoutes: { namespaces: { from: "Selector" } },
      }),
  },
  {
    name: "a fixed cluster IP and sticky sessions on a ClusterIP Service",
    input: { clients: "IN_CLUSTER", fixedClusterIp: "10.96.0.50", stickySessions: true },
    best: "CLUSTER_IP",
    check: (docs) => expect(service(docs).spec).toMatchObject({ clusterIP: "10.96.0.50", sessionAffinity: "ClientIP" }),
  },
  {
    name: "SCTP to the internet: LoadBalancer, with the provider caveat",
    input: { clients: "INTERNET", protocols: ["SCTP"] },
    best: "LOAD_BALANCER",
    rejected: { INGRESS: /.+/, GATEWAY_TCP_ROUTE: /.+/ },
    warnings: [/SCTP/],
    check: (docs) => expect(service(docs).spec.ports[0].protocol).toBe("SCTP"),
  },
];

describe("recommendations for documented situations (real content)", () => {
  const { knowledge, rules } = loadReal();

  it("has at least 30 situations", () => expect(SITUATIONS.length).toBeGreaterThanOrEqual(30));

  it("rules cite only sources, concepts and dimensions the knowledge base has", () => {
    expect(ruleSourceProblems(rules, knowledge)).toEqual([]);
  });

  it.each(SITUATIONS.map((s) => [s.name, s] as const))("%s", (_name, s) => {
    const r = recommend(s.input, knowledge, rules);
    const bests = typeof s.best === "string" ? [s.best] : s.best;
    expect(bests, `best was ${r.best.option}; rejected: ${JSON.stringify(r.rejected.map((x) => x.option))}`).toContain(r.best.option);
    for (const alt of s.alternatives ?? []) expect(r.alternatives.map((a) => a.option)).toContain(alt);
    for (const [option, pattern] of Object.entries(s.rejected ?? {})) {
      const rejection = r.rejected.find((x) => x.option === option);
      expect(rejection, `${option} should be rejected`).toBeDefined();
      expect(rejection!.reason).toMatch(pattern);
      expect(rejection!.sources.length).toBeGreaterThan(0);
      for (const source of rejection!.sources) expect(source.url).toMatch(/^https:\/\/(kubernetes\.io|gateway-api\.sigs\.k8s\.io|metallb\.universe\.tf|kind\.sigs\.k8s\.io|minikube\.sigs\.k8s\.io)\//);
    }
    for (const pattern of s.warnings ?? []) expect(r.warnings.join("\n")).toMatch(pattern);
    for (const w of r.warnings) expect(w, "every warning cites a page").toMatch(/https:\/\/|^No option meets/);
    for (const option of [r.best, ...r.alternatives]) {
      expectSettingsInManifest(option);
      for (const reason of option.reasons) expect(reason.sources.length).toBeGreaterThan(0);
    }
    expect(r.summary).not.toMatch(/[`*#]/);
    expect(r.summary.split(/(?<=\.)\s+(?=[A-Z])/).length).toBeLessThanOrEqual(3);
    s.check?.(docsOf(r.best.manifest), r);
  });
});

describe("default ports follow what the backend speaks", () => {
  const { knowledge, rules } = loadReal();
  const servicePorts = (input: RequirementsInput, option?: string) => {
    const r = recommend(input, knowledge, rules);
    const chosen = option ? [r.best, ...r.alternatives].find((o) => o.option === option)! : r.best;
    return one(docsOf(chosen.manifest), "Service").spec.ports;
  };

  it.each([
    ["plain HTTP", { clients: "IN_CLUSTER" }, undefined, { name: "http", port: 80, targetPort: 8080 }],
    ["HTTPS served by the Pods", { clients: "INTERNET", protocols: ["HTTPS"] }, "LOAD_BALANCER", { name: "https", port: 443, targetPort: 8443 }],
    ["TLS passed through to the Pods", { clients: "INTERNET", protocols: ["TLS"], tls: "PASSTHROUGH" }, "LOAD_BALANCER", { name: "tls", port: 443, targetPort: 8443 }],
    ["HTTPS terminated at the edge: HTTP behind it", { clients: "INTERNET", protocols: ["HTTPS"], tls: "TERMINATE_AT_EDGE", routing: ["PATH"] }, "GATEWAY_HTTP_ROUTE", { name: "http", port: 80, targetPort: 8080 }],
    ["HTTP and HTTPS together", { clients: "IN_CLUSTER", protocols: ["HTTP", "HTTPS"] }, undefined, { name: "http", port: 80, targetPort: 8080 }],
    ["ports given by the caller win", { clients: "INTERNET", protocols: ["HTTPS"], servicePort: 8443, targetPort: 9443 }, "LOAD_BALANCER", { name: "https", port: 8443, targetPort: 9443 }],
  ] as const)("%s", (_, input, option, expected) => {
    expect(servicePorts(input as RequirementsInput, option)).toEqual([{ protocol: "TCP", ...expected }]);
  });
});
