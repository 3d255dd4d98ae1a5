// Unit tests of full-text search: tokenization, stemming, vocabulary, typo tolerance, snippets,
// argument errors, version filtering and determinism, over the real knowledge content.
import { describe, expect, it } from "vitest";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { DomainError } from "../../src/domain/errors.js";
import { analyzeQuery, withinOneEdit } from "../../src/domain/search/query.js";
import { buildSearchIndex, search } from "../../src/domain/search/search.js";
import { stem } from "../../src/domain/search/stem.js";
import { sentences, stripMarkdown, surfaceTerms } from "../../src/domain/search/tokenize.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
const index = buildSearchIndex(knowledge);
const slugs = (query: string, options?: Parameters<typeof search>[2]) => search(index, query, options).map((h) => h.conceptSlug);
const queryTerms = (query: string) => [...analyzeQuery(index, query).terms.keys()];

function badInputField(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("BAD_USER_INPUT");
    return (error as DomainError).field;
  }
  throw new Error("expected a BAD_USER_INPUT error");
}

describe("tokenization", () => {
  it.each([
    ["externalTrafficPolicy", ["external", "traffic", "policy", "externaltrafficpolicy"]],
    ["spec.loadBalancerIP", ["spec", "load", "balancer", "ip", "loadbalancerip"]],
    ["HTTPRoute", ["http", "route", "httproute"]],
    ["kube-proxy", ["kube", "proxy", "kubeproxy"]],
    ["EXTERNAL-IP <pending>", ["external", "ip", "externalip", "pending"]],
    ["IPv4/IPv6 dual-stack", ["ipv4", "ipv6", "dual", "stack", "dualstack"]],
    ["MetalLB", ["metal", "lb", "metallb"]],
    ["mTLS and gRPC", ["mtls", "and", "grpc"]],
    ["The Pod's IPs", ["the", "pods", "ips"]],
    ["?!… --", []],
  ])("%s", (text, expected) => {
    expect(surfaceTerms(text)).toEqual(expected);
  });

  it("strips Markdown and keeps dotted names inside sentences", () => {
    const plain = stripMarkdown("A **Service** sets `spec.type`; see [the docs](https://kubernetes.io). Next one.");
    expect(plain).toBe("A Service sets spec.type; see the docs. Next one.");
    expect(sentences(plain)).toEqual(["A Service sets spec.type; see the docs.", "Next one."]);
  });
});

describe("stemming", () => {
  it.each([
    [["route", "routes", "routing", "routed"]],
    [["policy", "policies"]],
    [["service", "services"]],
    [["balancer", "balancers"]],
    [["connection", "connections"]],
    [["ip", "ips"]],
  ])("%j share one stem", (forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });

  it.each(["ingress", "dns", "tls", "ipv4", "l7", "k8s"])("leaves %s alone", (word) => {
    expect(stem(word)).toBe(word);
  });

  it("finds routes when asked about routing", () => {
    expect(slugs("routing", { first: 5 })).toContain("httproute");
  });
});

describe("vocabulary", () => {
  it.each([
    ["svc", ["servic"]],
    ["LB", ["load", "balanc", "loadbalanc"]],
    ["ELB", ["load", "balanc"]],
    ["ALB", ["load", "balanc", "ingress"]],
    ["external ip pending", ["metallb", "load", "balanc"]],
    ["source ip", ["externaltrafficpolici", "nat"]],
    ["client ip", ["externaltrafficpolici"]],
    ["nginx", ["ingressnginx"]],
    ["L4", ["load", "balanc", "tcp"]],
    ["L7", ["ingress", "httprout", "gatewai"]],
    ["canary", ["weight", "httprout"]],
    ["sticky sessions", ["affin", "sessionaffin"]],
    ["port forward", ["portforward", "kubectl"]],
    ["mTLS", ["tlsrout"]],
    ["passthrough", ["tlsrout"]],
    ["bare metal", ["metallb"]],
    ["node port", ["nodeport"]],
    ["gRPC", ["grpcrout"]],
  ])("%s expands to %j", (query, expected) => {
    expect(queryTerms(query)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ["svc", "service"],
    ["sticky", "session-affinity"],
    ["bare metal", "metallb"],
    ["nodeport", "node-port"],
    ["externalTrafficPolicy", "external-traffic-policy"],
    ["external traffic policy", "external-traffic-policy"],
    ["spec.loadBalancerIP", "load-balancer-ip"],
  ])("%s ranks %s in the top 2", (query, slug) => {
    expect(slugs(query, { first: 2 })).toContain(slug);
  });

  it("drops stopwords but never empties a query", () => {
    expect(analyzeQuery(index, "how do I keep the client IP").sequence).toEqual(["keep", "client", "ip"]);
    expect(analyzeQuery(index, "what is the").sequence.length).toBe(3);
    expect(() => search(index, "what is the")).not.toThrow();
  });
});

describe("typo tolerance", () => {
  it.each([
    ["ingres", "ingress"],
    ["ingress", "ingres"],
    ["loadbalncer", "loadbalancer"],
    ["headless", "heaedless"],
    ["headless", "haedless"],
  ])("%s is one edit from %s", (a, b) => {
    expect(withinOneEdit(a, b)).toBe(true);
  });

  it.each([
    ["ingress", "egress"],
    ["route", "router2"],
  ])("%s is more than one edit from %s", (a, b) => {
    expect(withinOneEdit(a, b)).toBe(false);
  });

  it.each([
    ["loadbalncer", "load-balancer"],
    ["ingres", "ingress"],
    ["heaedless", "headless-service"],
    ["sesion affinity", "session-affinity"],
    ["metalb", "metallb"],
  ])("%s finds %s first", (query, slug) => {
    expect(slugs(query)[0]).toBe(slug);
  });
});

describe("hits", () => {
  it("come with a plain-text snippet that marks the matched words", () => {
    const hits = search(index, "how do I keep the client IP");
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.snippet).toMatch(/\*\*[^*]+\*\*/);
      expect(hit.snippet).not.toMatch(/`/);
      expect(hit.snippet.replace(/\*\*/g, "").length).toBeLessThanOrEqual(225);
    }
    expect(hits[0]!.snippet).toMatch(/\*\*client\*\*/i);
  });

  it("report the fields that matched, from the known set, best first", () => {
    const hits = search(index, "session affinity timeout", { first: 50 });
    for (const hit of hits) {
      expect(hit.matchedFields.length).toBeGreaterThan(0);
      for (const field of hit.matchedFields) expect(["name", "aliases", "summary", "body", "tags", "facts"]).toContain(field);
    }
    expect(hits[0]!.matchedFields).toEqual(expect.arrayContaining(["name", "summary"]));
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("match capability notes and comparison statements as facts", () => {
    const fact = knowledge.comparisons[0] ?? knowledge.capabilities[0];
    if (!fact) return;
    const text = "statement" in fact ? fact.statement : fact.note;
    const slug = "statement" in fact ? fact.leftSlug : fact.conceptSlug;
    const hit = search(index, text.slice(0, 500), { first: 50 }).find((h) => h.conceptSlug === slug);
    expect(hit?.matchedFields).toContain("facts");
  });

  it("default to 10 and honour first", () => {
    expect(search(index, "service").length).toBe(10);
    expect(search(index, "service", { first: 3 }).length).toBe(3);
    expect(search(index, "service", { first: 50 }).length).toBeGreaterThan(10);
  });

  it.each(["service", "load balancer", "dns", "gateway route", "how do I keep the client IP behind a load balancer"])(
    "keep only the best hits: the first n of %j are the top n of all, best first",
    (query) => {
      const all = search(index, query, { first: 50 });
      for (const n of [1, 3, 10]) expect(search(index, query, { first: n })).toEqual(all.slice(0, n));
      // Scores are rounded for display, so only their order is checked here, not the slug tie-break.
      for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
    },
  );

  it("are deterministic", () => {
    const again = buildSearchIndex(knowledge);
    for (const query of ["load balancer", "L4 vs L7", "ingres", "dns"]) {
      expect(search(index, query)).toEqual(search(index, query));
      expect(search(again, query)).toEqual(search(index, query));
    }
  });
});

describe("argument errors", () => {
  it.each([
    ["empty", ""],
    ["whitespace only", "  \t\n "],
    ["punctuation only", "?!…"],
    ["too long", "a".repeat(501)],
  ])("rejects a query that is %s", (_, query) => {
    expect(badInputField(() => search(index, query))).toBe("query");
  });

  it("accepts a query of exactly 500 characters", () => {
    expect(() => search(index, `service ${"x".repeat(492)}`)).not.toThrow();
  });

  it.each([0, 51, -1, 2.5])("rejects first = %s", (first) => {
    expect(badInputField(() => search(index, "service", { first }))).toBe("first");
  });

  it.each(["banana", "1", "v1.30", "1.30.x", ""])("rejects kubernetesVersion %j", (version) => {
    expect(badInputField(() => search(index, "service", { kubernetesVersion: version }))).toBe("kubernetesVersion");
  });
});

describe("kubernetesVersion", () => {
  it("drops concepts that do not exist yet at that version", () => {
    expect(slugs("traffic distribution", { kubernetesVersion: "1.29", first: 50 })).not.toContain("traffic-distribution");
    expect(slugs("traffic distribution", { kubernetesVersion: "1.33" })[0]).toBe("traffic-distribution");
    expect(slugs("nftables", { kubernetesVersion: "1.28", first: 50 })).not.toContain("nftables-proxy-mode");
  });

  it("keeps concepts without a lifecycle and those on other tracks", () => {
    expect(slugs("service", { kubernetesVersion: "1.10", first: 50 })).toContain("service");
    expect(slugs("httproute", { kubernetesVersion: "1.10" })).toContain("httproute");
  });

  it("keeps deprecated concepts", () => {
    expect(slugs("endpoints deprecated", { kubernetesVersion: "1.34" })).toContain("endpoints");
  });
});
