// Evaluation set: scenarios modelled on the documented checks of other manifest tools (kube-score,
// kube-linter, Polaris, Kubescape, Popeye, k8sgpt) and on the Gateway API and Kubernetes examples.
// The manifests are written here, not copied; each case links the check or page it follows.
// "flag" cases must produce the expected rule; "clean" cases (correct designs) must produce no ERROR
// or WARNING at all. Targets: at least 90 % of flag and 95 % of clean expectations met.
import { describe, expect, it } from "vitest";
import { analyze, problems, rules } from "./analysisFixtures.js";
import { SCENARIOS, type Scenario } from "./analysisScenarios.js";

function met(s: Scenario): boolean {
  const a = analyze(s.text, s.options);
  return s.expect === "clean" ? problems(a).length === 0 : rules(a).includes(s.expect);
}

describe("evaluation against other tools' documented checks and the docs' examples", () => {
  const flag = SCENARIOS.filter((s) => s.expect !== "clean");
  const clean = SCENARIOS.filter((s) => s.expect === "clean");

  for (const s of SCENARIOS) {
    it(`${s.expect === "clean" ? "no problems" : `flags ${s.expect}`}: ${s.name}`, () => {
      const a = analyze(s.text, s.options);
      if (s.expect === "clean") expect(a.findings.filter((f) => f.severity !== "INFO").map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
      else expect(rules(a)).toContain(s.expect);
    });
  }

  it(`meets the targets: at least 90 % of ${flag.length} flag and 95 % of ${clean.length} clean expectations`, () => {
    const flagRate = flag.filter(met).length / flag.length;
    const cleanRate = clean.filter(met).length / clean.length;
    expect(flag.length).toBeGreaterThanOrEqual(40);
    expect(clean.length).toBeGreaterThanOrEqual(15);
    expect(flagRate).toBeGreaterThanOrEqual(0.9);
    expect(cleanRate).toBeGreaterThanOrEqual(0.95);
  });
});
