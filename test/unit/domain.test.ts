// Pure domain helpers: IDs, pagination, lifecycle stages, name lookup, comparison.
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { compareConcepts } from "../../src/domain/compare.js";
import { DomainError } from "../../src/domain/errors.js";
import { fromGlobalId, toGlobalId } from "../../src/domain/ids.js";
import type { Lifecycle } from "../../src/domain/knowledge.js";
import { compareVersions, statusAt } from "../../src/domain/lifecycle.js";
import { findConcept, suggestConcepts } from "../../src/domain/lookup.js";
import { paginate } from "../../src/domain/paginate.js";
import { matches, type Condition, type Facts } from "../../src/domain/recommend/rules.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";
import { newestKubernetesVersion, parseKubernetesVersion } from "../../src/domain/versions.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("global IDs", () => {
  it.each([["Concept", "cluster-ip"], ["Capability", "ingress:udp-traffic"], ["ComparisonFact", "a:b:c:1"]] as const)(
    "round-trip %s %s",
    (type, key) => {
      const id = toGlobalId(type, key);
      expect(id).not.toContain(key);
      expect(fromGlobalId(id)).toEqual({ type, key });
    },
  );
  it.each(["", "not base64!", toGlobalId("Concept", "x").slice(0, 3), Buffer.from("Pod:x").toString("base64url")])("rejects %j", (id) => {
    expect(fromGlobalId(id)).toBeNull();
  });
});

describe("paginate", () => {
  const items = ["a", "b", "c", "d", "e"];
  it.each([
    [2, undefined, ["a", "b"], true, false],
    [2, "b", ["c", "d"], true, true],
    [10, "d", ["e"], false, true],
    [0, undefined, [], true, false],
    [5, "e", [], false, true],
  ])("first %i after %s", (first, afterKey, expected, hasNext, hasPrevious) => {
    const after = afterKey ? paginate(items, (i) => i, 5).items.find((e) => e.node === afterKey)!.cursor : undefined;
    const page = paginate(items, (i) => i, first, after);
    expect(page.items.map((e) => e.node)).toEqual(expected);
    expect([page.hasNextPage, page.hasPreviousPage, page.totalCount]).toEqual([hasNext, hasPrevious, 5]);
  });
  it.each([[101, undefined, "first"], [-1, undefined, "first"], [5, "garbage", "after"]])("rejects first=%i after=%s", (first, after, field) => {
    const error = thrown(() => paginate(items, (i) => i, first, after));
    expect([error.code, error.field]).toEqual(["BAD_USER_INPUT", field]);
  });
});

describe("lifecycle", () => {
  const lifecycle = (l: Partial<Lifecycle>): Lifecycle => ({
    track: "KUBERNETES", introducedIn: null, betaIn: null, stableIn: null, deprecatedIn: null, removedIn: null, channel: null, note: null, sources: [], ...l,
  });
  const trafficDistribution = lifecycle({ introducedIn: "1.30", betaIn: "1.31", stableIn: "1.33" });
  const loadBalancerIp = lifecycle({ deprecatedIn: "1.24" });
  it.each([
    [trafficDistribution, "1.29", null],
    [trafficDistribution, "1.30", "ALPHA"],
    [trafficDistribution, "1.32", "BETA"],
    [trafficDistribution, "1.33", "GA"],
    [trafficDistribution, undefined, "GA"],
    [loadBalancerIp, "1.20", "GA"],
    [loadBalancerIp, "1.24", "DEPRECATED"],
    [lifecycle({ stableIn: "1.19", removedIn: "1.22" }), "1.22", "REMOVED"],
  ] as const)("%#: at %s the status is %s", (l, version, expected) => {
    expect(statusAt(l, version)).toBe(expected);
  });
  it.each([
    ["1.9", "1.10", -1],
    ["1.10", "1.9", 1],
    ["1.6.0", "1.5.1", 1],
    ["1.33", "1.33", 0],
    ["1.2", "1.2.0", 0],
    ["1.2.1", "1.2", 1],
    ["2024-05", "2024-11", -1],
    ["", "1", -1],
  ] as const)("compares %s with %s numerically", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe("concept lookup", () => {
  it.each([
    ["cluster-ip", "cluster-ip"], ["ClusterIP", "cluster-ip"], ["svc", "service"], ["LB", "load-balancer"], ["LoadBalancer", "load-balancer"],
    ["load balancer", "load-balancer"], ["externalTrafficPolicy", "external-traffic-policy"], ["HTTPRoute", "httproute"], ["port-forward", "kubectl-port-forward"],
  ])("%s finds %s", (name, slug) => {
    expect(findConcept(knowledge, name)?.slug).toBe(slug);
  });
  it("finds nothing for an unknown name and suggests the nearest", () => {
    expect(findConcept(knowledge, "loadbalncer")).toBeUndefined();
    expect(suggestConcepts(knowledge, "loadbalncer")).toContain("load-balancer");
    expect(suggestConcepts(knowledge, "ingres")).toContain("ingress");
  });
});

describe("compareConcepts", () => {
  it("mirrors when the sides are swapped", () => {
    const ab = compareConcepts(knowledge, "ingress", "load-balancer");
    const ba = compareConcepts(knowledge, "load-balancer", "ingress");
    expect(ab.rows.map((r) => [r.dimension.slug, r.left, r.right])).toEqual(ba.rows.map((r) => [r.dimension.slug, r.right, r.left]));
    expect(new Set(ab.statements)).toEqual(new Set(ba.statements));
  });
  it("shows the protocol difference between Ingress and LoadBalancer", () => {
    const comparison = compareConcepts(knowledge, "ingress", "LB");
    expect(comparison.rows.find((r) => r.dimension.slug === "udp-traffic")).toMatchObject({ left: "NO" });
    expect(comparison.statements.length).toBeGreaterThan(0);
    expect(comparison.summary.length).toBeGreaterThan(20);
  });
  it("rejects an unknown name with suggestions", () => {
    const error = thrown(() => compareConcepts(knowledge, "ingres", "gateway-api"));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.field).toBe("left");
    expect(error.details?.suggestions).toContain("ingress");
  });
});

describe("parseKubernetesVersion", () => {
  it.each([["1.30", "1.30"], ["v1.30", "1.30"], ["1.30.2", "1.30"], [" 1.9 ", "1.9"], ["1.05", "1.5"]])("reads %j as %s", (input, expected) => {
    expect(parseKubernetesVersion(input, "v")).toBe(expected);
  });
  it.each(["", "banana", "2.0", "1", "1.", "1.300", "1.30-beta"])("rejects %j", (input) => {
    expect(thrown(() => parseKubernetesVersion(input, "kubernetesVersion"))).toMatchObject({ code: "BAD_USER_INPUT", field: "kubernetesVersion" });
  });
  it("knows the newest version in the knowledge base", () => {
    expect(compareVersions(newestKubernetesVersion(knowledge.concepts), "1.36")).toBeGreaterThanOrEqual(0);
  });
});

describe("recommendation conditions", () => {
  const facts = {
    clients: "INTERNET",
    protocols: ["HTTPS", "GRPC"],
    routing: [],
    preserveClientIp: true,
    exposedServices: 3,
    loadBalancerClass: null,
    kubernetesVersion: "1.30",
  } as unknown as Facts;
  it.each([
    [{}, true],
    [{ clients: ["INTERNET", "PRIVATE_NETWORK"] }, true],
    [{ clients: ["IN_CLUSTER"] }, false],
    [{ protocols: ["GRPC"] }, true],
    [{ protocols: ["UDP", "SCTP"] }, false],
    [{ routing: ["HOST"] }, false],
    [{ preserveClientIp: true }, true],
    [{ preserveClientIp: false }, false],
    [{ exposedServices: { min: 2 } }, true],
    [{ exposedServices: { min: 4 } }, false],
    [{ exposedServices: { max: 3 } }, true],
    [{ exposedServices: { min: 1, max: 2 } }, false],
    [{ loadBalancerClass: { set: false } }, true],
    [{ loadBalancerClass: { set: true } }, false],
    [{ protocols: { set: true } }, true],
    [{ routing: { set: true } }, false],
    [{ kubernetesVersion: { below: "1.31" } }, true],
    [{ kubernetesVersion: { below: "1.30" } }, false],
    [{ kubernetesVersion: { atLeast: "1.30" } }, true],
    [{ kubernetesVersion: { atLeast: "1.9", below: "1.100" } }, true],
    [{ kubernetesVersion: { atLeast: "1.31" } }, false],
    [{ clients: ["INTERNET"], preserveClientIp: false }, false],
  ] as [Condition, boolean][])("%# %j → %s", (condition, expected) => {
    expect(matches(condition, facts)).toBe(expected);
    // A second check uses the condition's cached tests.
    expect(matches(condition, facts)).toBe(expected);
  });
});
