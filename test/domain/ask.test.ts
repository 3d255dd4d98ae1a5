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
  ["Which option should I use to reach a pod from my laptop?", "RECOMMENDATION", "kubectl-port-forward"],
  ["How can I reach a pod from my laptop?", "HOW_TO", "kubectl-port-forward"],
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
  // Yes or no, from a capability.
  ["can a NodePort use port 80", "YES_NO", "node-port"],
  ["Can I use UDP with Ingress?", "YES_NO", "ingress"],
  ["Does an ExternalName Service do port remapping?", "YES_NO", "external-name"],
  ["Can an HTTPRoute match requests by header?", "YES_NO", "httproute"],
  // How-to and troubleshooting, from guides.
  ["How do I migrate away from ingress-nginx?", "HOW_TO", "ingress-nginx"],
  ["how to change the node port range", "HOW_TO", "node-port-range"],
  ["How can I make a Service dual-stack?", "HOW_TO", "ip-family-policy"],
  ["why is my LoadBalancer EXTERNAL-IP pending", "TROUBLESHOOTING", "metallb"],
  ["my service has no endpoints, what's wrong?", "TROUBLESHOOTING", "service-selector"],
  ["HTTPRoute is not accepted by my gateway", "TROUBLESHOOTING", "allowed-routes"],
  ["pods see node ip instead of real client ip", "TROUBLESHOOTING", "source-nat"],
  // Anything else: the sentences that state the answer.
  ["which port does the kube-proxy health check listen on", "SEARCH", "kube-proxy-health-check"],
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

  it.each(["Should I use Ingress or Gateway API for a new cluster?", "NodePort or LoadBalancer on bare metal?"])(
    "reads %j as a comparison of the two sides, without the trailing context",
    (question) => {
      const answer = ask(question, knowledge, index);
      expect(answer.kind).toBe("COMPARISON");
      expect(answer.conceptSlugs).toHaveLength(2);
    },
  );

  it("answers a definition with the concept's summary", () => {
    const concept = knowledge.conceptsBySlug.get("headless-service")!;
    expect(ask("What is a headless Service?", knowledge, index).text).toBe(sentences(concept.summary).join(" "));
  });

  it("gives the stage at a version named in the question", () => {
    expect(ask("Is the nftables proxy mode available in 1.30?", knowledge, index).text).toMatch(/^At Kubernetes 1\.30, nftables proxy mode is alpha\./);
    expect(ask("Was trafficDistribution available in 1.28?", knowledge, index).text).toMatch(/did not exist yet in Kubernetes 1\.28/);
  });

  it.each([
    ["Can I use UDP with Ingress?", /^No\b/, /UDPRoute/],
    ["Does Ingress support sticky sessions?", /^No\b/, /annotation/],
    ["Does ExternalName support port mapping?", /^No: for ExternalName Service, a CNAME/, /selector-less/],
    ["Can a LoadBalancer Service keep the client source IP?", /^(?:Yes|It depends)\b/, /externalTrafficPolicy|Local/],
    ["Is IPVS deprecated?", /^Yes\./, /1\.35/],
    ["Is Ingress deprecated?", /^No\./, /1\.19/],
  ])("answers the yes/no question %j with a yes or no first", (question, opening, detail) => {
    const answer = ask(question, knowledge, index);
    expect(answer.text).toMatch(opening);
    expect(answer.text).toMatch(detail);
  });

  it("names the options that can, when the answer is no", () => {
    const answer = ask("Can I use UDP with Ingress?", knowledge, index);
    expect(answer.text).toMatch(/LoadBalancer Service/);
    expect(answer.conceptSlugs).toEqual(expect.arrayContaining(["ingress", "udproute", "load-balancer"]));
  });

  it("offers no Service type in place of a setting whose answer depends", () => {
    const answer = ask("Does externalTrafficPolicy Local preserve the client source IP?", knowledge, index);
    expect(answer.text).toMatch(/^It depends: for External traffic policy,/);
    expect(answer.text).not.toMatch(/Options? that can/);
  });

  it("answers a troubleshooting question with the causes in order and the exact commands to check them", () => {
    const answer = ask("my service has no endpoints, what's wrong?", knowledge, index);
    expect(answer.kind).toBe("TROUBLESHOOTING");
    expect(answer.guideSlugs[0]).toBe("service-has-no-endpoints");
    const steps = answer.steps.join("\n");
    expect(steps).toContain("kubectl get endpointslices -l kubernetes.io/service-name=");
    expect(steps).toContain("kubectl get pods -n <ns> --show-labels");
    expect(steps.indexOf("selector")).toBeLessThan(steps.indexOf("not Ready"));
  });

  it("answers EXTERNAL-IP pending by environment, not with one implementation", () => {
    const answer = ask("Why is my LoadBalancer stuck at EXTERNAL-IP pending?", knowledge, index);
    const all = `${answer.text}\n${answer.steps.join("\n")}`;
    for (const cause of [/bare metal/i, /kind/, /minikube tunnel/, /kubectl describe service/, /loadBalancerClass/]) expect(all).toMatch(cause);
  });

  it("answers a how-to question with the guide's steps", () => {
    const answer = ask("How do I migrate from ingress-nginx?", knowledge, index);
    const guide = knowledge.documents.guides.find((g) => g.slug === answer.guideSlugs[0])!;
    expect(answer.kind).toBe("HOW_TO");
    expect(answer.steps).toEqual(guide.steps);
    expect(answer.steps.join(" ")).toMatch(/ingress2gateway/);
    expect(answer.text).not.toMatch(/^Ingress NGINX is retired\.?$/);
  });

  it("leaves steps empty when no guide answered", () => {
    expect(ask("What is a headless Service?", knowledge, index).steps).toEqual([]);
    expect(ask("Ingress vs Gateway API", knowledge, index).steps).toEqual([]);
  });

  it("answers a fact from the sentence that states it", () => {
    const answer = ask("which port does the kube-proxy health check listen on", knowledge, index);
    expect(answer.text).toMatch(/10256/);
  });

  it.each(["how do I bake a chocolate cake", "how do I cook pasta in a pod", "what is the weather in the cluster today"])(
    "says so and offers the closest topics when %j is off topic",
    (question) => {
      const answer = ask(question, knowledge, index);
      expect(answer.kind).toBe("NONE");
      expect(answer.text).toMatch(/no answer/);
      expect(answer.sources).toEqual([]);
      expect(answer.steps).toEqual([]);
    },
  );

  it("answers a fact about a concept from the sentence that states it, not with the concept's definition", () => {
    const answer = ask("What is the default Service type?", knowledge, index);
    expect(answer.kind).toBe("SEARCH");
    expect(answer.text).toMatch(/ClusterIP is the default/);
  });

  it.each([
    ["When should I use a headless service?", "headless-service"],
    ["Why would I use a NodePort service?", "node-port"],
  ])("answers %j with what the concept is for, not a recommendation", (question, slug) => {
    const answer = ask(question, knowledge, index);
    expect(answer.kind).toBe("DEFINITION");
    expect(answer.conceptSlugs[0]).toBe(slug);
  });

  it("still defines a concept asked about in other words", () => {
    const answer = ask("what is the purpose of a headless service", knowledge, index);
    expect(answer.kind).toBe("DEFINITION");
    expect(answer.conceptSlugs[0]).toBe("headless-service");
  });

  it("quotes a second sentence only from the best documents", () => {
    const answer = ask("Can a Service have multiple ports?", knowledge, index);
    expect(answer.conceptSlugs[0]).toBe("multi-port-services");
    expect(answer.text).not.toMatch(/SNI/);
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
