// Shared knowledge and helpers for the manifest-analysis tests. Manifests in the tests are written
// for them; each table case names the page or tool check it follows.
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { analyzeManifests, type AnalysisOptions, type ManifestAnalysis } from "../../src/domain/analysis/index.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";

export const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));

export const analyze = (text: string, options: AnalysisOptions = {}): ManifestAnalysis => analyzeManifests(text, options, knowledge);

/** Rules reported at ERROR or WARNING. */
export const problems = (a: ManifestAnalysis) => a.findings.filter((f) => f.severity !== "INFO").map((f) => f.rule);
export const rules = (a: ManifestAnalysis) => a.findings.map((f) => f.rule);

export const deployment = (name: string, labels: Record<string, string>, ports = "[{ name: http, containerPort: 8080 }]", namespace = "shop") => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  replicas: 2
  selector: { matchLabels: ${JSON.stringify(labels)} }
  template:
    metadata: { labels: ${JSON.stringify(labels)} }
    spec:
      containers:
        - name: app
          image: registry.example.com/${name}:1.0
          ports: ${ports}
`;

export const service = (name: string, spec: string, namespace = "shop") => `
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${namespace} }
spec:
${spec
  .trim()
  .split("\n")
  .map((l) => `  ${l}`)
  .join("\n")}
`;

export const gateway = (listeners: string, namespace = "infra", className = "example") => `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: edge, namespace: ${namespace} }
spec:
  gatewayClassName: ${className}
  listeners:
${listeners
  .trim()
  .split("\n")
  .map((l) => `    ${l}`)
  .join("\n")}
`;

export const gatewayClass = (name = "example") => `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: ${name} }
spec: { controllerName: example.com/gateway-controller }
`;

export const join = (...docs: string[]) => docs.map((d) => d.trim()).join("\n---\n");
