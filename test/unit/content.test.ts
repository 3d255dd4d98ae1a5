// The knowledge content itself: it loads, every reference resolves, every fact cites an official page.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCoverage } from "../../src/content/coverageSchema.js";
import { checkFamilies } from "../../src/content/familySchema.js";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { ContentError, loadContent } from "../../src/content/load.js";
import { compareConcepts } from "../../src/domain/compare.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";
import { isOfficialSource } from "../helpers/officialSources.js";

const content = loadContent();
const knowledge = buildSnapshot(contentToKnowledgeData(content, new Date(0)));

/** Every `sources` list anywhere in a content document entry (guides, analysis rules, ...). */
function documentSources(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(documentSources);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === "sources" && Array.isArray(v) && v.every((s) => typeof s === "string") ? (v as string[]) : documentSources(v),
  );
}

describe("knowledge content", () => {
  it("has the foundation's minimum coverage", () => {
    expect(content.concepts.length).toBeGreaterThanOrEqual(35);
    expect(content.capabilities.length + content.comparisons.length).toBeGreaterThanOrEqual(80);
    expect(content.comparisons.length).toBeGreaterThanOrEqual(25);
    expect(content.serviceTypes.map((t) => t.name)).toEqual(["CLUSTER_IP", "NODE_PORT", "LOAD_BALANCER", "EXTERNAL_NAME"]);
  });

  it("cites only official documentation", () => {
    const unofficial = [...content.sources].filter(([, s]) => !isOfficialSource(s.url)).map(([id, s]) => `${id}: ${s.url}`);
    expect(unofficial).toEqual([]);
  });

  it("uses every source it defines", () => {
    const used = new Set([
      ...content.concepts.flatMap((c) => [...c.sources, ...(c.lifecycle?.sources ?? [])]),
      ...content.capabilities.flatMap((c) => c.sources),
      ...content.comparisons.flatMap((c) => c.sources),
      ...content.serviceTypes.flatMap((t) => t.sources),
      ...documentSources(content.recommendationRules),
      ...documentSources(content.documents),
    ]);
    expect([...content.sources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("keeps chatbot summaries plain text", () => {
    // Field paths such as spec.ports[].port are fine; code spans, emphasis, links and headings are not.
    const withMarkdown = content.concepts.filter((c) => /`|\*\*|__|\]\(|^#/m.test(c.summary)).map((c) => c.slug);
    expect(withMarkdown).toEqual([]);
  });

  it("records the highest-risk version milestones", () => {
    const lifecycle = (slug: string) => content.concepts.find((c) => c.slug === slug)?.lifecycle;
    expect(lifecycle("load-balancer-ip")?.deprecatedIn).toBe("1.24");
    expect(lifecycle("external-ips")?.deprecatedIn).toBe("1.36");
    expect(lifecycle("internal-traffic-policy")?.stableIn).toBe("1.26");
    expect(lifecycle("traffic-distribution")?.stableIn).toBe("1.33");
    expect(lifecycle("ipvs-proxy-mode")?.deprecatedIn).toBe("1.35");
    expect(lifecycle("endpoints")?.deprecatedIn).toBe("1.33");
    expect(lifecycle("tlsroute")).toMatchObject({ track: "GATEWAY_API", stableIn: "1.5.0" });
    expect(lifecycle("tcproute")).toMatchObject({ track: "GATEWAY_API", stableIn: "1.6.0" });
    expect(lifecycle("endpoint-slice")).toMatchObject({ introducedIn: "1.16", stableIn: "1.21" });
    expect(lifecycle("service-name-validation")).toMatchObject({ betaIn: "1.36", stableIn: "1.37" });
  });

  it("records when every source was last checked", () => {
    expect([...content.sources].filter(([, s]) => !/^\d{4}-\d{2}-\d{2}$/.test(s.checked)).map(([id]) => id)).toEqual([]);
  });

  it("fills every cell of every comparison family", () => {
    expect(knowledge.documents.families.map((f) => f.slug)).toEqual(["service-types", "ingress-and-gateway", "load-balancer-implementations", "developer-access"]);
    expect(checkFamilies(knowledge.documents.families, knowledge)).toEqual([]);
    for (const family of knowledge.documents.families) {
      for (const left of family.concepts) {
        for (const right of family.concepts) {
          if (left === right) continue;
          const rows = compareConcepts(knowledge, left, right).rows.filter((r) => family.dimensions.includes(r.dimension.slug));
          expect(rows.filter((r) => r.left === null || r.right === null).map((r) => `${left}/${right}: ${r.dimension.slug}`)).toEqual([]);
          expect(rows).toHaveLength(family.dimensions.length);
        }
      }
    }
  });
});

describe("content reference checks", () => {
  it("names every empty cell of a family", () => {
    const family = { slug: "lb", name: "LB", description: "d", concepts: ["load-balancer", "metallb"], dimensions: ["sctp-traffic", "works-without-cloud", "flying"] };
    expect(checkFamilies([family], knowledge)).toEqual([
      'family "lb": unknown dimension "flying"',
      'family "lb": concept "metallb" has no capability on dimension(s) "sctp-traffic"',
    ]);
  });

  it("ties the covered versions to the lifecycles and the last check to the sources", () => {
    expect(checkCoverage(knowledge.documents.coverage, knowledge)).toEqual([]);
    const problems = checkCoverage([{ kubernetesVersion: "1.36", gatewayApiVersion: "1.5.0", lastChecked: "2026-01-01" }], knowledge);
    expect(problems).toContain('concept "hostname-override": lifecycle stableIn 1.37 is after the covered KUBERNETES version 1.36; put planned releases in the note');
    expect(problems).toContain('concept "tcproute": lifecycle stableIn 1.6.0 is after the covered GATEWAY_API version 1.5.0; put planned releases in the note');
    expect(problems).toContain("kubernetesVersion 1.36 is not the newest version any lifecycle mentions (1.37)");
    expect(problems.some((p) => /^source "k8s-service" was checked on 2026-12-03, after lastChecked 2026-01-01$/.test(p))).toBe(true);
    expect(checkCoverage([], knowledge)).toEqual(["exactly one coverage entry is expected, found 0"]);
  });
});

describe("content validation", () => {
  function contentDir(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "content-"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }
  const problemsOf = (files: Record<string, string>): string[] => {
    try {
      loadContent(contentDir(files));
      return [];
    } catch (error) {
      if (error instanceof ContentError) return [...error.problems];
      throw error;
    }
  };
  const source = "sources/a.yaml";
  const sources = "k8s-service:\n  url: https://kubernetes.io/docs/concepts/services-networking/service/\n  title: Service\n  checked: 2026-12-03\n";
  const concept = (extra = "") =>
    `- slug: cluster-ip\n  name: ClusterIP\n  kind: SERVICE_TYPE\n  summary: In-cluster virtual IP.\n  body: Text.\n  sources: [k8s-service]\n${extra}`;

  it.each([
    ["a summary over 300 characters", { [source]: sources, "concepts/a.yaml": concept().replace("In-cluster virtual IP.", "x".repeat(301)) }, /concepts\/a\.yaml: entry 1 \(cluster-ip\), field "summary"/],
    ["an unknown source id", { [source]: sources, "concepts/a.yaml": concept().replace("[k8s-service]", "[nope]") }, /concepts\/a\.yaml: concept "cluster-ip": unknown source "nope"/],
    ["a relation to an unknown concept", { [source]: sources, "concepts/a.yaml": concept("  related:\n    - { type: BUILDS_ON, to: ghost }\n") }, /field "related\.0\.to": unknown concept "ghost"/],
    ["an unknown kind", { [source]: sources, "concepts/a.yaml": concept().replace("SERVICE_TYPE", "THING") }, /entry 1 \(cluster-ip\), field "kind"/],
    ["a malformed Kubernetes version", { [source]: sources, "concepts/a.yaml": concept("  lifecycle: { track: KUBERNETES, stableIn: v1.24, sources: [k8s-service] }\n") }, /field "lifecycle\.stableIn": "v1\.24" is not a KUBERNETES version/],
    ["invalid YAML", { [source]: sources, "concepts/a.yaml": "- slug: [" }, /concepts\/a\.yaml: not valid YAML/],
    ["a source without a checked date", { [source]: sources.replace("  checked: 2026-12-03\n", ""), "concepts/a.yaml": concept() }, /sources\/a\.yaml: entry "k8s-service", field "checked": must be the date/],
    ["a GA lifecycle with no alpha and no skipped stage", { [source]: sources, "concepts/a.yaml": concept('  lifecycle: { track: KUBERNETES, betaIn: "1.18", stableIn: "1.19", sources: [k8s-service] }\n') }, /field "lifecycle\.introducedIn": a GA lifecycle records its alpha release or lists ALPHA in skipped/],
    ["stages out of order", { [source]: sources, "concepts/a.yaml": concept('  lifecycle: { track: KUBERNETES, introducedIn: "1.20", betaIn: "1.19", stableIn: "1.21", sources: [k8s-service] }\n') }, /field "lifecycle\.betaIn": betaIn 1\.19 is earlier than introducedIn 1\.20/],
    ["a Gateway API lifecycle without a channel", { [source]: sources, "concepts/a.yaml": concept('  lifecycle: { track: GATEWAY_API, introducedIn: "1.6.0", sources: [k8s-service] }\n') }, /field "lifecycle\.channel": a Gateway API lifecycle names its current release channel/],
    ["a lifecycle with no stage", { [source]: sources, "concepts/a.yaml": concept("  lifecycle: { track: KUBERNETES, sources: [k8s-service] }\n") }, /a lifecycle records at least one stage/],
    ["a capability on an unknown dimension", { [source]: sources, "concepts/a.yaml": concept(), "capabilities/a.yaml": "- { concept: cluster-ip, dimension: flying, value: NO, note: n, sources: [k8s-service] }\n" }, /capabilities\/a\.yaml: entry 1 \(cluster-ip \/ flying\): unknown dimension "flying"/],
  ])("names the file, entry and field for %s", (_, files, expected) => {
    expect(problemsOf(files).join("\n")).toMatch(expected);
  });

  it("finds nothing wrong in valid files but insists on the recommendation rules", () => {
    expect(problemsOf({ [source]: sources, "concepts/a.yaml": concept() })).toEqual([
      "recommendation/rules.yaml: missing; the recommendation engine needs its rules",
    ]);
  });
});
