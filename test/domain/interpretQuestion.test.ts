// Plain-English questions to requirements: what is understood, what is assumed, what is left over.
import { describe, expect, it } from "vitest";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { checkInterpretation } from "../../src/content/interpretationSchema.js";
import { DomainError } from "../../src/domain/errors.js";
import { interpretQuestion as interpret, recommend, recommendFromQuestion, type RequirementsInput } from "../../src/domain/recommend/index.js";
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

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
const rules = knowledge.recommendationRules;
const entries = knowledge.documents.interpretation;
const interpretQuestion = (question: string) => interpret(question, entries);

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
  // Kafka over TLS is "TLS that is not HTTP" (protocol TLS), not plain TCP: the old reading dropped the TLS.
  { question: "Kafka with TLS passthrough routed by SNI", expected: { protocols: ["TLS"], tls: "PASSTHROUGH", routing: ["SNI"] } },
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

describe("negation and its scope", () => {
  it.each<[string, Partial<RequirementsInput>, (keyof RequirementsInput)[]?]>([
    ["we cannot run a load balancer", { loadBalancer: "NONE" }],
    ["node ports are not allowed here", { noNodePorts: true }],
    ["NodePort isn't allowed", { noNodePorts: true }],
    ["no load balancer or node ports", { loadBalancer: "NONE", noNodePorts: true }],
    // "but" ends the scope: "never" governs "drop requests", not "save money".
    ["keep traffic in the zone to save money, but never drop requests", { locality: "PREFER_SAME_ZONE", minimizeCost: true, clients: "IN_CLUSTER" }],
    // The negation governs the nearest phrase: the microservices are not avoided, cross-zone traffic is.
    ["avoid cross-zone traffic between our microservices", { locality: "PREFER_SAME_ZONE", clients: "IN_CLUSTER" }],
    // A cue inside a phrase negates what the phrase says.
    ["the load balancer must not decrypt traffic", { tls: "PASSTHROUGH" }],
    ["we forbid node ports and need UDP", { noNodePorts: true, protocols: ["UDP"] }],
    // Looks like negation, is not.
    ["not only HTTP but also gRPC", { protocols: ["HTTP", "GRPC"] }],
    ["without TLS", { tls: "NONE" }],
    ["sticky sessions are not needed", { stickySessions: false }],
    ["cost is not a concern, public TCP service on EKS", { minimizeCost: false, clients: "INTERNET", environment: "CLOUD" }],
    ["must never be reachable from the internet, only from the office", { clients: "PRIVATE_NETWORK" }],
    ["we don't run on a cloud, it's our own hardware", { environment: "BARE_METAL" }],
  ])("%s", (question, expected, absent = []) => {
    const { requirements } = interpretQuestion(question);
    expect(requirements).toMatchObject(expected);
    for (const field of absent) expect(requirements[field], field).toBeUndefined();
  });

  it("reads doubt as unknown, not as a yes or a no", () => {
    const result = interpretQuestion("not sure if we have a load balancer on our bare metal cluster");
    expect(result.requirements.loadBalancer).toBeUndefined();
    expect(result.fields.get("loadBalancer")!.settlement).toBe("UNSURE");
  });
});

describe("situations described instead of named", () => {
  it.each<[string, Partial<RequirementsInput>]>([
    ["a reporting tool running outside the cluster", { clients: "PRIVATE_NETWORK" }],
    ["partners connect from their own networks", { clients: "INTERNET" }],
    ["VMs next to the cluster", { clients: "PRIVATE_NETWORK" }],
    ["the infrastructure team runs the shared entry point and each product team publishes its own paths", { multiTenantRouting: true, routing: ["PATH"] }],
    ["the application pod checks client certificates itself", { tls: "PASSTHROUGH", protocols: ["HTTPS"] }],
    ["keep the address we already announce", { staticExternalIp: true }],
    ["the IP we used to put in externalIPs", { staticExternalIp: true }],
    ["my LoadBalancer Service stays pending", { loadBalancer: "NONE" }],
  ])("%s", (question, expected) => {
    expect(interpretQuestion(question).requirements).toMatchObject(expected);
  });
});

describe("vocabulary is data", () => {
  it("reads a new phrasing once it is added to the content, without code", () => {
    const phrase = "bifrost bridge";
    expect(interpretQuestion(`traffic over the ${phrase}`).requirements.protocols).toBeUndefined();
    const extended = [...entries, { kind: "PHRASE" as const, id: "test-bifrost", patterns: [phrase], means: { protocols: ["UDP"] } }];
    expect(interpret(`traffic over the ${phrase}`, extended).requirements.protocols).toEqual(["UDP"]);
    expect(interpret(`traffic over no ${phrase}`, extended).requirements.protocols).toBeUndefined();
  });

  it("the content check names a bad field value, an unknown macro and a broken question", () => {
    const problems = checkInterpretation(
      [
        ...entries,
        { kind: "PHRASE", id: "bad-value", patterns: ["x"], means: { clients: "MARS" } },
        { kind: "PHRASE", id: "bad-macro", patterns: ["@nowhere"], means: { dualStack: true } },
        { kind: "QUESTION", id: "bad-question", field: "tls", question: "?", options: [{ value: "NONE", answer: "a", sets: { tls: "PASSTHROUGH" } }, { value: "X", answer: "b", sets: { tls: "X" } }] },
      ],
      knowledge,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad-value.*unknown value "MARS"/),
        expect.stringMatching(/bad-macro.*unknown macro "@nowhere"/),
        expect.stringMatching(/bad-question.*option "NONE" must set tls: NONE/),
        expect.stringMatching(/bad-question.*option value "X" is not a tls value/),
      ]),
    );
    expect(checkInterpretation(entries, knowledge)).toEqual([]);
  });
});

describe("clarifying questions", () => {
  it("asks who connects when nobody is named, with what each answer would recommend", () => {
    const { clarifyingQuestions, recommendation } = recommendFromQuestion("which Service should I use for my API?", knowledge, rules);
    const who = clarifyingQuestions.find((q) => q.field === "clients");
    expect(who).toBeDefined();
    expect(who!.reason).toBe("UNKNOWN");
    expect(who!.options.map((o) => o.value)).toEqual(["IN_CLUSTER", "PRIVATE_NETWORK", "INTERNET", "LOCAL_DEVELOPER"]);
    // The assumed answer is the one the recommendation was made for.
    const assumed = who!.options.filter((o) => o.assumed);
    expect(assumed.map((o) => o.recommendedOption)).toEqual([recommendation.best.option]);
    expect(new Set(who!.options.map((o) => o.recommendedOption)).size).toBeGreaterThan(1);
  });

  it("each option's outcome is the engine's answer for the question's reading plus that answer", () => {
    const question = "expose 5 HTTPS APIs";
    const interpreted = interpret(question, entries);
    const { clarifyingQuestions } = recommendFromQuestion(question, knowledge, rules);
    expect(clarifyingQuestions.length).toBeGreaterThan(1);
    for (const q of clarifyingQuestions) {
      for (const o of q.options) {
        const sets = Object.fromEntries(o.sets.map((s) => [s.field, s.value]));
        expect(recommend({ ...interpreted.requirements, ...sets }, knowledge, rules).best.option, `${q.field}=${o.value}`).toBe(o.recommendedOption);
      }
    }
  });

  it("does not offer answers the question ruled out, and says when it contradicts itself", () => {
    const never = recommendFromQuestion("this must never be reachable from the internet", knowledge, rules).clarifyingQuestions.find((q) => q.field === "clients");
    expect(never!.options.map((o) => o.value)).not.toContain("INTERNET");
    const both = recommendFromQuestion("a public service that must never be reachable from the internet", knowledge, rules);
    expect(both.clarifyingQuestions.find((q) => q.field === "clients")!.reason).toBe("CONTRADICTORY");
    // Until it is settled, the safer reading is used.
    expect(both.requirements.clients).not.toBe("INTERNET");
  });

  it("asks nothing when every answer leads to the same recommendation", () => {
    const { clarifyingQuestions } = recommendFromQuestion("StatefulSet peers must reach each other over TCP", knowledge, rules);
    expect(clarifyingQuestions).toEqual([]);
  });

  it("is deterministic", () => {
    const q = "expose 5 HTTPS services";
    expect(JSON.stringify(recommendFromQuestion(q, knowledge, rules).clarifyingQuestions)).toBe(JSON.stringify(recommendFromQuestion(q, knowledge, rules).clarifyingQuestions));
  });
});
