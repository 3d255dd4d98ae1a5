// The knowledge content itself: it loads, every reference resolves, every fact cites an official page.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, loadContent } from "../../src/content/load.js";
import { isOfficialSource } from "../helpers/officialSources.js";

const content = loadContent();

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
  const sources = "k8s-service:\n  url: https://kubernetes.io/docs/concepts/services-networking/service/\n  title: Service\n";
  const concept = (extra = "") =>
    `- slug: cluster-ip\n  name: ClusterIP\n  kind: SERVICE_TYPE\n  summary: In-cluster virtual IP.\n  body: Text.\n  sources: [k8s-service]\n${extra}`;

  it.each([
    ["a summary over 300 characters", { [source]: sources, "concepts/a.yaml": concept().replace("In-cluster virtual IP.", "x".repeat(301)) }, /concepts\/a\.yaml: entry 1 \(cluster-ip\), field "summary"/],
    ["an unknown source id", { [source]: sources, "concepts/a.yaml": concept().replace("[k8s-service]", "[nope]") }, /concepts\/a\.yaml: concept "cluster-ip": unknown source "nope"/],
    ["a relation to an unknown concept", { [source]: sources, "concepts/a.yaml": concept("  related:\n    - { type: BUILDS_ON, to: ghost }\n") }, /field "related\.0\.to": unknown concept "ghost"/],
    ["an unknown kind", { [source]: sources, "concepts/a.yaml": concept().replace("SERVICE_TYPE", "THING") }, /entry 1 \(cluster-ip\), field "kind"/],
    ["a malformed Kubernetes version", { [source]: sources, "concepts/a.yaml": concept("  lifecycle: { track: KUBERNETES, stableIn: v1.24, sources: [k8s-service] }\n") }, /field "lifecycle\.stableIn": "v1\.24" is not a KUBERNETES version/],
    ["invalid YAML", { [source]: sources, "concepts/a.yaml": "- slug: [" }, /concepts\/a\.yaml: not valid YAML/],
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
