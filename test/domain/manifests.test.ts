// Every manifest the recommender can produce must be valid YAML with the fields kubectl needs,
// across many combinations of requirements, covering every networking option.
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { NETWORKING_OPTIONS, recommend, type RecommendedOption, type RequirementsInput } from "../../src/domain/recommend/index.js";
import { getPath } from "../../src/domain/recommend/settings.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";
import { requirementCombinations as inputs } from "./requirementCombinations.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
const rules = knowledge.recommendationRules;

function checkManifest(option: RecommendedOption, input: RequirementsInput): void {
  const where = `${option.option} for ${JSON.stringify(input)}`;
  const parsed = parseAllDocuments(option.manifest);
  if (option.option === "NO_SERVICE") {
    expect(option.manifest, where).toBe("");
    return;
  }
  expect(parsed.length, where).toBeGreaterThan(0);
  const docs = parsed.map((d) => {
    expect(d.errors, where).toEqual([]);
    return d.toJS() as Record<string, any>;
  });
  // kubectl reads YAML 1.1, where "yes", "on" and "y" are booleans: the text must mean the same there.
  expect(parseAllDocuments(option.manifest, { version: "1.1" }).map((d) => d.toJS()), where).toEqual(docs);
  for (const doc of docs) {
    expect(doc.apiVersion, where).toMatch(/^(v1|[a-z.]+\.k8s\.io\/v1(beta1)?)$/);
    expect(doc.kind, where).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(doc.metadata?.name, where).toMatch(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
    if (input.namespace && doc.kind !== "ReferenceGrant") expect(doc.metadata.namespace, where).toBe(input.namespace);
  }
  const services = docs.filter((d) => d.kind === "Service");
  const proxied = option.option !== "EXTERNAL_NAME" && services[0];
  if (proxied) for (const port of proxied.spec.ports) expect(port.port, where).toBeGreaterThan(0);
  if (option.settings.length) expect(services.length, `${where}: settings need a Service`).toBeGreaterThan(0);
  if (services[0]) {
    for (const s of option.settings) {
      const actual = getPath(services[0], s.path);
      expect(typeof actual === "string" ? actual : JSON.stringify(actual), `${where} ${s.path}`).toBe(s.value);
    }
  }
  for (const slice of docs.filter((d) => d.kind === "EndpointSlice")) {
    expect(slice.metadata.labels["kubernetes.io/service-name"], where).toBe(services[0]?.metadata.name);
    expect(slice.metadata.labels["endpointslice.kubernetes.io/managed-by"], where).toBeTruthy();
  }
  for (const ingress of docs.filter((d) => d.kind === "Ingress")) {
    expect(ingress.spec.ingressClassName, where).toBeTruthy();
    for (const rule of ingress.spec.rules) for (const p of rule.http.paths) expect(p.pathType, where).toMatch(/^(Prefix|Exact)$/);
  }
  const gateway = docs.find((d) => d.kind === "Gateway");
  for (const r of docs.filter((d) => /Route$/.test(d.kind))) expect(r.spec.parentRefs[0].name, where).toBe(gateway?.metadata.name);
}

describe("generated manifests", () => {
  const seen = new Set<string>();
  let count = 0;
  it("parse, and every document has apiVersion, kind and metadata.name, for every option", () => {
    for (const input of inputs()) {
      const r = recommend(input, knowledge, rules);
      for (const option of [r.best, ...r.alternatives]) {
        checkManifest(option, input);
        seen.add(option.option);
        count++;
      }
    }
    expect(count).toBeGreaterThan(1000);
    expect([...seen].sort()).toEqual([...NETWORKING_OPTIONS].sort());
  });
});
