// The corrections of issues 16 (knowledge current to Kubernetes 1.37 and Gateway API v1.6.1) and 23
// (second audit, dead citations): one test per row, asserting on the loaded content. Each test fails on
// the content as it was before the fix. Fact ids (F...) refer to shared/k8s-facts.md.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { compareConcepts } from "../../src/domain/compare.js";
import { statusAt } from "../../src/domain/lifecycle.js";
import { recommend } from "../../src/domain/recommend/index.js";
import { resolveRequirements } from "../../src/domain/recommend/engine.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";
import { isAvailableIn, newestKubernetesVersion, statusAtKubernetesVersion } from "../../src/domain/versions.js";

const content = loadContent();
const knowledge = buildSnapshot(contentToKnowledgeData(content, new Date(0)));

const concept = (slug: string) => {
  const found = knowledge.conceptsBySlug.get(slug);
  if (!found) throw new Error(`no concept ${slug}`);
  return found;
};
const lifecycle = (slug: string) => {
  const found = concept(slug).lifecycle;
  if (!found) throw new Error(`${slug} has no lifecycle`);
  return found;
};
const text = (slug: string) => `${concept(slug).summary}\n${concept(slug).body}\n${concept(slug).lifecycle?.note ?? ""}`;
const sourceIds = (slug: string) => concept(slug).sources.map((s) => s.id);
/** Every piece of text a user can read: concepts, lifecycle notes, capabilities, comparisons, Service types, rules. */
const everyText = [
  ...content.concepts.flatMap((c) => [c.summary, c.body, c.lifecycle?.note ?? "", ...c.related.map((r) => r.note ?? "")]),
  ...content.capabilities.map((c) => c.note),
  ...content.comparisons.map((c) => c.statement),
  ...content.serviceTypes.flatMap((t) => [...t.requirements, ...t.useCases, ...t.limitations]),
  readFileSync(path.join(PROJECT_ROOT, "prisma", "content", "recommendation", "rules.yaml"), "utf8"),
].join("\n");
const relation = (from: string, to: string) => knowledge.relations.filter((r) => r.fromSlug === from && r.toSlug === to).map((r) => r.type);

describe("issue 16: wrong or outdated facts", () => {
  it("ExternalName: selector is ignored, but a clusterIP makes creation fail and is cleared on a change of type", () => {
    const body = text("external-name");
    expect(body).not.toMatch(/`selector` and `clusterIP` are ignored/);
    expect(body).toMatch(/`selector` is ignored/);
    expect(body).toMatch(/creating an ExternalName Service with a `clusterIP` fails/);
    expect(body).toMatch(/clears its cluster IPs/);
    expect(sourceIds("external-name")).toContain("k8s-service-api-spec");
  });

  it("EndpointSlice: alpha 1.16, beta 1.17, GA 1.21 (KEP-752), not alpha 1.15", () => {
    expect(lifecycle("endpoint-slice")).toMatchObject({ introducedIn: "1.16", betaIn: "1.17", stableIn: "1.21" });
    expect(statusAt(lifecycle("endpoint-slice"), "1.15")).toBeNull();
    expect(lifecycle("endpoint-slice").sources.map((s) => s.id)).toContain("kep-752-endpointslices");
  });

  it("IngressClass arrived in 1.18 as beta (networking.k8s.io/v1beta1), with no alpha", () => {
    expect(lifecycle("ingress-class")).toMatchObject({ introducedIn: null, betaIn: "1.18", stableIn: "1.19" });
    expect(statusAt(lifecycle("ingress-class"), "1.18")).toBe("BETA");
    expect(statusAt(lifecycle("ingress-class"), "1.17")).toBeNull();
  });

  it("ReferenceGrant: Standard as v1beta1 in v0.6.0 (ReferencePolicy before it), v1 in v1.5.0", () => {
    const l = lifecycle("reference-grant");
    expect(l).toMatchObject({ track: "GATEWAY_API", betaIn: "0.6.0", stableIn: "1.5.0", channel: "STANDARD" });
    expect(statusAt(l, "0.6.0")).toBe("BETA");
    expect(statusAt(l, "1.5.0")).toBe("GA");
    expect(text("reference-grant")).toMatch(/ReferencePolicy/);
  });

  it("XBackend is experimental only (x-k8s.io, first released in v1.6.0), so its status is ALPHA, not GA", () => {
    const l = lifecycle("gateway-backend");
    expect(l).toMatchObject({ track: "GATEWAY_API", channel: "EXPERIMENTAL", introducedIn: "1.6.0", stableIn: null });
    expect(statusAt(l)).toBe("ALPHA");
    expect(text("gateway-backend")).toMatch(/gateway\.networking\.x-k8s\.io\/v1alpha1/);
  });

  it.each([
    ["ingress", "1.18", "BETA"],
    ["sctp", "1.19", "BETA"],
    ["sctp", "1.12", "ALPHA"],
    ["app-protocol", "1.18", "ALPHA"],
    ["terminating-endpoints", "1.26", "BETA"],
    ["load-balancer-cleanup-finalizer", "1.15", "ALPHA"],
    ["cluster-ip-static-band", "1.25", "BETA"],
  ] as const)("%s existed before GA: at %s it is %s and the version filter keeps it", (slug, version, expected) => {
    expect(statusAtKubernetesVersion(lifecycle(slug), version)).toBe(expected);
    expect(isAvailableIn(concept(slug), version)).toBe(true);
  });

  it("ipvs mode: the removal plan is fixed (KubeProxyIPVS in 1.37, off by default 1.40, removed 1.43)", () => {
    const l = lifecycle("ipvs-proxy-mode");
    expect(l).toMatchObject({ introducedIn: "1.8", betaIn: "1.9", stableIn: "1.11", deprecatedIn: "1.35" });
    expect(l.note).toMatch(/1\.40/);
    expect(l.note).toMatch(/1\.43/);
    expect(text("ipvs-proxy-mode")).toMatch(/KubeProxyIPVS/);
    expect(everyText).not.toMatch(/removal release (is not|has not been) (fixed|announced)/i);
    expect(everyText).not.toMatch(/Removal release not announced/);
  });

  it("Service names: RelaxedServiceNameValidation alpha 1.34, beta 1.36, GA 1.37; RFC 1123 labels accepted", () => {
    expect(lifecycle("service-name-validation")).toMatchObject({ introducedIn: "1.34", betaIn: "1.36", stableIn: "1.37" });
    expect(text("service-name-validation")).not.toMatch(/not (been )?(verified|confirmed)/);
    expect(text("service-name-validation")).toMatch(/RFC 1123/);
  });

  it("nftables mode: localhost NodePorts are opt-in alpha in 1.37 (KubeProxyNFTablesLocalhostNodePorts), not never", () => {
    expect(text("node-port-addresses")).toMatch(/KubeProxyNFTablesLocalhostNodePorts/);
    expect(text("node-port-addresses")).not.toMatch(/nftables\*\* and \*\*ipvs\*\* modes never/);
    expect(lifecycle("nftables-localhost-node-ports")).toMatchObject({ introducedIn: "1.37", betaIn: null, stableIn: null });
    expect(text("nftables-proxy-mode")).not.toMatch(/it never serves NodePorts on 127\.0\.0\.1/);
  });

  it("LocalityPreference: PreferSameNode and PreferSameZone are GA in 1.35, not 'beta on by default in 1.34'", () => {
    const schema = readFileSync(path.join(PROJECT_ROOT, "schema.graphql"), "utf8");
    const block = /enum LocalityPreference \{[\s\S]*?\n\}/.exec(schema)![0];
    expect(block).not.toMatch(/beta on by default in 1\.34/);
    expect(block.match(/GA 1\.35/g)).toHaveLength(2);
    expect(block).not.toMatch(/PreferSameNode[^"]*PreferClose before/);
  });
});

describe("issue 16: imprecise facts", () => {
  it("the X-prefixed experimental group dates from v1.3 (XListenerSet, XBackendTrafficPolicy), not v1.6", () => {
    expect(text("gateway-api")).not.toMatch(/From v1\.6, new experimental resources/);
    expect(text("gateway-api-release-channels")).not.toMatch(/From v1\.6 on, new experimental resources/);
    expect(text("gateway-api-release-channels")).toMatch(/Since v1\.3\.0/);
    expect(lifecycle("x-backend-traffic-policy")).toMatchObject({ introducedIn: "1.3.0", channel: "EXPERIMENTAL" });
    expect(lifecycle("listener-set").introducedIn).toBe("1.3.0");
  });

  it("HTTPRoute filters include CORS, Standard since v1.5.0", () => {
    expect(text("httproute-filters")).toMatch(/`CORS`/);
    expect(lifecycle("httproute-cors-filter")).toMatchObject({ introducedIn: "1.3.0", stableIn: "1.5.0", channel: "STANDARD" });
  });

  it("IPVS schedulers include mh (Maglev hashing)", () => {
    expect(text("ipvs-schedulers")).toMatch(/`mh`/);
  });

  it("the AWS LoadBalancer is not stated as an NLB by default; AWS behaviour is attributed to AWS", () => {
    expect(text("load-balancer")).not.toMatch(/Load Balancer Controller creates a Network Load Balancer \(layer 4\) for such a Service/);
    expect(text("load-balancer")).toMatch(/AWS documents/);
    expect(text("aws-load-balancer-controller")).toMatch(/per AWS's documentation|AWS documents/);
  });

  it("monthly Gateway API tags are written monthly-YYYY.MM", () => {
    expect(text("gateway-api-release-channels")).toMatch(/monthly-2025\.12/);
    expect(everyText).not.toMatch(/tagged `monthly-YYYY-MM`\./);
  });

  it("load-balancer-ip-mode cites the removed-gates page, where LoadBalancerIPMode now lives", () => {
    const ids = [...sourceIds("load-balancer-ip-mode"), ...lifecycle("load-balancer-ip-mode").sources.map((s) => s.id)];
    expect(ids).toContain("k8s-feature-gates-removed");
    expect(ids).not.toContain("k8s-feature-gates");
  });

  it("MetalLB implements LoadBalancer (IMPLEMENTS), it does not merely configure it", () => {
    expect(relation("metallb", "load-balancer")).toEqual(["IMPLEMENTS"]);
    expect(relation("cloud-controller-manager", "load-balancer")).toEqual(["IMPLEMENTS"]);
    expect(relation("ingress-controller", "ingress")).toEqual(["IMPLEMENTS"]);
  });

  it("compare(ingress, gateway-api) has a value on both sides of every row", () => {
    const rows = compareConcepts(knowledge, "ingress", "gateway-api").rows;
    expect(rows).toHaveLength(knowledge.dimensions.length);
    expect(rows.filter((r) => r.left === null || r.right === null).map((r) => r.dimension.slug)).toEqual([]);
  });
});

describe("issue 16: new facts of Kubernetes 1.33-1.37 and Gateway API v1.4-v1.6.1", () => {
  it.each([
    ["service-cidr", { introducedIn: "1.27", betaIn: "1.31", stableIn: "1.33" }],
    ["hostname-override", { introducedIn: "1.34", betaIn: "1.35", stableIn: "1.37" }],
    ["kube-dns", { deprecatedIn: "1.37" }],
    ["strict-ip-cidr-validation", { introducedIn: "1.33", betaIn: "1.36", stableIn: null }],
    ["coredns", { introducedIn: "1.9", betaIn: "1.10", stableIn: "1.11" }],
  ] as const)("%s has its Kubernetes lifecycle", (slug, stages) => {
    expect(lifecycle(slug)).toMatchObject({ track: "KUBERNETES", ...stages });
  });

  it.each([
    ["tlsroute", "1.5.0"],
    ["listener-set", "1.5.0"],
    ["tcproute", "1.6.0"],
    ["udproute", "1.6.0"],
    ["backend-tls-policy", "1.4.0"],
    ["gateway-frontend-tls-validation", "1.5.0"],
    ["gateway-backend-client-certificate", "1.5.0"],
  ] as const)("%s is Standard and GA since Gateway API %s", (slug, version) => {
    expect(lifecycle(slug)).toMatchObject({ track: "GATEWAY_API", stableIn: version, channel: "STANDARD", betaIn: null });
  });

  it("BackendTLSPolicy works with every route kind since v1.6.0", () => {
    expect(text("backend-tls-policy")).toMatch(/Since v1\.6\.0 it may be used with every route kind/);
  });

  it("XMesh is experimental since v1.4.0", () => {
    expect(lifecycle("x-mesh")).toMatchObject({ introducedIn: "1.4.0", channel: "EXPERIMENTAL", stableIn: null });
  });

  it("the API server's Service proxy reads EndpointSlices since 1.37", () => {
    expect(text("endpoints")).toMatch(/Service proxy subresource[^.]*since 1\.37/);
    expect(sourceIds("endpoints")).toContain("kep-4974-endpoints-deprecation");
  });

  it("Ingress NGINX: retired on 2026-03-24, last releases tagged 2026-03-19, and what replaced it", () => {
    const l = lifecycle("ingress-nginx");
    expect(l).toMatchObject({ track: "PROJECT", deprecatedIn: "2025-11", removedIn: "2026-03" });
    expect(text("ingress-nginx")).toMatch(/2026-03-24/);
    expect(text("ingress-nginx")).toMatch(/v1\.15\.1/);
    expect(relation("ingress-nginx", "gateway-api")).toContain("SUPERSEDED_BY");
    expect(lifecycle("ingress2gateway")).toMatchObject({ track: "PROJECT", stableIn: "2026-03" });
  });

  it("NetworkPolicy: what it selects, default allow, ingress and egress rules, needs an enforcing plugin", () => {
    const body = text("network-policy");
    expect(body).toMatch(/podSelector/);
    expect(body).toMatch(/non-isolated, so all its inbound and outbound connections are allowed/);
    expect(body).toMatch(/`ingress\[\]\.from` and `egress\[\]\.to`/);
    expect(body).toMatch(/does not support NetworkPolicy, creating one has no effect/);
    expect(sourceIds("network-policy")).toEqual(expect.arrayContaining(["k8s-network-policies-prerequisites", "k8s-network-policies-isolation"]));
  });

  it("1.37 is the newest Kubernetes version the knowledge base knows, and the coverage says so", () => {
    expect(newestKubernetesVersion(knowledge.concepts)).toBe("1.37");
    expect(knowledge.documents.coverage).toEqual([{ kubernetesVersion: "1.37", gatewayApiVersion: "1.6.1", lastChecked: "2026-12-03" }]);
  });

  it("recommendations default to Kubernetes 1.37", () => {
    expect(resolveRequirements({ clients: "IN_CLUSTER" }, knowledge, knowledge.recommendationRules).kubernetesVersion).toBe("1.37");
  });
});

describe("issue 23: facts the second audit found wrong", () => {
  it("Service names: RFC 1123 labels from 1.36 (beta, on by default), RFC 1035 below; recommendations check by version", () => {
    expect(text("service-name-validation")).toMatch(/From 1\.36/);
    expect(text("service")).not.toMatch(/The Service name itself must be a valid RFC 1035 label\./);
    const rules = knowledge.recommendationRules;
    expect(() => recommend({ clients: "IN_CLUSTER", name: "9lives", kubernetesVersion: "1.35" }, knowledge, rules)).toThrow(/RFC 1035|start with a letter/);
    expect(recommend({ clients: "IN_CLUSTER", name: "9lives", kubernetesVersion: "1.36" }, knowledge, rules).best.manifest).toMatch(/name: "?9lives"?\n/);
    expect(recommend({ clients: "IN_CLUSTER", name: "9lives" }, knowledge, rules).best.manifest).toMatch(/name: "?9lives"?\n/);
  });

  it("StatefulSet: the API does not enforce a headless Service; one you create and name in serviceName gives stable DNS names", () => {
    expect(everyText).not.toMatch(/A StatefulSet requires a headless Service/);
    expect(everyText).not.toMatch(/It requires a headless Service, which you create yourself/);
    expect(text("statefulset")).toMatch(/`serviceName` is optional/);
    expect(text("headless-service")).toMatch(/`serviceName` is optional/);
  });

  it("externalIPs: no earlier than 1.43 kube-proxy support is disabled for good; the API field is not removed", () => {
    const body = text("external-ips");
    expect(body).not.toMatch(/1\.43 at the earliest\) full removal/);
    expect(body).toMatch(/disabled for good/);
    expect(body).toMatch(/API field itself is not removed/);
    expect(body).not.toMatch(/2026-05-18/);
    const statement = content.comparisons.find((c) => c.left === "metallb" && c.right === "external-ips" && c.dimension === "portability")!.statement;
    expect(statement).not.toMatch(/removal no earlier than 1\.43/);
    expect(statement).toMatch(/API field itself stays/);
  });

  it("appProtocol: only kubernetes.io/h2c came in 1.27; ws and wss were added later", () => {
    const body = text("app-protocol");
    expect(body).toMatch(/`kubernetes\.io\/h2c` was added as stable in 1\.27/);
    expect(body).toMatch(/`kubernetes\.io\/ws` and `kubernetes\.io\/wss` were added to KEP-3726 only in May 2023/);
  });

  it("cloud firewalls: no claim from the removed GCE page; NodePort needs a rule you add; the provider's docs decide", () => {
    expect(everyText).not.toMatch(/on GCE a LoadBalancer opens the firewall/i);
    expect(everyText).not.toMatch(/LoadBalancer Services get one automatically/);
    expect(text("cloud-provider-firewall")).toMatch(/removed in 2020/);
    expect(content.serviceTypes.find((t) => t.name === "NODE_PORT")!.sources).not.toContain("k8s-cloud-firewall-gce");
    expect(text("node-port")).toMatch(/add a firewall rule/);
  });

  it("loadBalancerSourceRanges: no provider list; restricted where supported, ignored where not", () => {
    expect(everyText).not.toMatch(/GCE, GKE, EKS, AKS and IBM Cloud/);
    expect(text("load-balancer-source-ranges")).toMatch(/ignored where the cloud provider does not support it/);
    const rules = knowledge.recommendationRules;
    const sourcesOf = (id: string) => [...rules.conditions, ...rules.settings].find((r) => r.id === id)!.sources;
    for (const id of ["source-ranges-in-cluster", "source-ranges-not-lb", "load-balancer-source-ranges"]) expect(sourcesOf(id)).toEqual(["k8s-service-api-spec"]);
  });

  it("a requested clusterIP must be in a ServiceCIDR; the flag only seeds the default one", () => {
    expect(text("service-cluster-ip-range")).toMatch(/only seeds the default one, named `kubernetes`/);
    expect(text("cluster-ip")).toMatch(/inside one of the cluster's ServiceCIDRs/);
    expect(everyText).not.toMatch(/must be a valid IPv4 or IPv6 address inside that range/);
  });

  it("DNS: Kubernetes allows 32 search domains since ExpandedDNSConfig (1.28); 6 is the old glibc limit", () => {
    expect(text("dns-resolution-debugging")).toMatch(/up to 32 search domains and 2,048 characters/);
    expect(everyText).not.toMatch(/up to 6 search domains/i);
  });

  it("StrictIPCIDRValidation: the API server warns on writes; nothing warns about stored values", () => {
    expect(text("strict-ip-cidr-validation")).toMatch(/warns when a client writes a bad IP or CIDR value; nothing warns about values that are already stored/);
    expect(everyText).not.toMatch(/controllers warn/i);
  });

  it("XBackend ExternalHostname: the v1.6.1 rule rejects only .cluster.local names; IPv4 literals pass", () => {
    expect(text("gateway-backend")).toMatch(/accepts a literal such as `192\.0\.2\.4`/);
  });
});

describe("issue 23: citations", () => {
  const source = (id: string) => knowledge.sourcesById.get(id);
  it("removes the citations of the page deleted in 2020", () => {
    expect(source("k8s-cloud-firewall-gce")).toBeUndefined();
    expect(source("k8s-cloud-firewall-source-ranges")).toBeUndefined();
    expect(knowledge.sources.filter((s) => s.url.includes("configure-cloud-provider-firewall"))).toEqual([]);
  });

  it("cites the Service API reference for loadBalancerSourceRanges", () => {
    expect(source("k8s-service-api-spec")?.url).toBe("https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec");
  });

  it("uses the published date of the externalIPs deprecation post", () => {
    expect(source("k8s-blog-external-ips-deprecation")?.url).toBe("https://kubernetes.io/blog/2026/05/14/kubernetes-v1-36-deprecation-and-removal-of-service-externalips/");
  });

  it("uses the Pod hostname anchor that exists since the HostnameOverride docs", () => {
    expect(source("k8s-dns-pod-hostname")?.url).toBe("https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-hostname-and-subdomain-field");
  });

  it.each([
    ["k8s-service-nodeport-listen-address", "Custom IP address configuration for type NodePort Services"],
    ["k8s-service-lb-ip-mode", "Load balancer IP address mode"],
    ["k8s-service-endpoints", "Endpoints (deprecated)"],
    ["k8s-service-traffic-distribution", "Traffic distribution control"],
    ["k8s-virtual-ips-traffic-distribution", "Traffic distribution control"],
    ["k8s-ingress-default-backend", "DefaultBackend"],
  ])("labels %s with its current heading", (id, section) => {
    expect(source(id)?.section).toBe(section);
  });

  it("records when every source was checked, never after the content as a whole", () => {
    const lastChecked = knowledge.documents.coverage[0]!.lastChecked;
    expect(knowledge.sources.filter((s) => s.checked === null || s.checked > lastChecked).map((s) => s.id)).toEqual([]);
  });
});
