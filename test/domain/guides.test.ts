// Troubleshooting and how-to guides: the content covers the symptoms and tasks people ask about,
// states facts as the official docs do, and is found by search in people's own words.
import { describe, expect, it } from "vitest";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { DomainError } from "../../src/domain/errors.js";
import { findGuide, guideSteps, listGuides } from "../../src/domain/guides/index.js";
import { buildSearchIndex, search, searchGuides } from "../../src/domain/search/search.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";
import { isOfficialSource } from "../helpers/officialSources.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
const index = buildSearchIndex(knowledge);
const guides = knowledge.documents.guides;
const text = (slug: string) => {
  const g = findGuide(knowledge, slug);
  expect(g, slug).toBeDefined();
  return [g!.summary, ...guideSteps(g!), g!.exampleManifest ?? ""].join("\n");
};

describe("guide content", () => {
  it("has at least 60 guides of both kinds", () => {
    expect(guides.length).toBeGreaterThanOrEqual(60);
    expect(guides.filter((g) => g.kind === "TROUBLESHOOTING").length).toBeGreaterThanOrEqual(25);
    expect(guides.filter((g) => g.kind === "HOW_TO").length).toBeGreaterThanOrEqual(25);
  });

  // The symptoms and tasks issue 17 names, each with the guide that answers it.
  it.each([
    ["no endpoints", "service-has-no-endpoints"],
    ["connection refused / wrong targetPort", "service-connection-refused"],
    ["EXTERNAL-IP pending", "load-balancer-external-ip-pending"],
    ["NodePort unreachable", "nodeport-unreachable"],
    ["DNS names across namespaces", "dns-cross-namespace"],
    ["ClusterIP not answering ping", "cluster-ip-does-not-answer-ping"],
    ["client IP lost", "client-ip-lost"],
    ["Ingress 404", "ingress-returns-404"],
    ["Ingress 502/503", "ingress-returns-502-503"],
    ["IngressClass not matched", "ingress-class-not-matched"],
    ["HTTPRoute not accepted", "httproute-not-accepted"],
    ["ReferenceGrant", "httproute-backend-refs-not-resolved"],
    ["Gateway not programmed", "gateway-not-programmed"],
    ["TLS passthrough vs termination", "tls-passthrough-vs-termination"],
    ["path rewrite on Ingress", "ingress-path-rewrite"],
    ["path rewrite on HTTPRoute", "httproute-path-rewrite"],
    ["redirects on HTTPRoute", "httproute-redirects"],
    ["HTTP to HTTPS on Ingress", "redirect-http-to-https-ingress"],
    ["HTTP to HTTPS on Gateway", "redirect-http-to-https-gateway"],
    ["canary by weight", "canary-by-weight-gateway"],
    ["canary by header", "canary-by-header-gateway"],
    ["changing the NodePort range", "change-nodeport-range"],
    ["port 80 on bare metal", "expose-port-80-bare-metal"],
    ["port 80 on kind", "expose-port-80-kind"],
    ["port 80 on minikube", "expose-port-80-minikube"],
    ["dual-stack Services", "dual-stack-service"],
    ["sticky sessions", "sticky-sessions"],
    ["migrating from ingress-nginx", "migrate-from-ingress-nginx"],
  ])("covers %s", (_, slug) => {
    const guide = findGuide(knowledge, slug)!;
    expect(guide, slug).toBeDefined();
    expect(guide.questions.length).toBeGreaterThanOrEqual(2);
    expect(guide.concepts.length).toBeGreaterThan(0);
    expect(guide.sources.length).toBeGreaterThan(0);
  });

  it("gives every troubleshooting cause a check to run and a fix, and every how-to steps", () => {
    for (const g of guides) {
      if (g.kind === "TROUBLESHOOTING") {
        expect(g.causes.length, g.slug).toBeGreaterThan(0);
        for (const c of g.causes) {
          expect(c.checks.length, g.slug).toBeGreaterThan(0);
          expect(c.fix.length, g.slug).toBeGreaterThan(10);
        }
      } else {
        expect(g.steps.length, g.slug).toBeGreaterThan(0);
        expect(g.causes, g.slug).toEqual([]);
      }
    }
  });

  it("names exact kubectl commands for the Service, DNS and load-balancer checks", () => {
    expect(text("service-has-no-endpoints")).toContain("kubectl get endpointslices -l kubernetes.io/service-name=<svc>");
    expect(text("service-has-no-endpoints")).toContain("kubectl get pods -n <ns> --show-labels");
    expect(text("dns-name-not-resolving")).toContain("kubectl exec -i -t dnsutils -- nslookup kubernetes.default");
    expect(text("dns-name-not-resolving")).toContain("kubectl get pods -n kube-system -l k8s-app=kube-dns");
    expect(text("load-balancer-external-ip-pending")).toContain("kubectl describe service <svc> -n <ns>");
  });

  it("cites only official pages that exist", () => {
    for (const g of guides) {
      for (const id of g.sources) {
        const source = knowledge.sourcesById.get(id);
        expect(source, `${g.slug}: ${id}`).toBeDefined();
        expect(isOfficialSource(source!.url), source!.url).toBe(true);
      }
      for (const slug of g.concepts) expect(knowledge.conceptsBySlug.has(slug), `${g.slug}: ${slug}`).toBe(true);
      for (const slug of g.seeAlso) expect(findGuide(knowledge, slug), `${g.slug}: ${slug}`).toBeDefined();
    }
  });

  // Facts from the checked fact sheet (/work/shared/k8s-facts.md), as the guides state them.
  it.each([
    ["dns-search-domains-and-ndots", /32 search domains and 2048 characters in all since 1\.28/, "F219/F222"],
    ["dns-search-domains-and-ndots", /ndots:5/, "F219"],
    ["change-nodeport-range", /30000-32767/, "F019"],
    ["migrate-from-ingress-nginx", /retired on 2026-03-24/, "F105"],
    ["tls-passthrough-vs-termination", /Standard since v1\.5\.0/, "F118"],
    ["expose-tcp-or-udp-service", /Standard since Gateway API v1\.6\.0/, "F119"],
    ["dual-stack-service", /GA since 1\.23/, "F086"],
    ["sticky-sessions", /10800/, "F077"],
    ["keep-traffic-in-zone", /GA in 1\.35/, "F078"],
    ["switch-kube-proxy-mode", /iptables is still the Linux default in 1\.37/, "F084"],
  ])("%s states %s (%s)", (slug, fact) => {
    expect(text(slug)).toMatch(fact);
  });

  it("does not repeat the old limit of six search domains as today's rule", () => {
    expect(text("dns-search-domains-and-ndots")).not.toMatch(/(?<!old glibc[^.]*)at most 6 search/i);
  });
});

describe("guide lookup and listing", () => {
  it("finds a guide by slug, ignoring case and spaces", () => {
    expect(findGuide(knowledge, "  Service-Has-No-Endpoints ")?.slug).toBe("service-has-no-endpoints");
    expect(findGuide(knowledge, "no-such-guide")).toBeUndefined();
  });

  it("pages through the guides in slug order without repeats", () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = listGuides(knowledge, null, 25, after);
      expect(page.totalCount).toBe(guides.length);
      seen.push(...page.items.map((i) => i.node.slug));
      if (!page.hasNextPage) break;
      after = page.items.at(-1)!.cursor;
    }
    expect(seen).toEqual([...guides.map((g) => g.slug)].sort());
  });

  it("filters by kind and by concept", () => {
    const howTo = listGuides(knowledge, { kind: "HOW_TO" }, 100);
    expect(howTo.items.every((i) => i.node.kind === "HOW_TO")).toBe(true);
    const lb = listGuides(knowledge, { concept: "load-balancer" }, 100).items.map((i) => i.node.slug);
    expect(lb).toContain("load-balancer-external-ip-pending");
    expect(lb.every((slug) => findGuide(knowledge, slug)!.concepts.includes("load-balancer"))).toBe(true);
  });

  it("rejects an unknown concept and a bad page size as BAD_USER_INPUT", () => {
    for (const run of [() => listGuides(knowledge, { concept: "no-such-thing" }, 10), () => listGuides(knowledge, null, 101)]) {
      let error: unknown;
      try {
        run();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("BAD_USER_INPUT");
    }
  });

  it("writes troubleshooting steps as causes in order with their commands and fixes", () => {
    const steps = guideSteps(findGuide(knowledge, "service-has-no-endpoints")!);
    const causes = steps.filter((s) => s.startsWith("Cause "));
    expect(causes.map((s) => s.slice(0, 7))).toEqual(["Cause 1", "Cause 2", "Cause 3", "Cause 4"]);
    expect(causes[0]).toMatch(/Check: `kubectl get service <svc> -n <ns> -o jsonpath='\{\.spec\.selector\}'`/);
    expect(causes[0]).toMatch(/Fix: /);
  });
});

describe("guide search", () => {
  it.each([
    ["service has no endpoints", "service-has-no-endpoints"],
    ["loadbalancer external ip pending forever on bare metal", "load-balancer-external-ip-pending"],
    ["ingress 503 service temporarily unavailable", "ingress-returns-502-503"],
    ["httproute NotAllowedByListeners", "httproute-not-accepted"],
    ["redirect http to https with gateway api", "redirect-http-to-https-gateway"],
    ["canary 90 10 traffic split httproute", "canary-by-weight-gateway"],
    ["migrate off ingress nginx", "migrate-from-ingress-nginx"],
    ["coredns loop systemd-resolved", "dns-forwarding-loop"],
    ["nodeport range 30000 change", "change-nodeport-range"],
    ["ingres class not picked up", "ingress-class-not-matched"],
  ])("finds %j first", (query, slug) => {
    const hits = searchGuides(index, query, { first: 3 });
    expect(hits[0]?.guideSlug).toBe(slug);
    expect(hits[0]!.coverage).toBeGreaterThan(0);
    expect(hits[0]!.snippet).toMatch(/\*\*[^*]+\*\*/);
  });

  it("finds most guides by their own title, and keeps concept search about concepts", () => {
    const firstByTitle = guides.filter((g) => searchGuides(index, g.title, { first: 1 })[0]?.guideSlug === g.slug).length;
    expect(firstByTitle / guides.length).toBeGreaterThan(0.9);
    for (const hit of search(index, "service has no endpoints", { first: 10 })) expect(knowledge.conceptsBySlug.has(hit.conceptSlug)).toBe(true);
  });

  it("validates its arguments like search", () => {
    expect(() => searchGuides(index, "  ", {})).toThrow(DomainError);
    expect(() => searchGuides(index, "dns", { first: 0 })).toThrow(DomainError);
  });
});
