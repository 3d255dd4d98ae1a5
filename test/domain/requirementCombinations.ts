// Combinations of requirements that together reach every networking option, shared by the tests
// of generated manifests (their YAML here, their analysis in analysisGenerated.test.ts).
import type { RequirementsInput } from "../../src/domain/recommend/index.js";

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

export function* requirementCombinations(): Generator<RequirementsInput> {
  let i = 0;
  for (const clients of CLIENTS)
    for (const protocols of PROTOCOL_SETS)
      for (const backend of BACKENDS)
        for (const environment of ENVIRONMENTS) {
          const extra = EXTRAS[i++ % EXTRAS.length]!;
          yield { clients, protocols: [...protocols], ...backend, ...environment, ...extra, ...(i % 2 ? { namespace: "team-a", name: "orders" } : {}) };
        }
}
