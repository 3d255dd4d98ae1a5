// nearestConcepts: what conceptSuggestions answers for a name concept() does not know.
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { DomainError } from "../../src/domain/errors.js";
import { MAX_CONCEPT_SUGGESTIONS, nearestConcepts, suggestConcepts } from "../../src/domain/lookup.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
const slugs = (name: string, first?: number) => nearestConcepts(knowledge, name, first).map((c) => c.slug);

describe("nearestConcepts", () => {
  it.each([
    // typo, the concept a user meant
    ["gatewy-api", "gateway-api"],
    ["loadbalanser", "load-balancer"],
    ["ingres", "ingress"],
    ["clusterip", "cluster-ip"],
    ["Headless Servce", "headless-service"],
  ])("offers %s -> %s first or among the first three", (typo, meant) => {
    expect(slugs(typo)).toContain(meant);
  });

  it("gives an exact slug, alias or Kubernetes spelling first", () => {
    expect(slugs("LB")[0]).toBe("load-balancer");
    expect(slugs("LoadBalancer")[0]).toBe("load-balancer");
    expect(slugs("gateway-api")[0]).toBe("gateway-api");
  });

  it("suggests for an unknown name exactly what compare's error suggests", () => {
    for (const typo of ["gatewy-api", "nodeprot", "endpointslise"]) {
      expect(slugs(typo, 3)).toEqual(suggestConcepts(knowledge, typo, 3));
    }
  });

  it("returns at most first concepts, without repeats", () => {
    for (const first of [0, 1, 3, MAX_CONCEPT_SUGGESTIONS]) {
      const found = slugs("service", first);
      expect(found.length).toBeLessThanOrEqual(first);
      expect(new Set(found).size).toBe(found.length);
    }
    expect(slugs("service", MAX_CONCEPT_SUGGESTIONS).length).toBeGreaterThan(3);
  });

  it("finds nothing for a name far from every concept, or too long to compare", () => {
    expect(slugs("zzzzzzzzzzzzzzzzzzzz")).toEqual([]);
    expect(slugs("gatewayapi".repeat(25))).toEqual([]);
  });

  it.each([-1, MAX_CONCEPT_SUGGESTIONS + 1, 1.5])("refuses first = %s as BAD_USER_INPUT on first", (first) => {
    let error: unknown;
    try {
      nearestConcepts(knowledge, "svc", first);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});
