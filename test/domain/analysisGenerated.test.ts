// Every manifest this service writes must pass its own analysis: no ERROR and no WARNING, for the
// recommendation engine's manifests over many combinations of requirements (the same combinations
// as test/domain/manifests.test.ts) and for every concept's example manifest.
import { describe, expect, it } from "vitest";
import { NETWORKING_OPTIONS, recommend, type RequirementsInput } from "../../src/domain/recommend/index.js";
import { analyze, knowledge } from "./analysisFixtures.js";
import { requirementCombinations as inputs } from "./requirementCombinations.js";

describe("manifests this service generates", () => {
  it("recommendation manifests analyse with no ERROR or WARNING, for every option", () => {
    const failures: string[] = [];
    const seen = new Set<string>();
    let count = 0;
    for (const input of inputs()) {
      const r = recommend(input, knowledge, knowledge.recommendationRules);
      for (const option of [r.best, ...r.alternatives]) {
        if (!option.manifest) continue;
        count++;
        seen.add(option.option);
        const a = analyze(option.manifest, { kubernetesVersion: input.kubernetesVersion ?? undefined });
        for (const f of a.findings.filter((x) => x.severity !== "INFO")) failures.push(`${option.option} ${f.rule}: ${f.message} (${JSON.stringify(input)})`);
      }
    }
    expect([...new Set(failures.map((f) => f.split(" (")[0]))]).toEqual([]);
    expect(count).toBeGreaterThan(900);
    expect([...seen].sort()).toEqual(NETWORKING_OPTIONS.filter((o) => o !== "NO_SERVICE").sort());
  });

  it("concept and Service-type example manifests analyse with no ERROR", () => {
    const failures: string[] = [];
    const examples = [
      ...knowledge.concepts.filter((c) => c.exampleManifest).map((c) => [c.slug, c.exampleManifest!] as const),
      ...knowledge.serviceTypes.map((t) => [t.name, t.exampleManifest] as const),
    ];
    for (const [slug, manifest] of examples) {
      for (const f of analyze(manifest).findings.filter((x) => x.severity === "ERROR")) failures.push(`${slug} ${f.rule}: ${f.message}`);
    }
    expect(examples.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });
});
