// Plain-English questions to requirements: what is understood, what is assumed, what is left over.
import { describe, expect, it } from "vitest";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { DomainError } from "../../src/domain/errors.js";
import { interpretQuestion, recommendFromQuestion, type RequirementsInput } from "../../src/domain/recommend/index.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";

interface Case {
  readonly question: string;
  /** Fields that must be read exactly so. */
  readonly expected: Partial<RequirementsInput>;
  /** Fields that must stay unset (not guessed). */
  readonly absent?: readonly (keyof RequirementsInput)[];
  readonly assumption?: RegExp;
  readonly unrecognized?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    question: "expose 12 HTTP microservices on AWS under one domain",
    expected: { clients: "INTERNET", protocols: ["HTTP"], exposedServices: 12, environment: "CLOUD", routing: ["HOST", "PATH"] },
    unrecognized: [],
  },
  {
    question: "our database is only reachable at 10.1.2.3",
    expected: { clients: "IN_CLUSTER", protocols: ["TCP"], backend: "EXTERNAL_IP", externalIp: "10.1.2.3" },
    absent: ["kubernetesVersion", "allowedSourceRanges"],
    unrecognized: [],
  },
  {
    question: "bare metal, no load balancer, UDP game server",
    expected: { environment: "BARE_METAL", loadBalancer: "NONE", protocols: ["UDP"], clients: "INTERNET" },
    assumption: /outside the cluster/,
  },
  { question: "keep the client IP", expected: { preserveClientIp: true }, assumption: /HTTP is assumed/ },
  { question: "gRPC backend with canary weights on GKE", expected: { protocols: ["GRPC"], routing: ["WEIGHTED_SPLIT"], environment: "CLOUD" } },
  { question: "StatefulSet peers must reach each other", expected: { perPodAddressing: true, clients: "IN_CLUSTER" } },
  { question: "reach my web app from my laptop on minikube", expected: { clients: "LOCAL_DEVELOPER", environment: "LOCAL", protocols: ["HTTP"] } },
  { question: "test it on a kind cluster", expected: { environment: "LOCAL" } },
  { question: "what kind of Service do I need for Redis?", expected: { protocols: ["TCP"] }, absent: ["environment"] },
  { question: "internal service for our VPC on port 5432 on 1.29", expected: { clients: "PRIVATE_NETWORK", servicePort: 5432, kubernetesVersion: "1.29" } },
  { question: "we run MetalLB on bare metal with Kubernetes v1.30.4", expected: { loadBalancer: "BARE_METAL_IMPLEMENTATION", environment: "BARE_METAL", kubernetesVersion: "1.30" } },
  { question: "our EKS cluster", expected: { environment: "CLOUD" } },
  { question: "AKS in Azure", expected: { environment: "CLOUD" } },
  { question: "Google Cloud", expected: { environment: "CLOUD" } },
  { question: "call api.stripe.com from pods in the payments namespace", expected: { backend: "EXTERNAL_HOSTNAME", externalHostname: "api.stripe.com", namespace: "payments", clients: "IN_CLUSTER" } },
  { question: "postgres in another namespace", expected: { backend: "OTHER_NAMESPACE_SERVICE", protocols: ["TCP"], clients: "IN_CLUSTER" }, absent: ["namespace"] },
  {
    question: "expose a DNS server on port 53 with a static IP, only allow 203.0.113.0/24",
    expected: { clients: "INTERNET", protocols: ["UDP", "TCP"], servicePort: 53, staticExternalIp: true, allowedSourceRanges: ["203.0.113.0/24"], standardPorts: true },
    absent: ["externalIp"],
  },
  { question: "Kafka with TLS passthrough routed by SNI", expected: { protocols: ["TCP"], tls: "PASSTHROUGH", routing: ["SNI"] } },
  { question: "HTTP/1.1 traffic split 90% to v1 and 10% to v2", expected: { protocols: ["HTTP"], routing: ["WEIGHTED_SPLIT"] }, absent: ["kubernetesVersion"] },
  { question: "route by header to the public API with sticky sessions", expected: { routing: ["HEADER"], stickySessions: true, clients: "INTERNET" } },
  { question: "dual-stack IPv6 service without node ports", expected: { dualStack: true, noNodePorts: true } },
  { question: "our F5 sits in front of the nodes and forwards TCP", expected: { loadBalancer: "EXTERNAL_APPLIANCE", protocols: ["TCP"] } },
  { question: "keep traffic in the same zone", expected: { locality: "PREFER_SAME_ZONE" } },
  { question: "only the same node, never cross nodes", expected: { locality: "SAME_NODE_ONLY" } },
  { question: "port 80 to 8080 for a website, as cheap as possible", expected: { servicePort: 80, targetPort: 8080, minimizeCost: true, protocols: ["HTTP"] } },
  { question: "several teams share one gateway with TLS termination", expected: { multiTenantRouting: true, tls: "TERMINATE_AT_EDGE" } },
  { question: "Gateway API 1.5 TLSRoute", expected: {}, absent: ["kubernetesVersion"] },
  { question: "expose the flux capacitor via quantum tunnelling", expected: { clients: "INTERNET" }, unrecognized: ["flux", "capacitor", "quantum", "tunnelling"] },
];

describe("interpretQuestion", () => {
  it.each(CASES.map((c) => [c.question, c] as const))("%s", (_q, c) => {
    const result = interpretQuestion(c.question);
    expect(result.requirements).toMatchObject(c.expected);
    for (const field of c.absent ?? []) expect(result.requirements[field], field).toBeUndefined();
    if (c.assumption) expect(result.assumptions.join("\n")).toMatch(c.assumption);
    if (c.unrecognized) expect(result.unrecognized).toEqual(c.unrecognized);
  });

  it("always names the clients and says what it assumed about missing facts", () => {
    const result = interpretQuestion("which Service should I use?");
    expect(result.requirements.clients).toBe("IN_CLUSTER");
    expect(result.assumptions).toEqual(
      expect.arrayContaining([expect.stringMatching(/clients/), expect.stringMatching(/HTTP is assumed/), expect.stringMatching(/Kubernetes version/)]),
    );
  });

  it("is deterministic", () => {
    const q = "expose 3 gRPC services on GKE with header routing";
    expect(interpretQuestion(q)).toEqual(interpretQuestion(q));
  });

  it.each([
    ["empty", "   "],
    ["over 500 characters", "x".repeat(501)],
  ])("rejects a question that is %s", (_name, question) => {
    let error: unknown;
    try {
      interpretQuestion(question);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "question" });
  });
});

describe("recommendFromQuestion", () => {
  const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
  const rules = knowledge.recommendationRules;

  it.each([
    ["expose 12 HTTP microservices on AWS under one domain", "GATEWAY_HTTP_ROUTE"],
    ["our database is only reachable at 10.1.2.3", "SELECTORLESS_SERVICE"],
    ["bare metal, no load balancer, UDP game server", "NODE_PORT"],
    ["StatefulSet peers must reach each other over TCP", "HEADLESS_SERVICE"],
    ["reach my web app from my laptop on minikube", "CLUSTER_IP"],
  ])("%s -> %s", (question, best) => {
    const { requirements, recommendation } = recommendFromQuestion(question, knowledge, rules);
    expect(recommendation.best.option).toBe(best);
    // Requirements come back complete, with defaults applied, plus what was assumed.
    expect(requirements.kubernetesVersion).toMatch(/^1\.\d+$/);
    expect(requirements.protocols.length).toBeGreaterThan(0);
    expect(Array.isArray(requirements.assumptions)).toBe(true);
    expect(Array.isArray(requirements.unrecognized)).toBe(true);
  });
});
