// Complete lifecycles: every versioned concept, its stage at several versions from before its first
// stage to 1.37 (Kubernetes) or v1.6.1 (Gateway API). The expected stages are written from the fact
// sheet's section 10 (KEP kep.yaml milestones, feature-gate pages, release-tag CRDs), not read back
// from the content, so a wrong or missing milestone fails here.
import { describe, expect, it } from "vitest";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import type { LifecycleStatus } from "../../src/domain/knowledge.js";
import { compareVersions, statusAt } from "../../src/domain/lifecycle.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";
import { isAvailableIn, statusAtKubernetesVersion } from "../../src/domain/versions.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));

type Row = readonly [version: string, status: LifecycleStatus | null];
/** Kubernetes features: [version, stage at that version]; null = did not exist yet. */
const KUBERNETES: Record<string, readonly Row[]> = {
  "endpoint-slice": [["1.15", null], ["1.16", "ALPHA"], ["1.17", "BETA"], ["1.20", "BETA"], ["1.21", "GA"], ["1.37", "GA"]], // F161
  endpoints: [["1.20", "GA"], ["1.32", "GA"], ["1.33", "DEPRECATED"], ["1.37", "DEPRECATED"]], // F163
  "nftables-proxy-mode": [["1.28", null], ["1.29", "ALPHA"], ["1.30", "ALPHA"], ["1.31", "BETA"], ["1.33", "GA"], ["1.37", "GA"]], // F183
  "ipvs-proxy-mode": [["1.7", null], ["1.8", "ALPHA"], ["1.9", "BETA"], ["1.11", "GA"], ["1.34", "GA"], ["1.35", "DEPRECATED"], ["1.37", "DEPRECATED"]], // F182
  "terminating-endpoints": [["1.21", null], ["1.22", "ALPHA"], ["1.25", "ALPHA"], ["1.26", "BETA"], ["1.28", "GA"], ["1.37", "GA"]], // F174
  "deny-service-external-ips": [["1.20", null], ["1.21", "GA"], ["1.37", "GA"]], // F185
  "load-balancer-cleanup-finalizer": [["1.14", null], ["1.15", "ALPHA"], ["1.16", "BETA"], ["1.17", "GA"], ["1.37", "GA"]], // F177
  "ingress-class-annotation": [["1.17", "GA"], ["1.18", "DEPRECATED"], ["1.37", "DEPRECATED"]], // F193
  ingress: [["1.0", null], ["1.1", "BETA"], ["1.14", "BETA"], ["1.18", "BETA"], ["1.19", "GA"], ["1.37", "GA"]], // F191
  "ingress-class": [["1.17", null], ["1.18", "BETA"], ["1.19", "GA"], ["1.37", "GA"]], // F192
  "load-balancer-class": [["1.20", null], ["1.21", "ALPHA"], ["1.22", "BETA"], ["1.23", "BETA"], ["1.24", "GA"], ["1.37", "GA"]], // F168
  "allocate-load-balancer-node-ports": [["1.19", null], ["1.20", "ALPHA"], ["1.22", "BETA"], ["1.24", "GA"], ["1.37", "GA"]], // F167
  "load-balancer-ip": [["1.23", "GA"], ["1.24", "DEPRECATED"], ["1.37", "DEPRECATED"]], // F169
  "mixed-protocol-load-balancer": [["1.19", null], ["1.20", "ALPHA"], ["1.23", "ALPHA"], ["1.24", "BETA"], ["1.26", "GA"], ["1.37", "GA"]], // F170
  "load-balancer-ip-mode": [["1.28", null], ["1.29", "ALPHA"], ["1.30", "BETA"], ["1.31", "BETA"], ["1.32", "GA"], ["1.37", "GA"]], // F176
  "external-ips": [["1.30", "GA"], ["1.35", "GA"], ["1.36", "DEPRECATED"], ["1.37", "DEPRECATED"]], // F185
  "service-name-validation": [["1.33", null], ["1.34", "ALPHA"], ["1.35", "ALPHA"], ["1.36", "BETA"], ["1.37", "GA"]], // F187
  "cluster-ip-static-band": [["1.23", null], ["1.24", "ALPHA"], ["1.25", "BETA"], ["1.26", "GA"], ["1.37", "GA"]], // F173
  "node-port-static-band": [["1.26", null], ["1.27", "ALPHA"], ["1.28", "BETA"], ["1.29", "GA"], ["1.37", "GA"]], // F175
  sctp: [["1.11", null], ["1.12", "ALPHA"], ["1.18", "ALPHA"], ["1.19", "BETA"], ["1.20", "GA"], ["1.37", "GA"]], // F165
  "prefer-same-node-zone": [["1.32", null], ["1.33", "ALPHA"], ["1.34", "BETA"], ["1.35", "GA"], ["1.37", "GA"]], // F179
  "app-protocol": [["1.17", null], ["1.18", "ALPHA"], ["1.19", "BETA"], ["1.20", "GA"], ["1.37", "GA"]], // F164
  "internal-traffic-policy": [["1.20", null], ["1.21", "ALPHA"], ["1.22", "BETA"], ["1.25", "BETA"], ["1.26", "GA"], ["1.37", "GA"]], // F171
  "traffic-distribution": [["1.29", null], ["1.30", "ALPHA"], ["1.31", "BETA"], ["1.32", "BETA"], ["1.33", "GA"], ["1.37", "GA"]], // F178
  "topology-aware-routing": [["1.20", null], ["1.21", "ALPHA"], ["1.22", "ALPHA"], ["1.23", "BETA"], ["1.33", "GA"], ["1.37", "GA"]], // F180
  "ip-family-policy": [["1.14", null], ["1.15", "ALPHA"], ["1.20", "ALPHA"], ["1.21", "BETA"], ["1.23", "GA"], ["1.37", "GA"]], // F166 (gate versions)
  "service-cidr": [["1.26", null], ["1.27", "ALPHA"], ["1.30", "ALPHA"], ["1.31", "BETA"], ["1.33", "GA"], ["1.37", "GA"]], // F186
  "hostname-override": [["1.33", null], ["1.34", "ALPHA"], ["1.35", "BETA"], ["1.36", "BETA"], ["1.37", "GA"]], // F189
  coredns: [["1.8", null], ["1.9", "ALPHA"], ["1.10", "BETA"], ["1.11", "GA"], ["1.37", "GA"]], // F190
  "kube-dns": [["1.36", "GA"], ["1.37", "DEPRECATED"]], // F155
  "strict-ip-cidr-validation": [["1.32", null], ["1.33", "ALPHA"], ["1.35", "ALPHA"], ["1.36", "BETA"], ["1.37", "BETA"]], // F188
  "nftables-localhost-node-ports": [["1.36", null], ["1.37", "ALPHA"]], // F184
};

/** Gateway API kinds and fields: [release, stage at that release] and the current channel. */
const GATEWAY_API: Record<string, { readonly channel: "STANDARD" | "EXPERIMENTAL"; readonly rows: readonly Row[] }> = {
  "gateway-api": { channel: "STANDARD", rows: [["0.1.0", "ALPHA"], ["0.4.0", "ALPHA"], ["0.5.0", "BETA"], ["1.0.0", "GA"], ["1.6.1", "GA"]] }, // F198
  "gateway-class": { channel: "STANDARD", rows: [["0.1.0", "ALPHA"], ["0.5.0", "BETA"], ["0.8.0", "BETA"], ["1.0.0", "GA"]] }, // F199
  gateway: { channel: "STANDARD", rows: [["0.1.0", "ALPHA"], ["0.5.0", "BETA"], ["1.0.0", "GA"]] }, // F199
  httproute: { channel: "STANDARD", rows: [["0.1.0", "ALPHA"], ["0.5.0", "BETA"], ["1.0.0", "GA"], ["1.6.1", "GA"]] }, // F199
  grpcroute: { channel: "STANDARD", rows: [["0.5.0", null], ["0.6.0", "ALPHA"], ["1.0.0", "ALPHA"], ["1.1.0", "GA"]] }, // F201
  tlsroute: { channel: "STANDARD", rows: [["0.1.0", "ALPHA"], ["1.4.0", "ALPHA"], ["1.5.0", "GA"]] }, // F202
  tcproute: { channel: "STANDARD", rows: [["0.1.0", "ALPHA"], ["1.5.0", "ALPHA"], ["1.6.0", "GA"], ["1.6.1", "GA"]] }, // F203
  udproute: { channel: "STANDARD", rows: [["0.1.0", "ALPHA"], ["1.5.0", "ALPHA"], ["1.6.0", "GA"]] }, // F203
  "reference-grant": { channel: "STANDARD", rows: [["0.4.0", null], ["0.5.0", "ALPHA"], ["0.6.0", "BETA"], ["1.4.0", "BETA"], ["1.5.0", "GA"]] }, // F200
  "backend-tls-policy": { channel: "STANDARD", rows: [["0.8.0", null], ["1.0.0", "ALPHA"], ["1.3.0", "ALPHA"], ["1.4.0", "GA"]] }, // F204
  "listener-set": { channel: "STANDARD", rows: [["1.2.0", null], ["1.3.0", "ALPHA"], ["1.4.0", "ALPHA"], ["1.5.0", "GA"]] }, // F205
  "x-backend-traffic-policy": { channel: "EXPERIMENTAL", rows: [["1.2.0", null], ["1.3.0", "ALPHA"], ["1.6.1", "ALPHA"]] }, // F206
  "x-mesh": { channel: "EXPERIMENTAL", rows: [["1.3.0", null], ["1.4.0", "ALPHA"], ["1.6.1", "ALPHA"]] }, // F207
  "gateway-backend": { channel: "EXPERIMENTAL", rows: [["1.5.0", null], ["1.6.0", "ALPHA"], ["1.6.1", "ALPHA"]] }, // F208
  "httproute-cors-filter": { channel: "STANDARD", rows: [["1.2.0", null], ["1.3.0", "ALPHA"], ["1.5.0", "GA"]] }, // F209
  "gateway-frontend-tls-validation": { channel: "STANDARD", rows: [["1.0.0", null], ["1.1.0", "ALPHA"], ["1.4.0", "ALPHA"], ["1.5.0", "GA"]] }, // F210
  "gateway-backend-client-certificate": { channel: "STANDARD", rows: [["1.1.0", null], ["1.2.0", "ALPHA"], ["1.5.0", "GA"]] }, // F210
};

/** Separate projects, dated YYYY-MM. */
const PROJECT: Record<string, readonly Row[]> = {
  "ingress-nginx": [["2025-10", "GA"], ["2025-11", "DEPRECATED"], ["2026-03", "REMOVED"]], // F104, F105
  ingress2gateway: [["2023-09", null], ["2023-10", "ALPHA"], ["2026-03", "GA"]], // F197
};

const versioned = knowledge.concepts.filter((c) => c.lifecycle);
const lifecycleOf = (slug: string) => knowledge.conceptsBySlug.get(slug)?.lifecycle ?? null;

describe("lifecycles", () => {
  it("the tables cover exactly the concepts that have a lifecycle", () => {
    const byTrack = (track: string) => versioned.filter((c) => c.lifecycle!.track === track).map((c) => c.slug).sort();
    expect(byTrack("KUBERNETES")).toEqual(Object.keys(KUBERNETES).sort());
    expect(byTrack("GATEWAY_API")).toEqual(Object.keys(GATEWAY_API).sort());
    expect(byTrack("PROJECT")).toEqual(Object.keys(PROJECT).sort());
  });

  describe.each(Object.entries(KUBERNETES))("Kubernetes: %s", (slug, rows) => {
    it.each(rows)("at %s is %s", (version, expected) => {
      const l = lifecycleOf(slug)!;
      expect(statusAtKubernetesVersion(l, version)).toBe(expected);
      expect(isAvailableIn(knowledge.conceptsBySlug.get(slug)!, version)).toBe(expected !== null && expected !== "REMOVED");
    });
  });

  describe.each(Object.entries(GATEWAY_API))("Gateway API: %s", (slug, { channel, rows }) => {
    it(`is on the ${channel} channel`, () => {
      expect(lifecycleOf(slug)).toMatchObject({ track: "GATEWAY_API", channel });
    });
    it.each(rows)("at v%s is %s", (release, expected) => {
      expect(statusAt(lifecycleOf(slug)!, release)).toBe(expected);
    });
  });

  describe.each(Object.entries(PROJECT))("project: %s", (slug, rows) => {
    it.each(rows)("in %s is %s", (month, expected) => {
      expect(statusAt(lifecycleOf(slug)!, month)).toBe(expected);
    });
  });

  it("no Kubernetes lifecycle goes past 1.37 and no Gateway API lifecycle past v1.6.1 (plans live in notes)", () => {
    const stages = (slug: string) => {
      const l = lifecycleOf(slug)!;
      return [l.introducedIn, l.betaIn, l.stableIn, l.deprecatedIn, l.removedIn].filter((v): v is string => v !== null);
    };
    const late = versioned.filter((c) => {
      const limit = c.lifecycle!.track === "KUBERNETES" ? "1.37" : c.lifecycle!.track === "GATEWAY_API" ? "1.6.1" : null;
      return limit !== null && stages(c.slug).some((v) => compareVersions(v, limit) > 0);
    });
    expect(late.map((c) => c.slug)).toEqual([]);
  });
});
