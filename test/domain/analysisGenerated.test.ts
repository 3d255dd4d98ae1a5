// Every manifest this service writes must pass its own analysis: no ERROR and no WARNING, for the
// recommendation engine's manifests over many combinations of requirements (the same combinations
// as test/domain/manifests.test.ts) and for every concept's example manifest.
import { describe, expect, it } from "vitest";
import { NETWORKING_OPTIONS, recommend, type RequirementsInput } from "../../src/domain/recommend/index.js";
import { analyze, knowledge } from "./analysisFixtures.js";

const CLIENTS = ["IN_CLUSTER", "PRIVATE_NETWORK", "INTERNET", "LOCAL_DEVELOPER"] as const;
const PROTOCOL_SETS = [["HTTP"], ["HTTPS"], ["GRPC"], ["TCP"], ["UDP"], ["SCTP"], ["TLS"], ["TCP", "UDP"]] as const;
const BACKENDS: Partial<RequirementsInput>[] = [
  { backend: "PODS" },
  { backend: "EXTERNAL_HOSTNAME", externalHostname: "db.example.org" },
  { backend: "EXTERNAL_IP", externalIp: "10.20.30.40" },
  { backend: "EXTERNAL_IP", externalIp: "2001:db8::10" },
  { backend: "OTHER_NAMESPACE_SERVICE" },
];
const ENVIRONMENTS: Partial<RequirementsInput>[] = [
  { environment: "CLOUD" },
  { environment: "BARE_METAL", loadBalancer: "NONE" },
  { environment: "BARE_METAL", loadBalancer: "BARE_METAL_IMPLEMENTATION" },
  { environment: "BARE_METAL", loadBalancer: "EXTERNAL_APPLIANCE" },
  { environment: "LOCAL" },
];
const EXTRAS: Partial<RequirementsInput>[] = [
  {},
  { routing: ["PATH", "HOST"], tls: "TERMINATE_AT_EDGE", exposedServices: 4 },
  { routing: ["HEADER", "WEIGHTED_SPLIT"], multiTenantRouting: true },
  { routing: ["GRPC_METHOD"] },
  { routing: ["SNI"], tls: "PASSTHROUGH", exposedServices: 3 },
  { exposedServices: 5, minimizeCost: true, standardPorts: true },
  { perPodAddressing: true, locality: "PREFER_SAME_ZONE", kubernetesVersion: "1.32" },
  { preserveClientIp: true, dualStack: true, stickySessions: true, allowedSourceRanges: ["198.51.100.0/24"], loadBalancerClass: "example.com/lb", noNodePorts: true },
  { staticExternalIp: true, fixedClusterIp: "10.96.0.20", locality: "SAME_NODE_ONLY", servicePort: 5432, targetPort: 15432 },
];

function* inputs(): Generator<RequirementsInput> {
  let i = 0;
  for (const clients of CLIENTS)
    for (const protocols of PROTOCOL_SETS)
      for (const backend of BACKENDS)
        for (const environment of ENVIRONMENTS) {
          const extra = EXTRAS[i++ % EXTRAS.length]!;
          yield { clients, protocols: [...protocols], ...backend, ...environment, ...extra, ...(i % 2 ? { namespace: "team-a", name: "orders" } : {}) };
        }
}

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
