// Micro-benchmark of manifest analysis over the real content. Not a test: run it with
//   npx tsx bench/analysis.bench.ts
// It analyses a 100-document bundle (workloads, Services, Ingresses, Gateway API objects,
// NetworkPolicies) and parses the same text with the yaml library, and prints the median (p50) and
// p95 of each and their ratio. Targets (issue 18): analysis p50 <= 20 ms for 100 documents, and
// analysis <= 4x the yaml parse of the same text.
import { parseAllDocuments } from "yaml";
import { contentToKnowledgeData } from "../src/content/knowledgeData.js";
import { loadContent } from "../src/content/load.js";
import { analyzeManifests } from "../src/domain/analysis/index.js";
import { buildSnapshot } from "../src/domain/snapshot.js";

/** 100 documents: 20 apps of Deployment + Service, 20 HTTPRoutes, 10 Ingresses, 8 NetworkPolicies, and the shared objects. */
export function bundle(): string {
  const docs: string[] = [
    "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: { name: example }\nspec: { controllerName: example.com/gateway }",
    "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: { name: edge, namespace: infra }\nspec:\n  gatewayClassName: example\n  listeners:\n    - { name: http, protocol: HTTP, port: 80, allowedRoutes: { namespaces: { from: All } } }\n    - name: https\n      protocol: HTTPS\n      port: 443\n      hostname: '*.example.com'\n      tls: { certificateRefs: [{ name: wildcard }] }\n      allowedRoutes: { namespaces: { from: All } }",
  ];
  docs.push("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: { name: contour }\nspec: { controller: projectcontour.io/ingress-controller }");
  docs.push("apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }");
  for (let i = 0; i < 20; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: { name: app${i}, namespace: shop, labels: { app: app${i} } }
spec:
  replicas: 2
  selector: { matchLabels: { app: app${i} } }
  template:
    metadata: { labels: { app: app${i}, tier: web } }
    spec:
      containers:
        - name: app
          image: registry.example.com/app${i}:1.${i}
          ports: [{ name: http, containerPort: 8080 }, { name: metrics, containerPort: 9090 }]
          resources: { requests: { cpu: 100m, memory: 128Mi } }`);
    docs.push(`apiVersion: v1
kind: Service
metadata: { name: app${i}, namespace: shop }
spec:
  selector: { app: app${i} }
  ports:
    - { name: http, port: 80, targetPort: http }
    - { name: metrics, port: 9090, targetPort: metrics }
  ${i % 4 === 0 ? "type: LoadBalancer\n  externalTrafficPolicy: Local" : "trafficDistribution: PreferSameZone"}`);
  }
  for (let i = 0; i < 20; i++) {
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: route${i}, namespace: shop }
spec:
  parentRefs: [{ name: edge, namespace: infra, sectionName: https }]
  hostnames: [app${i}.example.com]
  rules:
    - matches: [{ path: { type: PathPrefix, value: /api } }, { headers: [{ name: x-version, value: v2 }] }]
      filters: [{ type: RequestHeaderModifier, requestHeaderModifier: { add: [{ name: x-route, value: r${i} }] } }]
      backendRefs: [{ name: app${i}, port: 80, weight: 90 }, { name: app${(i + 1) % 20}, port: 80, weight: 10 }]
    - matches: [{ path: { type: Exact, value: /healthz } }]
      backendRefs: [{ name: app${i}, port: 9090 }]`);
  }
  for (let i = 0; i < 10; i++) {
    docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: ing${i}, namespace: shop }
spec:
  ingressClassName: contour
  tls: [{ hosts: [legacy${i}.example.com], secretName: legacy${i}-tls }]
  rules:
    - host: legacy${i}.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: app${i}, port: { number: 80 } } } }
          - { path: /metrics, pathType: Exact, backend: { service: { name: app${i}, port: { name: metrics } } } }`);
  }
  for (let i = 0; i < 8; i++) {
    docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: np${i}, namespace: shop }
spec:
  podSelector: { matchLabels: { app: app${i} } }
  policyTypes: [Ingress]
  ingress:
    - from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: infra } } }, { podSelector: { matchLabels: { tier: web } } }]
      ports: [{ port: 8080 }]`);
  }
  while (docs.length < 100) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cfg${docs.length}, namespace: shop }\ndata: { key: value${docs.length} }`);
  return docs.join("\n---\n");
}

/** Wall-clock and CPU (user + system) milliseconds per run; CPU time is steadier on a shared machine. */
function timings(run: () => void, n: number): { p50: number; p95: number; cpuP50: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: times[Math.floor(n / 2)]!, p95: times[Math.floor(n * 0.95)]!, cpuP50: cpu[Math.floor(n / 2)]! };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
  const text = bundle();
  const first = analyzeManifests(text, {}, knowledge);
  console.log(`bundle: ${text.length} characters, ${first.objects.length} objects, ${first.findings.length} findings (${first.findings.filter((f) => f.severity !== "INFO").length} ERROR/WARNING)`);
  for (let i = 0; i < 30; i++) analyzeManifests(text, {}, knowledge); // warm-up
  for (let i = 0; i < 30; i++) parseAllDocuments(text).map((d) => d.toJS());
  const analysis = timings(() => analyzeManifests(text, {}, knowledge), 200);
  const parse = timings(() => parseAllDocuments(text).map((d) => d.toJS()), 200);
  console.log(`analysis: p50 ${analysis.p50.toFixed(2)} ms, p95 ${analysis.p95.toFixed(2)} ms, CPU p50 ${analysis.cpuP50.toFixed(2)} ms (target p50 <= 20 ms)`);
  console.log(`yaml parse: p50 ${parse.p50.toFixed(2)} ms, p95 ${parse.p95.toFixed(2)} ms, CPU p50 ${parse.cpuP50.toFixed(2)} ms`);
  console.log(`analysis / parse (p50): ${(analysis.p50 / parse.p50).toFixed(2)} (target <= 4)`);
}
