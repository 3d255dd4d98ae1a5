// ask(): questions in people's own words, each with the kind of answer and a concept it must use.
// The answer is composed from the knowledge base only: at most three plain sentences, cited.
import { describe, expect, it } from "vitest";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { ask, type AnswerKind } from "../../src/domain/ask/index.js";
import { DomainError } from "../../src/domain/errors.js";
import { buildSearchIndex } from "../../src/domain/search/search.js";
import { sentences } from "../../src/domain/search/tokenize.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";
import { isOfficialSource } from "../helpers/officialSources.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
const index = buildSearchIndex(knowledge);


/** [question, kind of answer, a concept the answer must use] */
const QUESTIONS: readonly (readonly [string, AnswerKind, string])[] = [
  // What to use: the recommender answers.
  ["Which Service type should I use for a UDP game server on bare metal?", "RECOMMENDATION", "node-port"],
  ["How do I expose 12 HTTP microservices on AWS under one domain?", "RECOMMENDATION", "httproute"],
  ["What should I use to reach a database outside the cluster at db.example.com?", "RECOMMENDATION", "external-name"],
  ["Can you recommend a way to expose a gRPC API to the internet?", "RECOMMENDATION", "grpcroute"],
  ["How can I reach a pod from my laptop?", "RECOMMENDATION", "kubectl-port-forward"],
  // Comparisons.
  ["Ingress vs Gateway API", "COMPARISON", "gateway-api"],
  ["What's the difference between ClusterIP and NodePort?", "COMPARISON", "node-port"],
  ["compare iptables mode with IPVS mode", "COMPARISON", "ipvs-proxy-mode"],
  ["How does Endpoints compare with EndpointSlice?", "COMPARISON", "endpoint-slice"],
  ["What is the difference between port and targetPort?", "COMPARISON", "target-port"],
  ["Should I use Ingress or Gateway API?", "COMPARISON", "ingress"],
  // Definitions.
  ["What is a headless Service?", "DEFINITION", "headless-service"],
  ["explain externalTrafficPolicy", "DEFINITION", "external-traffic-policy"],
  ["What does kube-proxy do?", "DEFINITION", "kube-proxy"],
  ["svc", "DEFINITION", "service"],
  ["What is MetalLB?", "DEFINITION", "metallb"],
  // Versions.
  ["When was EndpointSlice added?", "LIFECYCLE", "endpoint-slice"],
  ["Which Kubernetes version added trafficDistribution?", "LIFECYCLE", "traffic-distribution"],
  ["Is IPVS deprecated?", "LIFECYCLE", "ipvs-proxy-mode"],
  ["Is the nftables proxy mode available in 1.30?", "LIFECYCLE", "nftables-proxy-mode"],
  ["when did HTTPRoute become GA", "LIFECYCLE", "httproute"],
  // Anything else: search.
  ["why is my LoadBalancer EXTERNAL-IP pending", "SEARCH", "metallb"],
  ["pods see node ip instead of real client ip", "SEARCH", "source-nat"],
  ["grpc requests all go to one pod", "SEARCH", "grpc-load-balancing"],
  ["can a NodePort use port 80", "SEARCH", "node-port"],
];

describe("ask", () => {
  describe.each(QUESTIONS)("%s", (question, kind, slug) => {
    const answer = ask(question, knowledge, index);

    it(`answers as ${kind} using ${slug}`, () => {
      expect(answer.kind).toBe(kind);
      expect(answer.conceptSlugs).toContain(slug);
      for (const s of answer.conceptSlugs) expect(knowledge.conceptsBySlug.has(s)).toBe(true);
    });

    it("says it in at most three plain sentences", () => {
      expect(answer.text.length).toBeGreaterThan(20);
      expect(sentences(answer.text).length).toBeLessThanOrEqual(3);
      expect(answer.text).not.toMatch(/\*\*|`|^#|\]\(/m);
    });

    it("cites official pages, each once", () => {
      expect(answer.sources.length).toBeGreaterThan(0);
      for (const source of answer.sources) expect(isOfficialSource(source.url), source.url).toBe(true);
      expect(new Set(answer.sources.map((s) => s.url)).size).toBe(answer.sources.length);
    });

    it("sets a recommendation exactly for what-to-use questions", () => {
      if (kind === "RECOMMENDATION") {
        expect(answer.recommendation).not.toBeNull();
        expect(answer.text).toContain(sentences(answer.recommendation!.recommendation.summary)[0]!.replace(/\*\*|`/g, ""));
      } else {
        expect(answer.recommendation).toBeNull();
      }
    });

    it("suggests two to four follow-up questions that ask() can answer", () => {
      expect(answer.followUps.length).toBeGreaterThanOrEqual(2);
      expect(answer.followUps.length).toBeLessThanOrEqual(4);
      expect(new Set(answer.followUps).size).toBe(answer.followUps.length);
      for (const followUp of answer.followUps) {
        expect(followUp).toMatch(/\?$/);
        expect(ask(followUp, knowledge, index).kind, followUp).not.toBe("NONE");
      }
    });
  });

  it("answers a comparison from the comparison's statements and capability rows", () => {
    const answer = ask("Endpoints vs EndpointSlice", knowledge, index);
    const statement = knowledge.comparisons.find(
      (f) => [f.leftSlug, f.rightSlug].sort().join() === ["endpoint-slice", "endpoints"].join(),
    );
    expect(statement).toBeDefined();
    expect(answer.text).toContain(sentences(statement!.statement)[0]);
  });

  it("answers a definition with the concept's summary", () => {
    const concept = knowledge.conceptsBySlug.get("headless-service")!;
    expect(ask("What is a headless Service?", knowledge, index).text).toBe(sentences(concept.summary).join(" "));
  });

  it("gives the stage at a version named in the question", () => {
    expect(ask("Is the nftables proxy mode available in 1.30?", knowledge, index).text).toMatch(/^At Kubernetes 1\.30, nftables proxy mode is alpha\./);
    expect(ask("Was trafficDistribution available in 1.28?", knowledge, index).text).toMatch(/did not exist yet in Kubernetes 1\.28/);
  });

  it("says so when nothing matches, without sources", () => {
    const answer = ask("purple elephants dancing", knowledge, index);
    expect(answer.kind).toBe("NONE");
    expect(answer.sources).toEqual([]);
    expect(answer.conceptSlugs).toEqual([]);
    expect(answer.followUps.length).toBeGreaterThanOrEqual(2);
  });

  it("is deterministic", () => {
    for (const [question] of QUESTIONS) expect(ask(question, knowledge, index)).toEqual(ask(question, knowledge, index));
  });

  it.each([
    ["", /empty/],
    ["   \n\t ", /empty/],
    ["x".repeat(501), /500/],
  ])("rejects %j as BAD_USER_INPUT on field question", (question, message) => {
    let error: unknown;
    try {
      ask(question, knowledge, index);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("BAD_USER_INPUT");
    expect((error as DomainError).field).toBe("question");
    expect((error as DomainError).message).toMatch(message);
  });

  it("accepts exactly 500 characters", () => {
    const question = "What is a headless Service? ".repeat(20).slice(0, 500);
    expect(question).toHaveLength(500);
    expect(() => ask(question, knowledge, index)).not.toThrow();
  });
});
