// Evaluation scenarios: modelled on the documented checks of other manifest tools (kube-score,
// kube-linter, Polaris, Kubescape, Popeye, k8sgpt) and on the Gateway API and Kubernetes examples.
// The manifests are written here, not copied; each case links the check or page it follows.
// "flag" cases must produce the expected rule; "clean" cases must produce no ERROR or WARNING.
import { deployment, gateway, gatewayClass, join, service } from "./analysisFixtures.js";

const KUBE_SCORE = "https://github.com/zegl/kube-score/blob/master/README_CHECKS.md";
const KUBE_LINTER = "https://docs.kubelinter.io/#/generated/checks";
const POLARIS = "https://polaris.docs.fairwinds.com/checks/security/";
const KUBESCAPE = "https://hub.armosec.io/docs/controls";
const POPEYE = "https://popeyecli.io/";
const K8SGPT = "https://github.com/k8sgpt-ai/k8sgpt#analyzers";
const GW = "https://gateway-api.sigs.k8s.io";
const K8S = "https://kubernetes.io/docs";

export interface Scenario {
  readonly name: string;
  readonly source: string;
  readonly text: string;
  /** The rule that must be reported, or "clean" for no ERROR or WARNING. */
  readonly expect: string;
  readonly options?: { kubernetesVersion?: string; gatewayApiVersion?: string };
}

const api = deployment("api", { app: "api", tier: "backend" }, "[{ name: http, containerPort: 8080 }, { name: metrics, containerPort: 9090 }]");
const apiSvc = service("api", "selector: { app: api }\nports:\n  - { name: http, port: 80, targetPort: http }\n  - { name: metrics, port: 9090, targetPort: metrics }");
const ing = (backend: string, extra = "") => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: api, namespace: shop${extra} }
spec:
  ingressClassName: contour
  tls: [{ hosts: [api.example.com], secretName: api-tls }]
  rules:
    - host: api.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: ${backend} } }
`;
const contourClass = "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: { name: contour }\nspec: { controller: projectcontour.io/ingress-controller }\n";
const route = (spec: string, kind = "HTTPRoute", ns = "shop") =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: ${kind}\nmetadata: { name: r, namespace: ${ns} }\nspec:\n${spec
    .trim()
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n")}\n`;
const sharedGateway = gateway(
  "- name: http\n  protocol: HTTP\n  port: 80\n  allowedRoutes: { namespaces: { from: Selector, selector: { matchLabels: { shared-gateway: \"true\" } } } }\n- name: https\n  protocol: HTTPS\n  port: 443\n  hostname: '*.example.com'\n  tls: { certificateRefs: [{ name: wildcard-cert }] }\n  allowedRoutes: { namespaces: { from: All } }",
);
const shopNs = "apiVersion: v1\nkind: Namespace\nmetadata: { name: shop, labels: { shared-gateway: \"true\" } }\n";
const np = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: shop }\nspec:\n${spec
  .trim()
  .split("\n")
  .map((l) => `  ${l}`)
  .join("\n")}\n`;

export const SCENARIOS: readonly Scenario[] = [
  // kube-score
  { name: "kube-score service-targets-pod: selector matches no Pod", source: KUBE_SCORE, expect: "service-selector-no-pods", text: join(api, service("api", "selector: { app: api-server }\nports: [{ port: 80, targetPort: 8080 }]")) },
  { name: "kube-score ingress-targets-service: backend Service missing", source: KUBE_SCORE, expect: "ingress-backend-missing", text: join(api, apiSvc, contourClass, ing("{ name: api-v2, port: { number: 80 } }")) },
  { name: "kube-score ingress-targets-service: backend port missing", source: KUBE_SCORE, expect: "ingress-backend-port-missing", text: join(api, apiSvc, contourClass, ing("{ name: api, port: { number: 443 } }")) },
  { name: "kube-score networkpolicy-targets-pod: policy selects nothing", source: KUBE_SCORE, expect: "network-policy-selects-nothing", text: join(api, np("podSelector: { matchLabels: { app: frontend } }\npolicyTypes: [Ingress]")) },
  { name: "kube-score statefulset-has-servicename: serviceName names nothing", source: KUBE_SCORE, expect: "statefulset-service-missing", text: join(apiSvc, "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: kafka, namespace: shop }\nspec:\n  serviceName: kafka-headless\n  selector: { matchLabels: { app: kafka } }\n  template:\n    metadata: { labels: { app: kafka } }\n    spec: { containers: [{ name: kafka, image: kafka, ports: [{ containerPort: 9092 }] }] }\n") },
  { name: "kube-score service-type: NodePort", source: KUBE_SCORE, expect: "exposed-node-port", text: join(api, service("api", "type: NodePort\nselector: { app: api }\nports: [{ port: 80, targetPort: http }]")) },
  { name: "kube-score stable-version: Ingress extensions/v1beta1", source: KUBE_SCORE, expect: "removed-api-version", text: "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: api, namespace: shop }\nspec:\n  rules: [{ host: api.example.com, http: { paths: [{ path: /, backend: { serviceName: api, servicePort: 80 } }] } }]\n" },
  { name: "kube-score stable-version: CronJob batch/v1beta1", source: KUBE_SCORE, expect: "removed-api-version", text: "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: { name: report }\nspec:\n  schedule: '0 * * * *'\n  jobTemplate: { spec: { template: { spec: { restartPolicy: OnFailure, containers: [{ name: r, image: busybox }] } } } }\n" },
  // kube-linter
  { name: "kube-linter dangling-service", source: `${KUBE_LINTER}?id=dangling-service`, expect: "service-selector-no-pods", text: join(deployment("worker", { app: "worker" }), service("worker", "selector: { app: workr }\nports: [{ port: 80, targetPort: 8080 }]")) },
  { name: "kube-linter dangling-ingress", source: `${KUBE_LINTER}?id=dangling-ingress`, expect: "ingress-backend-missing", text: join(apiSvc, ing("{ name: apii, port: { number: 80 } }")) },
  { name: "kube-linter dangling-networkpolicy", source: `${KUBE_LINTER}?id=dangling-networkpolicy`, expect: "network-policy-selects-nothing", text: join(api, np("podSelector: { matchExpressions: [{ key: app, operator: In, values: [db, cache] }] }\npolicyTypes: [Ingress]")) },
  { name: "kube-linter mismatching-selector", source: `${KUBE_LINTER}?id=mismatching-selector`, expect: "workload-selector-mismatch", text: api.replace('matchLabels: {"app":"api","tier":"backend"}', 'matchLabels: {"app":"api","tier":"frontend"}') },
  { name: "kube-linter host-network", source: `${KUBE_LINTER}?id=host-network`, expect: "exposed-host-network", text: "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: agent }\nspec:\n  selector: { matchLabels: { app: agent } }\n  template:\n    metadata: { labels: { app: agent } }\n    spec: { hostNetwork: true, containers: [{ name: a, image: agent }] }\n" },
  { name: "kube-linter host-port", source: `${KUBE_LINTER}?id=host-port`, expect: "exposed-host-port", text: "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: c, image: nginx, ports: [{ containerPort: 80, hostPort: 80 }] }] }\n" },
  { name: "kube-linter exposed-services (NodePort)", source: `${KUBE_LINTER}?id=exposed-services`, expect: "exposed-node-port", text: service("api", "type: NodePort\nselector: { app: api }\nports: [{ port: 80, nodePort: 31080 }]") },
  { name: "kube-linter invalid-target-ports: port name over 15 characters", source: `${KUBE_LINTER}?id=invalid-target-ports`, expect: "invalid-port-name", text: join(deployment("api", { app: "api" }, "[{ name: http-management-port, containerPort: 8080 }]")) },
  { name: "kube-linter invalid-target-ports: Service targetPort name with uppercase", source: `${KUBE_LINTER}?id=invalid-target-ports`, expect: "invalid-port-name", text: service("api", "selector: { app: api }\nports: [{ port: 80, targetPort: HTTP }]") },
  // Polaris
  { name: "Polaris hostNetworkSet", source: POLARIS, expect: "exposed-host-network", text: deployment("api", { app: "api" }).replace("    spec:\n      containers:", "    spec:\n      hostNetwork: true\n      containers:") },
  { name: "Polaris hostPortSet", source: POLARIS, expect: "exposed-host-port", text: deployment("api", { app: "api" }, "[{ containerPort: 8080, hostPort: 30080 }]") },
  // Kubescape
  { name: "Kubescape C-0044 container hostPort", source: `${KUBESCAPE}/c-0044`, expect: "exposed-host-port", text: "apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec:\n  template:\n    spec: { restartPolicy: Never, containers: [{ name: c, image: busybox, ports: [{ containerPort: 53, hostPort: 53, protocol: UDP }] }] }\n" },
  { name: "Kubescape C-0041 hostNetwork access", source: `${KUBESCAPE}/c-0041`, expect: "exposed-host-network", text: "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { hostNetwork: true, containers: [{ name: c, image: nginx }] }\n" },
  { name: "Kubescape external facing: LoadBalancer (INFO)", source: `${KUBESCAPE}/c-0256`, expect: "exposed-load-balancer", text: service("api", "type: LoadBalancer\nselector: { app: api }\nports: [{ port: 443, targetPort: 8443 }]") },
  { name: "Kubescape externalIPs", source: `${KUBESCAPE}/c-0256`, expect: "exposed-external-ips", text: service("api", "selector: { app: api }\nports: [{ port: 80 }]\nexternalIPs: [203.0.113.20]") },
  // Popeye
  { name: "Popeye POP-1106: no target port matches", source: POPEYE, expect: "target-port-not-declared", text: join(api, service("api", "selector: { app: api }\nports: [{ port: 80, targetPort: 8000 }]")) },
  { name: "Popeye: named target port not on the Pods", source: POPEYE, expect: "target-port-name-missing", text: join(api, service("api", "selector: { app: api }\nports: [{ port: 80, targetPort: web }]")) },
  { name: "Popeye POP-1401: Ingress backend Service does not exist", source: POPEYE, expect: "ingress-backend-missing", text: join(apiSvc, contourClass, ing("{ name: checkout, port: { number: 80 } }")) },
  { name: "Popeye POP-1402: Ingress backend port not defined", source: POPEYE, expect: "ingress-backend-port-missing", text: join(apiSvc, ing("{ name: api, port: { name: https } }")) },
  { name: "Popeye: NetworkPolicy matches no Pods", source: POPEYE, expect: "network-policy-selects-nothing", text: join(api, np("podSelector: { matchLabels: { role: db } }")) },
  // k8sgpt
  { name: "k8sgpt Service analyzer: no endpoints for the selector", source: K8SGPT, expect: "service-selector-no-pods", text: join(api, service("api", "selector: { app: api, version: v2 }\nports: [{ port: 80, targetPort: http }]")) },
  { name: "k8sgpt Ingress analyzer: IngressClass not found", source: K8SGPT, expect: "ingress-class-missing", text: join(api, apiSvc, "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: { name: nginx-internal }\nspec: { controller: example.com/ingress }\n", ing("{ name: api, port: { number: 80 } }")) },
  { name: "k8sgpt Ingress analyzer: backend Service not found", source: K8SGPT, expect: "ingress-backend-missing", text: join(apiSvc, ing("{ name: ap1, port: { number: 80 } }")) },
  { name: "k8sgpt HTTPRoute analyzer: Gateway not found", source: K8SGPT, expect: "route-parent-missing", text: join(gatewayClass(), sharedGateway, apiSvc, route("parentRefs: [{ name: egde, namespace: infra }]\nrules: [{ backendRefs: [{ name: api, port: 80 }] }]")) },
  { name: "k8sgpt HTTPRoute analyzer: backend Service not found", source: K8SGPT, expect: "route-backend-missing", text: join(apiSvc, route("parentRefs: [{ name: edge, namespace: infra }]\nrules: [{ backendRefs: [{ name: api-svc, port: 80 }] }]")) },
  { name: "k8sgpt HTTPRoute analyzer: backend port mismatch", source: K8SGPT, expect: "route-backend-port-missing", text: join(apiSvc, route("parentRefs: [{ name: edge, namespace: infra }]\nrules: [{ backendRefs: [{ name: api, port: 8080 }] }]")) },
  { name: "k8sgpt HTTPRoute analyzer: namespace not allowed by the Gateway", source: K8SGPT, expect: "route-not-allowed-by-listener", text: join(gatewayClass(), gateway("- { name: http, protocol: HTTP, port: 80 }"), route("parentRefs: [{ name: edge, namespace: infra, sectionName: http }]")) },
  { name: "k8sgpt Gateway analyzer: GatewayClass not found", source: K8SGPT, expect: "gateway-class-missing", text: join(gatewayClass("envoy"), gateway("- { name: http, protocol: HTTP, port: 80 }", "infra", "envoy-gateway")) },
  // Gateway API docs and CRD rules
  { name: "Gateway API cross-namespace backend with a ReferenceGrant for another namespace", source: `${GW}/reference/api-types/referencegrant/`, expect: "reference-grant-missing", text: join(route("parentRefs: [{ name: edge, namespace: infra }]\nrules: [{ backendRefs: [{ name: billing, namespace: billing, port: 80 }] }]"), "apiVersion: gateway.networking.k8s.io/v1\nkind: ReferenceGrant\nmetadata: { name: from-store, namespace: billing }\nspec:\n  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: store }]\n  to: [{ group: '', kind: Service }]\n") },
  { name: "Gateway API listener namespace selector excludes the route's namespace", source: `${GW}/guides/user-guides/multiple-ns/`, expect: "route-not-allowed-by-listener", text: join("apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n", gateway("- name: http\n  protocol: HTTP\n  port: 80\n  allowedRoutes: { namespaces: { from: Selector, selector: { matchLabels: { shared-gateway: \"true\" } } } }"), route("parentRefs: [{ name: edge, namespace: infra }]")) },
  { name: "Gateway API: GRPCRoute kind not allowed by the listener's kinds", source: `${GW}/reference/api-types/gateway/`, expect: "route-not-allowed-by-listener", text: join(gateway("- { name: http, protocol: HTTP, port: 80, allowedRoutes: { namespaces: { from: All }, kinds: [{ kind: HTTPRoute }] } }"), route("parentRefs: [{ name: edge, namespace: infra }]\nrules: [{ backendRefs: [{ name: api, port: 9000 }] }]", "GRPCRoute")) },
  { name: "Gateway API CEL: RequestRedirect and backendRefs together", source: `${GW}/reference/api-types/httproute/`, expect: "schema-cel-rule", text: route("parentRefs: [{ name: edge, namespace: infra }]\nrules:\n  - filters: [{ type: RequestRedirect, requestRedirect: { scheme: https, statusCode: 301 } }]\n    backendRefs: [{ name: api, port: 80 }]") },
  { name: "Gateway API: TLSRoute hostname is an IP (CEL isIP)", source: `${GW}/reference/api-types/tlsroute/`, expect: "schema-cel-rule", text: route("parentRefs: [{ name: edge, namespace: infra }]\nhostnames: [192.0.2.10]\nrules: [{ backendRefs: [{ name: db, port: 5432 }] }]", "TLSRoute") },
  { name: "Gateway API: experimental kind without experimental CRDs", source: `${GW}/docs/concepts/versioning/`, expect: "experimental-api", text: "apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XBackendTrafficPolicy\nmetadata: { name: retry, namespace: shop }\nspec:\n  targetRefs: [{ group: '', kind: Service, name: api }]\n" },
  // Kubernetes docs
  { name: "Kubernetes docs: ExternalName pointing at an IP", source: `${K8S}/concepts/services-networking/service/#externalname`, expect: "external-name-ip", text: service("legacy-db", "type: ExternalName\nexternalName: 10.0.0.20") },
  { name: "Kubernetes docs: nodePort outside 30000-32767", source: `${K8S}/concepts/services-networking/service/#nodeport-custom-port`, expect: "node-port-out-of-range", text: service("api", "type: NodePort\nselector: { app: api }\nports: [{ port: 80, nodePort: 8080 }]") },
  { name: "Kubernetes docs: multi-port Service without names", source: `${K8S}/concepts/services-networking/service/#multi-port-services`, expect: "service-port-name-required", text: service("api", "selector: { app: api }\nports: [{ port: 80, targetPort: 8080 }, { port: 9090 }]") },
  { name: "Kubernetes docs: deprecated ingress.class annotation", source: `${K8S}/concepts/services-networking/ingress/#deprecated-annotation`, expect: "deprecated-annotation", text: join(apiSvc, ing("{ name: api, port: { number: 80 } }", ", annotations: { kubernetes.io/ingress.class: contour }").replace("  ingressClassName: contour\n", "")) },
  { name: "Kubernetes docs: ingress-nginx annotations on a retired controller", source: "https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/", expect: "ingress-nginx-annotation", text: join(apiSvc, ing("{ name: api, port: { number: 80 } }", ", annotations: { nginx.ingress.kubernetes.io/ssl-redirect: \"true\", nginx.ingress.kubernetes.io/proxy-body-size: 8m }")) },

  // Clean designs: no ERROR or WARNING.
  { name: "clean: Deployment, named ports, ClusterIP Service, Ingress with class and TLS", source: `${K8S}/concepts/services-networking/ingress/`, expect: "clean", text: join(api, apiSvc, contourClass, ing("{ name: api, port: { name: http } }")) },
  { name: "clean: Gateway API HTTP routing example (shared Gateway, route from a labelled namespace)", source: `${GW}/guides/user-guides/http-routing/`, expect: "clean", text: join(shopNs, gatewayClass(), sharedGateway, api, apiSvc, route("parentRefs: [{ name: edge, namespace: infra, sectionName: http }]\nhostnames: [api.example.com]\nrules:\n  - matches: [{ path: { type: PathPrefix, value: /v1 } }]\n    backendRefs: [{ name: api, port: 80 }]")) },
  { name: "clean: traffic splitting 90/10", source: `${GW}/guides/user-guides/traffic-splitting/`, expect: "clean", text: join(api, apiSvc, service("api-canary", "selector: { app: api }\nports: [{ name: http, port: 80, targetPort: http }]"), route("parentRefs: [{ name: edge, namespace: infra, sectionName: https }]\nhostnames: [shop.example.com]\nrules: [{ backendRefs: [{ name: api, port: 80, weight: 90 }, { name: api-canary, port: 80, weight: 10 }] }]"), sharedGateway, gatewayClass()) },
  { name: "clean: cross-namespace backend with a matching ReferenceGrant", source: `${GW}/reference/api-types/referencegrant/`, expect: "clean", text: join(route("parentRefs: [{ name: edge, namespace: infra }]\nrules: [{ backendRefs: [{ name: billing, namespace: billing, port: 80 }] }]", "HTTPRoute", "store"), "apiVersion: gateway.networking.k8s.io/v1\nkind: ReferenceGrant\nmetadata: { name: from-store, namespace: billing }\nspec:\n  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: store }]\n  to: [{ group: '', kind: Service }]\n") },
  { name: "clean: TLS passthrough with a TLSRoute", source: `${GW}/guides/user-guides/tls/`, expect: "clean", text: join(gateway("- name: tls\n  protocol: TLS\n  port: 443\n  hostname: db.example.com\n  tls: { mode: Passthrough }\n  allowedRoutes: { namespaces: { from: All } }"), route("parentRefs: [{ name: edge, namespace: infra }]\nhostnames: [db.example.com]\nrules: [{ backendRefs: [{ name: db, port: 5432 }] }]", "TLSRoute"), service("db", "selector: { app: db }\nports: [{ name: pg, port: 5432 }]")) },
  { name: "clean: GRPCRoute by method", source: `${GW}/reference/api-types/grpcroute/`, expect: "clean", text: join(gateway("- { name: grpc, protocol: HTTP, port: 80, allowedRoutes: { namespaces: { from: All } } }"), route("parentRefs: [{ name: edge, namespace: infra }]\nhostnames: [grpc.example.com]\nrules:\n  - matches: [{ method: { service: shop.v1.Cart, method: Add } }]\n    backendRefs: [{ name: cart, port: 9000 }]", "GRPCRoute"), service("cart", "selector: { app: cart }\nports: [{ name: grpc, port: 9000, appProtocol: kubernetes.io/h2c }]")) },
  { name: "clean: TCPRoute and UDPRoute on TCP and UDP listeners", source: `${GW}/reference/api-types/tcproute/`, expect: "clean", text: join(gateway("- { name: tcp, protocol: TCP, port: 5432, allowedRoutes: { namespaces: { from: All } } }\n- { name: udp, protocol: UDP, port: 53, allowedRoutes: { namespaces: { from: All } } }"), route("parentRefs: [{ name: edge, namespace: infra, sectionName: tcp }]\nrules: [{ backendRefs: [{ name: db, port: 5432 }] }]", "TCPRoute"), route("parentRefs: [{ name: edge, namespace: infra, sectionName: udp }]\nrules: [{ backendRefs: [{ name: dns, port: 53 }] }]", "UDPRoute").replace("name: r,", "name: r2,")) },
  { name: "clean: BackendTLSPolicy for an existing Service", source: `${GW}/reference/api-types/policy/backendtlspolicy/`, expect: "clean", text: join(apiSvc, "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata: { name: api-tls, namespace: shop }\nspec:\n  targetRefs: [{ group: '', kind: Service, name: api }]\n  validation: { hostname: api.shop.svc, wellKnownCACertificates: System }\n") },
  { name: "clean: ExternalName to a DNS name", source: `${K8S}/concepts/services-networking/service/#externalname`, expect: "clean", text: service("mail", "type: ExternalName\nexternalName: smtp.example.net") },
  { name: "clean: headless Service for a StatefulSet with per-Pod DNS", source: `${K8S}/concepts/workloads/controllers/statefulset/#stable-network-id`, expect: "clean", text: join(service("kafka", "clusterIP: None\nselector: { app: kafka }\nports: [{ name: broker, port: 9092 }]"), "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: kafka, namespace: shop }\nspec:\n  serviceName: kafka\n  replicas: 3\n  selector: { matchLabels: { app: kafka } }\n  template:\n    metadata: { labels: { app: kafka } }\n    spec: { containers: [{ name: kafka, image: kafka, ports: [{ name: broker, containerPort: 9092 }] }] }\n") },
  { name: "clean: selector-less Service with a manual EndpointSlice", source: `${K8S}/concepts/services-networking/service/#custom-endpointslices`, expect: "clean", text: join(service("ext-db", "ports: [{ name: pg, port: 5432, targetPort: 5432 }]"), "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: { name: ext-db-1, namespace: shop, labels: { kubernetes.io/service-name: ext-db, endpointslice.kubernetes.io/managed-by: staff } }\naddressType: IPv4\nports: [{ name: pg, port: 5432, protocol: TCP }]\nendpoints: [{ addresses: [10.40.0.7], conditions: { ready: true } }]\n") },
  { name: "clean: default-deny NetworkPolicy plus an allow rule", source: `${K8S}/concepts/services-networking/network-policies/`, expect: "clean", text: join(api, np("podSelector: {}\npolicyTypes: [Ingress, Egress]"), np("podSelector: { matchLabels: { app: api } }\ningress: [{ from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: infra } } }], ports: [{ port: 8080 }] }]").replace("name: p,", "name: allow-gw,")) },
  { name: "clean: LoadBalancer with Local policy and source ranges (INFO only)", source: `${K8S}/tasks/access-application-cluster/create-external-load-balancer/`, expect: "clean", text: join(api, service("api", "type: LoadBalancer\nselector: { app: api }\nports: [{ name: http, port: 80, targetPort: http }]\nexternalTrafficPolicy: Local\nloadBalancerSourceRanges: [198.51.100.0/24]")) },
  { name: "clean: Service whose Pods declare no ports (numeric targetPort)", source: `${K8S}/concepts/services-networking/service/#defining-a-service`, expect: "clean", text: join(deployment("api", { app: "api" }, "[]"), service("api", "selector: { app: api }\nports: [{ port: 80, targetPort: 8080 }]")) },
  { name: "clean: internalTrafficPolicy Local and trafficDistribution on ClusterIP", source: `${K8S}/concepts/services-networking/service/#traffic-distribution`, expect: "clean", text: join(api, service("api", "selector: { app: api }\nports: [{ name: http, port: 80, targetPort: http }]\ntrafficDistribution: PreferSameZone")) },
  { name: "clean: dual-stack Service", source: `${K8S}/concepts/services-networking/dual-stack/`, expect: "clean", text: join(api, service("api", "selector: { app: api }\nports: [{ name: http, port: 80, targetPort: http }]\nipFamilyPolicy: PreferDualStack\nipFamilies: [IPv6, IPv4]")) },
  { name: "clean: CronJob and Job (no networking problems)", source: `${K8S}/concepts/workloads/controllers/cron-jobs/`, expect: "clean", text: "apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: report }\nspec:\n  schedule: '0 * * * *'\n  jobTemplate: { spec: { template: { spec: { restartPolicy: OnFailure, containers: [{ name: r, image: busybox }] } } } }\n" },
  { name: "clean: ListenerSet attached to a Gateway", source: `${GW}/reference/api-types/listenerset/`, expect: "clean", text: join(gateway("- { name: http, protocol: HTTP, port: 80 }").replace("spec:\n", "spec:\n  allowedListeners: { namespaces: { from: All } }\n"), "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: { name: team-a, namespace: infra }\nspec:\n  parentRef: { name: edge }\n  listeners: [{ name: team-a, protocol: HTTP, port: 8080, hostname: a.example.com }]\n") },
  { name: "clean: Ingress default backend only", source: `${K8S}/concepts/services-networking/ingress/#defaultbackend`, expect: "clean", text: join(apiSvc, "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: fallback, namespace: shop }\nspec:\n  ingressClassName: contour\n  defaultBackend: { service: { name: api, port: { number: 80 } } }\n") },
  { name: "clean: Pod with named port and a Service by name in a kind: List", source: `${K8S}/concepts/services-networking/service/#field-spec-ports`, expect: "clean", text: "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: { name: web, labels: { app: web } }\n    spec: { containers: [{ name: web, image: nginx, ports: [{ name: http, containerPort: 80 }] }] }\n  - apiVersion: v1\n    kind: Service\n    metadata: { name: web }\n    spec: { selector: { app: web }, ports: [{ port: 80, targetPort: http }] }\n" },
];

