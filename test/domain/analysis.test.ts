// Manifest analysis, rule by rule: for each check, inputs it must flag and inputs it must not
// flag, written from the page each case cites. Then the input handling, ordering, versions and
// explanations.
import { describe, expect, it } from "vitest";
import { ANALYSIS_RULE_IDS } from "../../src/domain/analysis/ruleIds.js";
import { DomainError } from "../../src/domain/errors.js";
import { analyze, deployment, gateway, gatewayClass, join, knowledge, rules, service } from "./analysisFixtures.js";
import { SCENARIOS } from "./analysisScenarios.js";

const K8S = "https://kubernetes.io/docs";
const GW = "https://gateway-api.sigs.k8s.io";

const WEB = deployment("web", { app: "web" });
const WEB_SVC = service("web", "selector: { app: web }\nports: [{ name: http, port: 80, targetPort: http }]");

interface Case {
  readonly name: string;
  readonly text: string;
  readonly options?: { kubernetesVersion?: string; gatewayApiVersion?: string };
  readonly source: string;
}
interface RuleTable {
  readonly rule: string;
  readonly flag: readonly Case[];
  readonly noFlag: readonly Case[];
}

const httpRoute = (spec: string, namespace = "shop") => `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: ${namespace} }
spec:
${spec
  .trim()
  .split("\n")
  .map((l) => `  ${l}`)
  .join("\n")}
`;

const ingress = (spec: string, extraMeta = "") => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web, namespace: shop${extraMeta} }
spec:
${spec
  .trim()
  .split("\n")
  .map((l) => `  ${l}`)
  .join("\n")}
`;

const ALL_ROUTES_LISTENER = "- { name: http, protocol: HTTP, port: 80, allowedRoutes: { namespaces: { from: All } } }";

export const TABLES: readonly RuleTable[] = [
  {
    rule: "invalid-yaml",
    flag: [{ name: "unclosed flow mapping", text: "apiVersion: v1\nkind: Service\nmetadata: { name: web\n", source: `${K8S}/reference/using-api/api-concepts/#field-validation` }],
    noFlag: [{ name: "a valid Service", text: WEB_SVC, source: `${K8S}/concepts/services-networking/service/#defining-a-service` }],
  },
  {
    rule: "missing-type-meta",
    flag: [{ name: "no kind", text: "apiVersion: v1\nmetadata: { name: x }\n", source: `${K8S}/reference/using-api/api-concepts/` }],
    noFlag: [{ name: "kind and apiVersion", text: WEB_SVC, source: `${K8S}/reference/using-api/api-concepts/` }],
  },
  {
    rule: "schema-unknown-field",
    flag: [
      { name: "misspelled targetport (kubeconform strict)", text: service("web", "selector: { app: web }\nports: [{ port: 80, targetport: 8080 }]"), source: `${K8S}/reference/using-api/api-concepts/#field-validation` },
      { name: "containers indented under metadata", text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  containers: []\nspec:\n  containers: [{ name: c, image: i }]\n", source: `${K8S}/reference/using-api/api-concepts/#field-validation` },
      { name: "unknown HTTPRoute field", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRef: [{ name: web, port: 80 }] }]"), source: `${GW}/reference/api-types/httproute/` },
    ],
    noFlag: [{ name: "every field known", text: join(WEB, WEB_SVC), source: `${K8S}/concepts/services-networking/service/` }],
  },
  {
    rule: "schema-wrong-type",
    flag: [{ name: "replicas as a string", text: deployment("web", { app: "web" }).replace("replicas: 2", 'replicas: "2"'), source: `${K8S}/reference/using-api/api-concepts/#field-validation` }],
    noFlag: [{ name: "targetPort as a name (int-or-string)", text: WEB_SVC, source: `${K8S}/concepts/services-networking/service/#field-spec-ports` }],
  },
  {
    rule: "schema-format",
    flag: [{ name: "memory quantity with a space", text: deployment("web", { app: "web" }).replace("          ports:", "          resources: { limits: { memory: 12 Gi } }\n          ports:"), source: `${K8S}/concepts/configuration/manage-resources-containers/#meaning-of-memory` }],
    noFlag: [
      { name: "CPU as a number, 500m and a binary-suffixed memory", text: deployment("web", { app: "web" }).replace("          ports:", "          resources: { requests: { cpu: 0.5, memory: 128Mi }, limits: { cpu: 1, memory: 1.5Gi } }\n          ports:"), source: `${K8S}/concepts/configuration/manage-resources-containers/#meaning-of-cpu` },
      { name: "kubectl --dry-run output with creationTimestamp: null and empty status", text: "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels: { app: web }\n  name: web\nspec:\n  ports: [{ name: 80-8080, port: 80, protocol: TCP, targetPort: 8080 }]\n  selector: { app: web }\n  type: ClusterIP\nstatus:\n  loadBalancer: {}\n", source: `${K8S}/reference/kubectl/generated/kubectl_create/kubectl_create_service_clusterip/` },
    ],
  },
  {
    rule: "schema-required-field",
    flag: [
      { name: "container without name", text: "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ image: nginx }]\n", source: `${K8S}/reference/kubernetes-api/workload-resources/pod-v1/` },
      { name: "HTTPRoute parentRef without name", text: httpRoute("parentRefs: [{ namespace: infra }]"), source: `${GW}/reference/api-types/httproute/` },
    ],
    noFlag: [{ name: "complete Pod", text: "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: c, image: nginx }]\n", source: `${K8S}/concepts/workloads/pods/` }],
  },
  {
    rule: "schema-enum",
    flag: [{ name: "HTTPRoute path type Prefix (an Ingress value)", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ matches: [{ path: { type: Prefix, value: / } }], backendRefs: [{ name: web, port: 80 }] }]"), source: `${GW}/reference/api-types/httproute/#matches` }],
    noFlag: [{ name: "PathPrefix", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ matches: [{ path: { type: PathPrefix, value: / } }], backendRefs: [{ name: web, port: 80 }] }]"), source: `${GW}/reference/api-types/httproute/#matches` }],
  },
  {
    rule: "schema-limit",
    flag: [{ name: "backend weight above 1,000,000", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: web, port: 80, weight: 2000000 }] }]"), source: `${GW}/guides/user-guides/traffic-splitting/` }],
    noFlag: [{ name: "weights 90/10", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: web, port: 80, weight: 90 }, { name: web, port: 80, weight: 10 }] }]"), source: `${GW}/guides/user-guides/traffic-splitting/` }],
  },
  {
    rule: "schema-pattern",
    flag: [{ name: "uppercase route hostname", text: httpRoute("parentRefs: [{ name: edge }]\nhostnames: [Shop.Example.com]"), source: `${GW}/reference/api-types/httproute/#hostnames` }],
    noFlag: [{ name: "lowercase hostname and wildcard", text: httpRoute("parentRefs: [{ name: edge }]\nhostnames: [shop.example.com, '*.example.org']"), source: `${GW}/reference/api-types/httproute/#hostnames` }],
  },
  {
    rule: "schema-cel-rule",
    flag: [
      { name: "Service backendRef without port", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: web }] }]"), source: `${GW}/reference/api-types/httproute/#backendrefs` },
      { name: "tls on an HTTP listener", text: gateway("- name: http\n  protocol: HTTP\n  port: 80\n  tls: { mode: Terminate, certificateRefs: [{ name: shop-cert }] }"), source: `${GW}/guides/user-guides/tls/` },
      { name: "duplicate listener names", text: gateway("- { name: a, protocol: HTTP, port: 80 }\n- { name: a, protocol: HTTP, port: 8080 }"), source: `${GW}/reference/api-types/gateway/` },
    ],
    noFlag: [{ name: "HTTPS listener with a certificate", text: gateway("- name: https\n  protocol: HTTPS\n  port: 443\n  tls: { mode: Terminate, certificateRefs: [{ name: shop-cert }] }"), source: `${GW}/guides/user-guides/tls/` }],
  },
  {
    rule: "removed-api-version",
    flag: [
      { name: "extensions/v1beta1 Ingress", text: "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: old }\nspec:\n  backend: { serviceName: web, servicePort: 80 }\n", source: `${K8S}/reference/using-api/deprecation-guide/#ingress-v122` },
      { name: "networking.k8s.io/v1beta1 Ingress", text: "apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: { name: old }\nspec:\n  backend: { serviceName: web, servicePort: 80 }\n", source: `${K8S}/reference/using-api/deprecation-guide/#ingress-v122` },
      { name: "discovery.k8s.io/v1beta1 EndpointSlice", text: "apiVersion: discovery.k8s.io/v1beta1\nkind: EndpointSlice\nmetadata: { name: s }\naddressType: IPv4\nendpoints: []\n", source: `${K8S}/reference/using-api/deprecation-guide/#endpointslice-v125` },
    ],
    noFlag: [
      { name: "v1beta1 Ingress on 1.21, where it was still served", text: "apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: { name: old }\nspec:\n  backend: { serviceName: web, servicePort: 80 }\n", options: { kubernetesVersion: "1.21" }, source: `${K8S}/reference/using-api/deprecation-guide/#ingress-v122` },
    ],
  },
  {
    rule: "deprecated-api-version",
    flag: [
      { name: "v1beta1 Ingress on 1.21", text: "apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: { name: old }\nspec:\n  backend: { serviceName: web, servicePort: 80 }\n", options: { kubernetesVersion: "1.21" }, source: `${K8S}/reference/using-api/deprecation-guide/#ingress-v122` },
      { name: "Endpoints (deprecated in 1.33)", text: "apiVersion: v1\nkind: Endpoints\nmetadata: { name: db }\nsubsets: [{ addresses: [{ ip: 10.0.0.5 }], ports: [{ port: 5432 }] }]\n", source: "https://kubernetes.io/blog/2025/04/24/endpoints-deprecation/" },
    ],
    noFlag: [{ name: "Endpoints on 1.32", text: "apiVersion: v1\nkind: Endpoints\nmetadata: { name: db }\nsubsets: [{ addresses: [{ ip: 10.0.0.5 }], ports: [{ port: 5432 }] }]\n", options: { kubernetesVersion: "1.32" }, source: "https://kubernetes.io/blog/2025/04/24/endpoints-deprecation/" }],
  },
  {
    rule: "unknown-api-version",
    flag: [{ name: "Service in apps/v1", text: "apiVersion: apps/v1\nkind: Service\nmetadata: { name: web }\nspec: { ports: [{ port: 80 }] }\n", source: `${K8S}/reference/kubernetes-api/service-resources/service-v1/` }],
    noFlag: [{ name: "a ConfigMap (kind outside the analysis)", text: "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { a: b }\n", source: `${K8S}/concepts/configuration/configmap/` }],
  },
  {
    rule: "experimental-api",
    flag: [
      { name: "XBackend without experimental CRDs", text: "apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XBackend\nmetadata: { name: ext }\nspec:\n  type: ExternalHostname\n  externalHostname: { hostname: api.example.com }\n  port: { number: 443 }\n", source: `${GW}/docs/concepts/versioning/` },
      { name: "CORS filter at Gateway API 1.4.0 (experimental then)", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ filters: [{ type: CORS, cors: { allowOrigins: ['https://shop.example.com'] } }], backendRefs: [{ name: web, port: 80 }] }]"), options: { gatewayApiVersion: "1.4.0" }, source: `${GW}/guides/user-guides/http-cors/` },
      { name: "TLSRoute at Gateway API 1.4 (standard from 1.5)", text: "apiVersion: gateway.networking.k8s.io/v1\nkind: TLSRoute\nmetadata: { name: t, namespace: shop }\nspec:\n  parentRefs: [{ name: edge }]\n  hostnames: [db.example.com]\n  rules: [{ backendRefs: [{ name: db, port: 5432 }] }]\n", options: { gatewayApiVersion: "1.4.0" }, source: `${GW}/reference/api-types/tlsroute/` },
    ],
    noFlag: [
      { name: "CORS filter at Gateway API 1.5.0 (standard since)", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ filters: [{ type: CORS, cors: { allowOrigins: ['https://shop.example.com'] } }], backendRefs: [{ name: web, port: 80 }] }]"), options: { gatewayApiVersion: "1.5.0" }, source: `${GW}/guides/user-guides/http-cors/` },
      { name: "TLSRoute at 1.6.1", text: "apiVersion: gateway.networking.k8s.io/v1\nkind: TLSRoute\nmetadata: { name: t, namespace: shop }\nspec:\n  parentRefs: [{ name: edge }]\n  hostnames: [db.example.com]\n  rules: [{ backendRefs: [{ name: db, port: 5432 }] }]\n", source: `${GW}/reference/api-types/tlsroute/` },
    ],
  },
  {
    rule: "experimental-api-in-use",
    flag: [
      {
        name: "XBackend with the experimental CRD in the input",
        text: join(
          "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: xbackends.gateway.networking.x-k8s.io\n  annotations: { gateway.networking.k8s.io/channel: experimental }\nspec: {}\n",
          "apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XBackend\nmetadata: { name: ext }\nspec:\n  type: ExternalHostname\n  externalHostname: { hostname: api.example.com }\n  port: { number: 443 }\n",
        ),
        source: `${GW}/docs/concepts/versioning/`,
      },
    ],
    noFlag: [{ name: "standard HTTPRoute", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: web, port: 80 }] }]"), source: `${GW}/docs/concepts/versioning/` }],
  },
  {
    rule: "invalid-service-name",
    flag: [
      { name: "leading digit before 1.36", text: service("1web", "selector: { app: web }\nports: [{ port: 80 }]"), options: { kubernetesVersion: "1.35" }, source: `${K8S}/concepts/overview/working-with-objects/names/#rfc-1035-label-names` },
      { name: "dot in a Service name", text: service("web.v2", "selector: { app: web }\nports: [{ port: 80 }]"), source: `${K8S}/concepts/services-networking/service/#defining-a-service` },
    ],
    noFlag: [{ name: "leading digit at 1.36 (RFC 1123 label)", text: service("1web", "selector: { app: web }\nports: [{ port: 80 }]"), options: { kubernetesVersion: "1.36" }, source: `${K8S}/concepts/services-networking/service/#defining-a-service` }],
  },
  {
    rule: "invalid-object-name",
    flag: [{ name: "uppercase Deployment name", text: deployment("Web", { app: "web" }), source: `${K8S}/concepts/overview/working-with-objects/names/#dns-subdomain-names` }],
    noFlag: [{ name: "dotted Deployment name (a DNS subdomain)", text: deployment("web.v2", { app: "web" }), source: `${K8S}/concepts/overview/working-with-objects/names/#dns-subdomain-names` }],
  },
  {
    rule: "invalid-label",
    flag: [
      { name: "selector value with a space", text: service("web", 'selector: { app: "my web" }\nports: [{ port: 80 }]'), source: `${K8S}/concepts/overview/working-with-objects/labels/#syntax-and-character-set` },
      { name: "annotation key with a stray quote (kubeconform fixture pattern)", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  annotations:\n    'example.com/owner\"': team-a\n", source: `${K8S}/concepts/overview/working-with-objects/annotations/#syntax-and-character-set` },
    ],
    noFlag: [{ name: "prefixed key", text: service("web", "selector: { app.kubernetes.io/name: web }\nports: [{ port: 80 }]"), source: `${K8S}/concepts/overview/working-with-objects/labels/#syntax-and-character-set` }],
  },
  {
    rule: "invalid-enum-value",
    flag: [
      { name: "lowercase Service type", text: service("web", "type: loadbalancer\nselector: { app: web }\nports: [{ port: 80 }]"), source: `${K8S}/concepts/services-networking/service/#publishing-services-service-types` },
      { name: "Ingress pathType Prefixed", text: ingress("rules: [{ http: { paths: [{ path: /, pathType: Prefixed, backend: { service: { name: web, port: { number: 80 } } } }] } }]"), source: `${K8S}/concepts/services-networking/ingress/#path-types` },
    ],
    noFlag: [{ name: "NodePort", text: service("web", "type: NodePort\nselector: { app: web }\nports: [{ port: 80 }]"), source: `${K8S}/concepts/services-networking/service/#type-nodeport` }],
  },
  {
    rule: "field-not-available",
    flag: [
      { name: "trafficDistribution on 1.29", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\ntrafficDistribution: PreferClose"), options: { kubernetesVersion: "1.29" }, source: `${K8S}/concepts/services-networking/service/#traffic-distribution` },
      { name: "Pod hostnameOverride on 1.34 (alpha)", text: "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  hostnameOverride: build-agent-7\n  containers: [{ name: c, image: busybox }]\n", options: { kubernetesVersion: "1.34" }, source: `${K8S}/reference/command-line-tools-reference/feature-gates/#HostnameOverride` },
      { name: "ServiceCIDR networking.k8s.io/v1 on 1.32", text: "apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\nmetadata: { name: extra }\nspec: { cidrs: [10.100.0.0/16] }\n", options: { kubernetesVersion: "1.32" }, source: `${K8S}/reference/command-line-tools-reference/feature-gates/#MultiCIDRServiceAllocator` },
      { name: "PreferSameNode on 1.33 (alpha)", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\ntrafficDistribution: PreferSameNode"), options: { kubernetesVersion: "1.33" }, source: `${K8S}/reference/command-line-tools-reference/feature-gates/` },
    ],
    noFlag: [{ name: "trafficDistribution on 1.33", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\ntrafficDistribution: PreferClose"), options: { kubernetesVersion: "1.33" }, source: `${K8S}/concepts/services-networking/service/#traffic-distribution` }],
  },
  {
    rule: "deprecated-field",
    flag: [
      { name: "externalIPs (deprecated in 1.36)", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\nexternalIPs: [198.51.100.7]"), source: `${K8S}/concepts/services-networking/service/#external-ips` },
      { name: "loadBalancerIP", text: service("web", "type: LoadBalancer\nselector: { app: web }\nports: [{ port: 80 }]\nloadBalancerIP: 203.0.113.10"), source: `${K8S}/concepts/services-networking/service/#loadbalancer` },
      { name: "trafficDistribution PreferClose, an alias of PreferSameZone", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\ntrafficDistribution: PreferClose"), source: `${K8S}/concepts/services-networking/service/#traffic-distribution` },
    ],
    noFlag: [
      { name: "PreferClose on 1.32", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\ntrafficDistribution: PreferClose"), options: { kubernetesVersion: "1.32" }, source: `${K8S}/concepts/services-networking/service/#traffic-distribution` },
      { name: "PreferSameZone", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\ntrafficDistribution: PreferSameZone"), source: `${K8S}/concepts/services-networking/service/#traffic-distribution` },
      { name: "externalIPs on 1.35", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\nexternalIPs: [198.51.100.7]"), options: { kubernetesVersion: "1.35" }, source: `${K8S}/concepts/services-networking/service/#external-ips` },
    ],
  },
  {
    rule: "deprecated-annotation",
    flag: [
      { name: "kubernetes.io/ingress.class", text: ingress("rules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]", ", annotations: { kubernetes.io/ingress.class: traefik }"), source: `${K8S}/concepts/services-networking/ingress/#deprecated-annotation` },
      { name: "topology-aware-hints annotation", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]").replace("namespace: shop }", "namespace: shop, annotations: { service.kubernetes.io/topology-aware-hints: auto } }"), source: `${K8S}/concepts/services-networking/topology-aware-routing/` },
    ],
    noFlag: [{ name: "ingressClassName", text: ingress("ingressClassName: traefik\nrules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]"), source: `${K8S}/concepts/services-networking/ingress/#ingress-class` }],
  },
  {
    rule: "service-ports-required",
    flag: [{ name: "ClusterIP without ports", text: service("web", "selector: { app: web }"), source: `${K8S}/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec` }],
    noFlag: [
      { name: "headless without ports", text: service("db", "clusterIP: None\nselector: { app: db }"), source: `${K8S}/concepts/services-networking/service/#headless-services` },
      { name: "ExternalName without ports", text: service("db", "type: ExternalName\nexternalName: db.example.com"), source: `${K8S}/concepts/services-networking/service/#externalname` },
    ],
  },
  {
    rule: "service-port-name-required",
    flag: [{ name: "two unnamed ports (kube-linter dangling... no: API rule)", text: service("web", "selector: { app: web }\nports: [{ port: 80 }, { port: 443 }]"), source: `${K8S}/concepts/services-networking/service/#multi-port-services` }],
    noFlag: [{ name: "two named ports", text: service("web", "selector: { app: web }\nports: [{ name: http, port: 80 }, { name: https, port: 443 }]"), source: `${K8S}/concepts/services-networking/service/#multi-port-services` }],
  },
  {
    rule: "service-port-duplicate",
    flag: [{ name: "port 80 twice", text: service("web", "selector: { app: web }\nports: [{ name: a, port: 80 }, { name: b, port: 80 }]"), source: `${K8S}/concepts/services-networking/service/#multi-port-services` }],
    noFlag: [{ name: "same number, TCP and UDP", text: service("dns", "selector: { app: dns }\nports: [{ name: dns-tcp, port: 53, protocol: TCP }, { name: dns-udp, port: 53, protocol: UDP }]"), source: `${K8S}/concepts/services-networking/service/#multi-port-services` }],
  },
  {
    rule: "port-out-of-range",
    flag: [{ name: "port 70000", text: service("web", "selector: { app: web }\nports: [{ port: 70000 }]"), source: `${K8S}/concepts/services-networking/service/#field-spec-ports` }],
    noFlag: [{ name: "port 65535", text: service("web", "selector: { app: web }\nports: [{ port: 65535 }]"), source: `${K8S}/concepts/services-networking/service/#field-spec-ports` }],
  },
  {
    rule: "invalid-port-name",
    flag: [{ name: "targetPort name too long", text: service("web", "selector: { app: web }\nports: [{ port: 80, targetPort: http-alternate-port }]"), source: `${K8S}/concepts/services-networking/service/#field-spec-ports` }],
    noFlag: [{ name: "targetPort http", text: WEB_SVC, source: `${K8S}/concepts/services-networking/service/#field-spec-ports` }],
  },
  {
    rule: "node-port-on-wrong-type",
    flag: [{ name: "nodePort on ClusterIP", text: service("web", "selector: { app: web }\nports: [{ port: 80, nodePort: 30080 }]"), source: `${K8S}/concepts/services-networking/service/#type-nodeport` }],
    noFlag: [{ name: "nodePort on NodePort", text: service("web", "type: NodePort\nselector: { app: web }\nports: [{ port: 80, nodePort: 30080 }]"), source: `${K8S}/concepts/services-networking/service/#nodeport-custom-port` }],
  },
  {
    rule: "node-port-out-of-range",
    flag: [{ name: "nodePort 80", text: service("web", "type: NodePort\nselector: { app: web }\nports: [{ port: 80, nodePort: 80 }]"), source: `${K8S}/concepts/services-networking/service/#nodeport-custom-port` }],
    noFlag: [{ name: "nodePort 32767", text: service("web", "type: NodePort\nselector: { app: web }\nports: [{ port: 80, nodePort: 32767 }]"), source: `${K8S}/concepts/services-networking/service/#nodeport-custom-port` }],
  },
  {
    rule: "lb-field-on-other-type",
    flag: [
      { name: "loadBalancerSourceRanges on NodePort", text: service("web", "type: NodePort\nselector: { app: web }\nports: [{ port: 80 }]\nloadBalancerSourceRanges: [203.0.113.0/24]"), source: `${K8S}/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec` },
      { name: "loadBalancerClass on ClusterIP", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\nloadBalancerClass: example.com/lb"), source: `${K8S}/concepts/services-networking/service/#load-balancer-class` },
    ],
    noFlag: [{ name: "source ranges on a LoadBalancer", text: service("web", "type: LoadBalancer\nselector: { app: web }\nports: [{ port: 80 }]\nloadBalancerSourceRanges: [203.0.113.0/24]"), source: `${K8S}/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec` }],
  },
  {
    rule: "external-traffic-policy-not-external",
    flag: [{ name: "externalTrafficPolicy on ClusterIP", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\nexternalTrafficPolicy: Local"), source: `${K8S}/reference/networking/virtual-ips/#external-traffic-policy` }],
    noFlag: [{ name: "externalTrafficPolicy on LoadBalancer", text: service("web", "type: LoadBalancer\nselector: { app: web }\nports: [{ port: 80 }]\nexternalTrafficPolicy: Local"), source: `${K8S}/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip` }],
  },
  {
    rule: "session-affinity-no-effect",
    flag: [{ name: "ClientIP affinity on a headless Service", text: service("db", "clusterIP: None\nselector: { app: db }\nports: [{ port: 5432 }]\nsessionAffinity: ClientIP"), source: `${K8S}/reference/networking/virtual-ips/#session-affinity` }],
    noFlag: [{ name: "ClientIP affinity on ClusterIP", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\nsessionAffinity: ClientIP"), source: `${K8S}/reference/networking/virtual-ips/#session-affinity` }],
  },
  {
    rule: "traffic-policy-no-effect",
    flag: [{ name: "internalTrafficPolicy on ExternalName", text: service("db", "type: ExternalName\nexternalName: db.example.com\ninternalTrafficPolicy: Local"), source: `${K8S}/concepts/services-networking/service-traffic-policy/` }],
    noFlag: [{ name: "internalTrafficPolicy on ClusterIP", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\ninternalTrafficPolicy: Local"), source: `${K8S}/concepts/services-networking/service-traffic-policy/` }],
  },
  {
    rule: "external-name-ip",
    flag: [{ name: "externalName set to an IPv4 address", text: service("db", "type: ExternalName\nexternalName: 192.0.2.10"), source: `${K8S}/concepts/services-networking/service/#externalname` }],
    noFlag: [{ name: "externalName set to a DNS name", text: service("db", "type: ExternalName\nexternalName: db.example.com"), source: `${K8S}/concepts/services-networking/service/#externalname` }],
  },
  {
    rule: "external-name-port-remap",
    flag: [{ name: "ExternalName port 80 to 8080", text: service("api", "type: ExternalName\nexternalName: api.example.com\nports: [{ port: 80, targetPort: 8080 }]"), source: `${K8S}/concepts/services-networking/service/#externalname` }],
    noFlag: [{ name: "ExternalName port without remapping", text: service("api", "type: ExternalName\nexternalName: api.example.com\nports: [{ port: 443 }]"), source: `${K8S}/concepts/services-networking/service/#externalname` }],
  },
  {
    rule: "external-name-cluster-ip",
    flag: [{ name: "ExternalName with clusterIP", text: service("db", "type: ExternalName\nexternalName: db.example.com\nclusterIP: 10.96.0.50"), source: `${K8S}/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec` }],
    noFlag: [{ name: "ExternalName with clusterIP empty", text: service("db", 'type: ExternalName\nexternalName: db.example.com\nclusterIP: ""'), source: `${K8S}/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec` }],
  },
  {
    rule: "headless-target-port",
    flag: [{ name: "headless with remapping", text: service("db", "clusterIP: None\nselector: { app: db }\nports: [{ port: 80, targetPort: 8080 }]"), source: `${K8S}/reference/kubernetes-api/service-resources/service-v1/#ServicePort` }],
    noFlag: [{ name: "headless without targetPort", text: service("db", "clusterIP: None\nselector: { app: db }\nports: [{ port: 5432 }]"), source: `${K8S}/concepts/services-networking/service/#headless-services` }],
  },
  {
    rule: "headless-wrong-type",
    flag: [{ name: "headless NodePort", text: service("web", "type: NodePort\nclusterIP: None\nselector: { app: web }\nports: [{ port: 80 }]"), source: `${K8S}/concepts/services-networking/service/#headless-services` }],
    noFlag: [{ name: "headless ClusterIP", text: service("web", "clusterIP: None\nselector: { app: web }\nports: [{ port: 80 }]"), source: `${K8S}/concepts/services-networking/service/#headless-services` }],
  },
  {
    rule: "exposed-node-port",
    flag: [{ name: "NodePort Service (kube-linter exposed-services, Kubescape NodePort)", text: service("web", "type: NodePort\nselector: { app: web }\nports: [{ port: 80 }]"), source: "https://docs.kubelinter.io/#/generated/checks?id=exposed-services" }],
    noFlag: [{ name: "ClusterIP Service", text: WEB_SVC, source: "https://docs.kubelinter.io/#/generated/checks?id=exposed-services" }],
  },
  {
    rule: "exposed-host-port",
    flag: [{ name: "hostPort (kube-linter host-port, Polaris hostPortSet)", text: deployment("web", { app: "web" }, "[{ containerPort: 8080, hostPort: 8080 }]"), source: "https://docs.kubelinter.io/#/generated/checks?id=host-port" }],
    noFlag: [{ name: "containerPort only", text: WEB, source: "https://polaris.docs.fairwinds.com/checks/security/" }],
  },
  {
    rule: "exposed-host-network",
    flag: [{ name: "hostNetwork (kube-linter host-network, Polaris hostNetworkSet)", text: WEB.replace("    spec:\n      containers:", "    spec:\n      hostNetwork: true\n      containers:"), source: "https://docs.kubelinter.io/#/generated/checks?id=host-network" }],
    noFlag: [{ name: "Pod network", text: WEB, source: "https://polaris.docs.fairwinds.com/checks/security/" }],
  },
  {
    rule: "workload-selector-mismatch",
    flag: [{ name: "Deployment selector differs from template labels (kube-linter mismatching-selector)", text: WEB.replace('matchLabels: {"app":"web"}', 'matchLabels: {"app":"webb"}'), source: "https://docs.kubelinter.io/#/generated/checks?id=mismatching-selector" }],
    noFlag: [{ name: "selector equals template labels", text: WEB, source: `${K8S}/concepts/workloads/controllers/deployment/#selector` }],
  },
  {
    rule: "service-selector-no-pods",
    flag: [
      { name: "selector typo (kube-linter dangling-service, kube-score service-targets-pod)", text: join(WEB, service("web", "selector: { app: wbe }\nports: [{ port: 80, targetPort: 8080 }]")), source: "https://docs.kubelinter.io/#/generated/checks?id=dangling-service" },
      { name: "selector on the Deployment's own labels, not the template's", text: join(WEB.replace("metadata: { name: web, namespace: shop }", "metadata: { name: web, namespace: shop, labels: { tier: front } }"), service("web", "selector: { tier: front }\nports: [{ port: 80, targetPort: 8080 }]")), source: "https://github.com/zegl/kube-score/blob/master/README_CHECKS.md" },
    ],
    noFlag: [
      { name: "selector matches the template", text: join(WEB, WEB_SVC), source: `${K8S}/concepts/services-networking/service/#defining-a-service` },
      { name: "no workloads in the input: not run", text: WEB_SVC, source: `${K8S}/concepts/services-networking/service/#defining-a-service` },
      { name: "selector subset of template labels", text: join(deployment("web", { app: "web", version: "v1" }), WEB_SVC), source: `${K8S}/concepts/overview/working-with-objects/labels/#label-selectors` },
    ],
  },
  {
    rule: "target-port-name-missing",
    flag: [{ name: "named targetPort the container does not name (kube-score service-targets-pod port)", text: join(deployment("web", { app: "web" }, "[{ name: web, containerPort: 8080 }]"), WEB_SVC), source: `${K8S}/concepts/services-networking/service/#defining-a-service` }],
    noFlag: [{ name: "named targetPort exists", text: join(WEB, WEB_SVC), source: `${K8S}/concepts/services-networking/service/#defining-a-service` }],
  },
  {
    rule: "target-port-not-declared",
    flag: [{ name: "numeric targetPort not declared (Popeye port mismatch)", text: join(WEB, service("web", "selector: { app: web }\nports: [{ port: 80, targetPort: 9090 }]")), source: "https://popeyecli.io/" }],
    noFlag: [{ name: "numeric targetPort declared", text: join(WEB, service("web", "selector: { app: web }\nports: [{ port: 80, targetPort: 8080 }]")), source: `${K8S}/concepts/services-networking/service/#defining-a-service` }],
  },
  {
    rule: "selectorless-service-no-endpoints",
    flag: [{ name: "selector-less Service, slice for another Service", text: join(service("db", "ports: [{ port: 5432 }]"), "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: { name: other-1, namespace: shop, labels: { kubernetes.io/service-name: other } }\naddressType: IPv4\nports: [{ port: 5432 }]\nendpoints: [{ addresses: [10.1.2.3] }]\n"), source: `${K8S}/concepts/services-networking/service/#services-without-selectors` }],
    noFlag: [{ name: "selector-less Service with its EndpointSlice (a correct design)", text: join(service("db", "ports: [{ name: pg, port: 5432 }]"), "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: { name: db-1, namespace: shop, labels: { kubernetes.io/service-name: db } }\naddressType: IPv4\nports: [{ name: pg, port: 5432 }]\nendpoints: [{ addresses: [10.1.2.3] }]\n"), source: `${K8S}/concepts/services-networking/service/#custom-endpointslices` }],
  },
  {
    rule: "ingress-backend-missing",
    flag: [{ name: "Ingress to a Service not in the input (kube-linter dangling-ingress, Kubescape)", text: join(WEB_SVC, ingress("ingressClassName: example\nrules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }] } }]")), source: "https://docs.kubelinter.io/#/generated/checks?id=dangling-ingress" }],
    noFlag: [
      { name: "the input has Services only in another namespace: not run", text: join(service("web", "selector: { app: web }\nports: [{ port: 80 }]", "other"), ingress("ingressClassName: example\nrules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }] } }]")), source: `${K8S}/concepts/services-networking/ingress/#the-ingress-resource` },
      { name: "Ingress to an existing Service", text: join(WEB_SVC, ingress("ingressClassName: example\nrules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]")), source: `${K8S}/concepts/services-networking/ingress/#the-ingress-resource` },
    ],
  },
  {
    rule: "ingress-backend-port-missing",
    flag: [{ name: "Ingress names the Pod port 8080 instead of the Service port", text: join(WEB_SVC, ingress("rules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 8080 } } } }] } }]")), source: "https://github.com/zegl/kube-score/blob/master/README_CHECKS.md" }],
    noFlag: [{ name: "Ingress names the Service port by name", text: join(WEB_SVC, ingress("rules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { name: http } } } }] } }]")), source: `${K8S}/concepts/services-networking/ingress/#the-ingress-resource` }],
  },
  {
    rule: "ingress-class-missing",
    flag: [{ name: "class not among the IngressClasses", text: join("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: { name: traefik }\nspec: { controller: traefik.io/ingress-controller }\n", ingress("ingressClassName: haproxy\ndefaultBackend: { service: { name: web, port: { number: 80 } } }")), source: `${K8S}/concepts/services-networking/ingress/#ingress-class` }],
    noFlag: [{ name: "no IngressClass in the input: not run", text: ingress("ingressClassName: haproxy\ndefaultBackend: { service: { name: web, port: { number: 80 } } }"), source: `${K8S}/concepts/services-networking/ingress/#ingress-class` }],
  },
  {
    rule: "ingress-path-invalid",
    flag: [{ name: "relative Prefix path", text: ingress("rules: [{ http: { paths: [{ path: api, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]"), source: `${K8S}/concepts/services-networking/ingress/#path-types` }],
    noFlag: [{ name: "absolute path", text: ingress("rules: [{ http: { paths: [{ path: /api, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]"), source: `${K8S}/concepts/services-networking/ingress/#path-types` }],
  },
  {
    rule: "ingress-host-invalid",
    flag: [{ name: "IP address as host", text: ingress("rules: [{ host: 203.0.113.5, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]"), source: `${K8S}/concepts/services-networking/ingress/#ingress-rules` }],
    noFlag: [{ name: "wildcard host", text: ingress("rules: [{ host: '*.example.com', http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]"), source: `${K8S}/concepts/services-networking/ingress/#hostname-wildcards` }],
  },
  {
    rule: "ingress-nginx-annotation",
    flag: [{ name: "rewrite-target annotation", text: ingress("ingressClassName: nginx\nrules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]", ", annotations: { nginx.ingress.kubernetes.io/rewrite-target: / }"), source: "https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/" }],
    noFlag: [{ name: "another controller's annotation", text: ingress("ingressClassName: traefik\nrules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]", ", annotations: { traefik.ingress.kubernetes.io/router.entrypoints: websecure }"), source: "https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/" }],
  },
  {
    rule: "ingress-nginx-controller",
    flag: [{ name: "IngressClass for k8s.io/ingress-nginx", text: "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: { name: nginx }\nspec: { controller: k8s.io/ingress-nginx }\n", source: "https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/" }],
    noFlag: [{ name: "F5 NGINX Ingress Controller class", text: "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: { name: nginx }\nspec: { controller: nginx.org/ingress-controller }\n", source: "https://docs.nginx.com/nginx-ingress-controller/" }],
  },
  {
    rule: "statefulset-service-missing",
    flag: [{ name: "serviceName names nothing (kube-linter non-existent-service-account analogue; docs)", text: join(WEB_SVC, "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: db, namespace: shop }\nspec:\n  serviceName: db-headless\n  selector: { matchLabels: { app: db } }\n  template:\n    metadata: { labels: { app: db } }\n    spec: { containers: [{ name: db, image: postgres }] }\n"), source: `${K8S}/concepts/workloads/controllers/statefulset/#limitations` }],
    noFlag: [{ name: "serviceName names a headless Service", text: join(service("db-headless", "clusterIP: None\nselector: { app: db }\nports: [{ port: 5432 }]"), "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: db, namespace: shop }\nspec:\n  serviceName: db-headless\n  selector: { matchLabels: { app: db } }\n  template:\n    metadata: { labels: { app: db } }\n    spec: { containers: [{ name: db, image: postgres, ports: [{ containerPort: 5432 }] }] }\n"), source: `${K8S}/concepts/workloads/controllers/statefulset/#stable-network-id` }],
  },
  {
    rule: "network-policy-selects-nothing",
    flag: [{ name: "podSelector matching no Pod (kube-score networkpolicy-targets-pod)", text: join(WEB, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: api-only, namespace: shop }\nspec:\n  podSelector: { matchLabels: { app: api } }\n  policyTypes: [Ingress]\n"), source: "https://github.com/zegl/kube-score/blob/master/README_CHECKS.md" }],
    noFlag: [{ name: "empty podSelector selects every Pod", text: join(WEB, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny-all, namespace: shop }\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n"), source: `${K8S}/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic` }],
  },
  {
    rule: "network-policy-peer-selects-nothing",
    flag: [{ name: "ingress from Pods labelled app=frontend, none in the input (kube-linter dangling-networkpolicypeer-podselector)", text: join(WEB, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: from-frontend, namespace: shop }\nspec:\n  podSelector: { matchLabels: { app: web } }\n  ingress: [{ from: [{ podSelector: { matchLabels: { app: frontend } } }] }]\n"), source: "https://docs.kubelinter.io/#/generated/checks?id=dangling-networkpolicypeer-podselector" }],
    noFlag: [
      { name: "peer in another namespace (namespaceSelector)", text: join(WEB, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: from-gw, namespace: shop }\nspec:\n  podSelector: { matchLabels: { app: web } }\n  ingress: [{ from: [{ namespaceSelector: { matchLabels: { name: infra } }, podSelector: { matchLabels: { app: gw } } }] }]\n"), source: `${K8S}/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors` },
      { name: "peer matches a workload", text: join(WEB, deployment("frontend", { app: "frontend" }), "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: from-frontend, namespace: shop }\nspec:\n  podSelector: { matchLabels: { app: web } }\n  ingress: [{ from: [{ podSelector: { matchLabels: { app: frontend } } }] }]\n"), source: `${K8S}/concepts/services-networking/network-policies/` },
    ],
  },
  {
    rule: "route-parent-missing",
    flag: [{ name: "parent Gateway not in the input", text: join(gateway(ALL_ROUTES_LISTENER), httpRoute("parentRefs: [{ name: edge-typo, namespace: infra }]\nrules: [{ backendRefs: [{ name: web, port: 80 }] }]")), source: `${GW}/docs/concepts/api-overview/#attaching-routes-to-gateways` }],
    noFlag: [{ name: "parent Gateway present", text: join(gateway(ALL_ROUTES_LISTENER), httpRoute("parentRefs: [{ name: edge, namespace: infra }]\nrules: [{ backendRefs: [{ name: web, port: 80 }] }]")), source: `${GW}/docs/concepts/api-overview/#attaching-routes-to-gateways` }],
  },
  {
    rule: "route-parent-section-missing",
    flag: [{ name: "sectionName names no listener", text: join(gateway(ALL_ROUTES_LISTENER), httpRoute("parentRefs: [{ name: edge, namespace: infra, sectionName: https }]")), source: `${GW}/reference/api-types/httproute/#parentrefs` }],
    noFlag: [{ name: "sectionName names a listener", text: join(gateway(ALL_ROUTES_LISTENER), httpRoute("parentRefs: [{ name: edge, namespace: infra, sectionName: http }]")), source: `${GW}/reference/api-types/httproute/#parentrefs` }],
  },
  {
    rule: "route-not-allowed-by-listener",
    flag: [
      { name: "route in another namespace, listener allows Same", text: join(gateway("- { name: http, protocol: HTTP, port: 80 }"), httpRoute("parentRefs: [{ name: edge, namespace: infra }]")), source: `${GW}/guides/user-guides/multiple-ns/` },
      { name: "hostnames do not intersect", text: join(gateway("- { name: http, protocol: HTTP, port: 80, hostname: a.example.com, allowedRoutes: { namespaces: { from: All } } }"), httpRoute("parentRefs: [{ name: edge, namespace: infra }]\nhostnames: [b.example.com]")), source: `${GW}/reference/api-types/gateway/` },
      {
        name: "metadata.name selector names another namespace",
        text: join(gateway("- name: web\n  protocol: HTTP\n  port: 80\n  allowedRoutes: { namespaces: { from: Selector, selector: { matchLabels: { kubernetes.io/metadata.name: payments } } } }"), httpRoute("parentRefs: [{ name: edge, namespace: infra }]")),
        source: `${GW}/docs/concepts/api-overview/#attaching-routes-to-gateways`,
      },
      { name: "TCPRoute on an HTTP listener", text: join(gateway(ALL_ROUTES_LISTENER), "apiVersion: gateway.networking.k8s.io/v1\nkind: TCPRoute\nmetadata: { name: t, namespace: shop }\nspec:\n  parentRefs: [{ name: edge, namespace: infra }]\n  rules: [{ backendRefs: [{ name: db, port: 5432 }] }]\n"), source: `${GW}/reference/api-types/tcproute/` },
    ],
    noFlag: [
      { name: "wildcard listener hostname covers the route", text: join(gateway("- { name: http, protocol: HTTP, port: 80, hostname: '*.example.com', allowedRoutes: { namespaces: { from: All } } }"), httpRoute("parentRefs: [{ name: edge, namespace: infra }]\nhostnames: [shop.example.com]")), source: `${GW}/reference/api-types/gateway/` },
      {
        name: "namespace selector on the automatic kubernetes.io/metadata.name label",
        text: join(gateway("- name: web\n  protocol: HTTP\n  port: 80\n  allowedRoutes: { kinds: [{ kind: HTTPRoute }], namespaces: { from: Selector, selector: { matchLabels: { kubernetes.io/metadata.name: shop } } } }"), httpRoute("parentRefs: [{ name: edge, namespace: infra }]")),
        source: `${GW}/docs/concepts/api-overview/#attaching-routes-to-gateways`,
      },
      {
        name: "Namespace object with the selected label",
        text: join("apiVersion: v1\nkind: Namespace\nmetadata: { name: shop, labels: { gateway-access: \"yes\" } }\n", gateway("- name: web\n  protocol: HTTP\n  port: 80\n  allowedRoutes: { namespaces: { from: Selector, selector: { matchLabels: { gateway-access: \"yes\" } } } }"), httpRoute("parentRefs: [{ name: edge, namespace: infra }]")),
        source: `${GW}/guides/user-guides/multiple-ns/`,
      },
      { name: "same namespace, default allowedRoutes", text: join(gateway("- { name: http, protocol: HTTP, port: 80 }", "shop"), httpRoute("parentRefs: [{ name: edge }]")), source: `${GW}/docs/concepts/api-overview/#attaching-routes-to-gateways` },
    ],
  },
  {
    rule: "route-backend-missing",
    flag: [{ name: "backend Service not in the input", text: join(WEB_SVC, httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: web-v2, port: 80 }] }]")), source: `${GW}/reference/api-types/httproute/#backendrefs` }],
    noFlag: [{ name: "backend Service present", text: join(WEB_SVC, httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: web, port: 80 }] }]")), source: `${GW}/reference/api-types/httproute/#backendrefs` }],
  },
  {
    rule: "route-weights-all-zero",
    flag: [{ name: "both backends at weight 0", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: web, port: 80, weight: 0 }, { name: web-v2, port: 80, weight: 0 }] }]"), source: `${GW}/guides/user-guides/traffic-splitting/` }],
    noFlag: [{ name: "a canary at weight 0 beside a weighted backend", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: web, port: 80, weight: 1 }, { name: web-v2, port: 80, weight: 0 }] }]"), source: `${GW}/guides/user-guides/traffic-splitting/` }],
  },
  {
    rule: "route-backend-port-missing",
    flag: [{ name: "backendRef port is the Pod port", text: join(WEB_SVC, httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: web, port: 8080 }] }]")), source: `${GW}/reference/api-types/httproute/#backendrefs` }],
    noFlag: [{ name: "backendRef port is the Service port", text: join(WEB_SVC, httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: web, port: 80 }] }]")), source: `${GW}/reference/api-types/httproute/#backendrefs` }],
  },
  {
    rule: "reference-grant-missing",
    flag: [{ name: "grant exists but for another kind", text: join(httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: db, namespace: data, port: 80 }] }]"), "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: { name: g, namespace: data }\nspec:\n  from: [{ group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: shop }]\n  to: [{ group: '', kind: Service }]\n"), source: `${GW}/reference/api-types/referencegrant/` }],
    noFlag: [{ name: "grant allows HTTPRoutes from shop", text: join(httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: db, namespace: data, port: 80 }] }]"), "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: { name: g, namespace: data }\nspec:\n  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop }]\n  to: [{ group: '', kind: Service }]\n"), source: `${GW}/reference/api-types/referencegrant/` }],
  },
  {
    rule: "reference-grant-not-in-input",
    flag: [{ name: "cross-namespace backend, no grant in the input", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: db, namespace: data, port: 80 }] }]"), source: `${GW}/reference/api-types/referencegrant/` }],
    noFlag: [{ name: "same-namespace backend", text: httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: db, port: 80 }] }]"), source: `${GW}/reference/api-types/referencegrant/` }],
  },
  {
    rule: "gateway-class-missing",
    flag: [{ name: "Gateway names an absent GatewayClass", text: join(gatewayClass("istio"), gateway(ALL_ROUTES_LISTENER, "infra", "cilium")), source: `${GW}/reference/api-types/gateway/` }],
    noFlag: [{ name: "GatewayClass present", text: join(gatewayClass("example"), gateway(ALL_ROUTES_LISTENER)), source: `${GW}/reference/api-types/gateway/` }],
  },
  {
    rule: "backend-hostname-ip",
    flag: [{ name: "XBackend hostname is an IPv4 literal (F050)", text: "apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XBackend\nmetadata: { name: ext }\nspec:\n  type: ExternalHostname\n  externalHostname: { hostname: 192.0.2.4 }\n  port: { number: 443 }\n", source: `${GW}/reference/api-types/backend/` }],
    noFlag: [{ name: "XBackend DNS hostname", text: "apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XBackend\nmetadata: { name: ext }\nspec:\n  type: ExternalHostname\n  externalHostname: { hostname: api.example.com }\n  port: { number: 443 }\n", source: `${GW}/reference/api-types/backend/` }],
  },
  {
    rule: "not-an-object",
    flag: [{ name: "a document that is a list", text: "- apiVersion: v1\n  kind: Service\n", source: `${K8S}/concepts/overview/working-with-objects/` }],
    noFlag: [{ name: "a mapping", text: WEB_SVC, source: `${K8S}/concepts/overview/working-with-objects/` }],
  },
  {
    rule: "missing-name",
    flag: [{ name: "no metadata.name", text: "apiVersion: v1\nkind: Service\nmetadata: { namespace: shop }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n", source: `${K8S}/concepts/overview/working-with-objects/names/` }],
    noFlag: [{ name: "generateName instead of name", text: "apiVersion: batch/v1\nkind: Job\nmetadata: { generateName: migrate- }\nspec:\n  template:\n    spec: { restartPolicy: Never, containers: [{ name: m, image: busybox }] }\n", source: `${K8S}/reference/kubernetes-api/common-definitions/object-meta/` }],
  },
  {
    rule: "schema-duplicate",
    flag: [{ name: "two containers with one name", text: "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: app, image: a }, { name: app, image: b }]\n", source: `${K8S}/reference/using-api/api-concepts/#field-validation` }],
    noFlag: [{ name: "two containers with two names", text: "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: app, image: a }, { name: sidecar, image: b }]\n", source: `${K8S}/concepts/workloads/pods/` }],
  },
  {
    rule: "external-name-missing",
    flag: [{ name: "ExternalName without externalName", text: service("db", "type: ExternalName"), source: `${K8S}/concepts/services-networking/service/#externalname` }],
    noFlag: [{ name: "ExternalName with a name", text: service("db", "type: ExternalName\nexternalName: db.example.com"), source: `${K8S}/concepts/services-networking/service/#externalname` }],
  },
  {
    rule: "external-name-invalid",
    flag: [{ name: "externalName with a scheme", text: service("db", "type: ExternalName\nexternalName: https://db.example.com"), source: `${K8S}/concepts/services-networking/service/#externalname` }],
    noFlag: [{ name: "fully qualified name with a trailing dot", text: service("db", "type: ExternalName\nexternalName: db.example.com."), source: `${K8S}/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec` }],
  },
  {
    rule: "external-name-selector-ignored",
    flag: [{ name: "ExternalName with a selector", text: service("db", "type: ExternalName\nexternalName: db.example.com\nselector: { app: db }"), source: `${K8S}/concepts/services-networking/service/#externalname` }],
    noFlag: [{ name: "ExternalName alone", text: service("db", "type: ExternalName\nexternalName: db.example.com"), source: `${K8S}/concepts/services-networking/service/#externalname` }],
  },
  {
    rule: "lb-field-ignored",
    flag: [{ name: "loadBalancerIP on ClusterIP", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\nloadBalancerIP: 203.0.113.10"), source: `${K8S}/concepts/services-networking/service/#loadbalancer` }],
    noFlag: [{ name: "no load-balancer fields", text: WEB_SVC, source: `${K8S}/concepts/services-networking/service/#loadbalancer` }],
  },
  {
    rule: "invalid-address",
    flag: [
      { name: "source range without a prefix length", text: service("web", "type: LoadBalancer\nselector: { app: web }\nports: [{ port: 80 }]\nloadBalancerSourceRanges: [203.0.113.7]"), source: `${K8S}/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec` },
      { name: "clusterIP that is not an address", text: service("web", "selector: { app: web }\nports: [{ port: 80 }]\nclusterIP: auto"), source: `${K8S}/concepts/services-networking/service/#choosing-your-own-ip-address` },
    ],
    noFlag: [{ name: "IPv6 source range and fixed IPv4 clusterIP", text: service("web", "type: LoadBalancer\nselector: { app: web }\nports: [{ port: 80 }]\nclusterIP: 10.96.10.10\nloadBalancerSourceRanges: ['2001:db8::/32']"), source: `${K8S}/concepts/services-networking/service/#choosing-your-own-ip-address` }],
  },
  {
    rule: "ingress-no-rules",
    flag: [{ name: "empty Ingress spec", text: ingress("ingressClassName: example"), source: `${K8S}/reference/kubernetes-api/service-resources/ingress-v1/#IngressSpec` }],
    noFlag: [{ name: "default backend only", text: ingress("defaultBackend: { service: { name: web, port: { number: 80 } } }"), source: `${K8S}/concepts/services-networking/ingress/#default-backend` }],
  },
  {
    rule: "ingress-backend-port-required",
    flag: [{ name: "backend Service without a port", text: ingress("defaultBackend: { service: { name: web, port: {} } }"), source: `${K8S}/reference/kubernetes-api/service-resources/ingress-v1/#IngressSpec` }],
    noFlag: [{ name: "backend with port.number", text: ingress("defaultBackend: { service: { name: web, port: { number: 80 } } }"), source: `${K8S}/reference/kubernetes-api/service-resources/ingress-v1/#IngressSpec` }],
  },
  {
    rule: "ingress-nginx-class-name",
    flag: [{ name: "class nginx with no IngressClass in the input", text: ingress("ingressClassName: nginx\ndefaultBackend: { service: { name: web, port: { number: 80 } } }"), source: "https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/" }],
    noFlag: [{ name: "class nginx declared for another controller", text: join("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: { name: nginx }\nspec: { controller: nginx.org/ingress-controller }\n", ingress("ingressClassName: nginx\ndefaultBackend: { service: { name: web, port: { number: 80 } } }")), source: "https://docs.nginx.com/nginx-ingress-controller/" }],
  },
  {
    rule: "statefulset-service-not-headless",
    flag: [{ name: "serviceName names a ClusterIP Service", text: join(service("db", "selector: { app: db }\nports: [{ port: 5432 }]"), "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: db, namespace: shop }\nspec:\n  serviceName: db\n  selector: { matchLabels: { app: db } }\n  template:\n    metadata: { labels: { app: db } }\n    spec: { containers: [{ name: db, image: postgres, ports: [{ containerPort: 5432 }] }] }\n"), source: `${K8S}/concepts/workloads/controllers/statefulset/#stable-network-id` }],
    noFlag: [{ name: "serviceName names a headless Service", text: join(service("db", "clusterIP: None\nselector: { app: db }\nports: [{ port: 5432 }]"), "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: db, namespace: shop }\nspec:\n  serviceName: db\n  selector: { matchLabels: { app: db } }\n  template:\n    metadata: { labels: { app: db } }\n    spec: { containers: [{ name: db, image: postgres, ports: [{ containerPort: 5432 }] }] }\n"), source: `${K8S}/concepts/workloads/controllers/statefulset/#stable-network-id` }],
  },
  {
    rule: "endpointslice-service-missing",
    flag: [{ name: "slice labelled for a Service not in the input", text: join(WEB_SVC, "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: { name: db-1, namespace: shop, labels: { kubernetes.io/service-name: db } }\naddressType: IPv4\nendpoints: [{ addresses: [10.1.2.3] }]\n"), source: `${K8S}/concepts/services-networking/service/#custom-endpointslices` }],
    noFlag: [{ name: "slice for a Service in the input", text: join(service("db", "ports: [{ port: 5432 }]"), "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: { name: db-1, namespace: shop, labels: { kubernetes.io/service-name: db } }\naddressType: IPv4\nports: [{ port: 5432 }]\nendpoints: [{ addresses: [10.1.2.3] }]\n"), source: `${K8S}/concepts/services-networking/service/#custom-endpointslices` }],
  },
  {
    rule: "policy-target-missing",
    flag: [{ name: "BackendTLSPolicy for a Service not in the input", text: join(WEB_SVC, "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata: { name: tls, namespace: shop }\nspec:\n  targetRefs: [{ group: '', kind: Service, name: api }]\n  validation: { hostname: api.shop.svc, wellKnownCACertificates: System }\n"), source: `${GW}/reference/api-types/policy/backendtlspolicy/` }],
    noFlag: [{ name: "BackendTLSPolicy for a Service in the input", text: join(WEB_SVC, "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata: { name: tls, namespace: shop }\nspec:\n  targetRefs: [{ group: '', kind: Service, name: web }]\n  validation: { hostname: web.shop.svc, wellKnownCACertificates: System }\n"), source: `${GW}/reference/api-types/policy/backendtlspolicy/` }],
  },
  {
    rule: "duplicate-object",
    flag: [{ name: "same Service twice", text: join(WEB_SVC, WEB_SVC), source: `${K8S}/concepts/overview/working-with-objects/names/` }],
    noFlag: [{ name: "Service and Deployment of one name", text: join(WEB, WEB_SVC), source: `${K8S}/concepts/overview/working-with-objects/names/` }],
  },
];

describe("manifest analysis rules", () => {
  it("every rule the code reports has a table here or a scenario in the evaluation set", () => {
    const covered = new Set([...TABLES.filter((t) => t.flag.length).map((t) => t.rule), ...SCENARIOS.map((s) => s.expect)]);
    expect(ANALYSIS_RULE_IDS.filter((id) => !covered.has(id) && id !== "finding-accepted")).toEqual([]);
  });

  for (const table of TABLES) {
    describe(table.rule, () => {
      it("is a rule of the analysis with content", () => {
        expect(ANALYSIS_RULE_IDS).toContain(table.rule);
        expect(knowledge.documents.analysisRules.some((r) => r.id === table.rule)).toBe(true);
      });
      for (const c of table.flag) {
        it(`flags: ${c.name}`, () => {
          expect(rules(analyze(c.text, c.options))).toContain(table.rule);
        });
      }
      for (const c of table.noFlag) {
        it(`does not flag: ${c.name}`, () => {
          expect(rules(analyze(c.text, c.options))).not.toContain(table.rule);
        });
      }
    });
  }
});

describe("input", () => {
  it("reports invalid YAML with its line and column and goes on with the other documents", () => {
    const a = analyze(join(WEB_SVC, "kind: Service\nmetadata: [oops\n"));
    const f = a.findings.find((x) => x.rule === "invalid-yaml")!;
    expect(f.category).toBe("INVALID_YAML");
    expect(f.documentIndex).toBe(1);
    expect(f.message).toMatch(/line \d+, column \d+/);
    expect(a.objects).toHaveLength(1);
  });

  it("gives the items of a kind: List the list's document index", () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: { name: a }\n    spec: { selector: { app: a }, ports: [{ port: 80 }] }\n  - apiVersion: v1\n    kind: Service\n    metadata: { name: b }\n    spec: { selector: { app: b }, ports: [{ port: 70000 }] }\n`;
    const a = analyze(join(WEB_SVC, list));
    expect(a.objects.map((o) => [o.name, o.documentIndex])).toEqual([["web", 0], ["a", 1], ["b", 1]]);
    const f = a.findings.find((x) => x.rule === "port-out-of-range")!;
    expect(f.documentIndex).toBe(1);
    expect(f.path).toBe("items[1].spec.ports[0].port");
  });

  it("reads JSON", () => {
    const a = analyze(JSON.stringify({ apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } }));
    expect(a.objects[0]!.kind).toBe("Service");
    expect(a.findings.filter((f) => f.severity === "ERROR")).toEqual([]);
  });

  it("refuses input over 1 MB before parsing", () => {
    const big = `# ${"x".repeat(1024 * 1024)}\n`;
    expect(() => analyze(big)).toThrow(DomainError);
    try {
      analyze(big);
    } catch (e) {
      expect((e as DomainError).code).toBe("BAD_USER_INPUT");
      expect((e as DomainError).field).toBe("manifests");
    }
  });

  it("refuses more than 500 documents", () => {
    const docs = Array.from({ length: 501 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c${i} }`).join("\n---\n");
    expect(() => analyze(docs)).toThrow(/500/);
  });

  it("refuses an alias bomb with BAD_USER_INPUT", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++) lines.push(`${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(9).fill(`*${"abcdefghij"[i - 1]}`).join(", ")}]`);
    const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: lol }\ndata:\n${lines.map((l) => `  ${l}`).join("\n")}\n`;
    expect(() => analyze(bomb)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
  });

  it("refuses malformed or unknown versions", () => {
    expect(() => analyze(WEB_SVC, { kubernetesVersion: "latest" })).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", field: "kubernetesVersion" }));
    expect(() => analyze(WEB_SVC, { kubernetesVersion: "1.99" })).toThrow(expect.objectContaining({ field: "kubernetesVersion" }));
    expect(() => analyze(WEB_SVC, { gatewayApiVersion: "one" })).toThrow(expect.objectContaining({ field: "gatewayApiVersion" }));
  });
});

describe("results", () => {
  it("defaults to the newest versions the knowledge base knows", () => {
    const a = analyze(WEB_SVC);
    expect(a.kubernetesVersion).toBe(knowledge.documents.coverage[0]?.kubernetesVersion ?? "1.37");
    expect(a.gatewayApiVersion).toBe("1.6.1");
  });

  it("sorts findings errors first, then by document", () => {
    const a = analyze(join(service("web", "type: NodePort\nselector: { app: web }\nports: [{ port: 80 }]"), service("bad", "selector: { app: web }\nports: [{ port: 0 }]")));
    const order = a.findings.map((f) => f.severity);
    expect(order[0]).toBe("ERROR");
    expect([...order].sort((x, y) => ["ERROR", "WARNING", "INFO"].indexOf(x) - ["ERROR", "WARNING", "INFO"].indexOf(y))).toEqual(order);
  });

  it("gives every finding a fix and an official source", () => {
    const a = analyze(join(WEB, service("web", "type: NodePort\nselector: { app: wbe }\nports: [{ port: 80, nodePort: 80 }]\nexternalIPs: [198.51.100.7]")));
    expect(a.findings.length).toBeGreaterThan(3);
    for (const f of a.findings) {
      expect(f.fix.length).toBeGreaterThan(10);
      expect(f.sources.length).toBeGreaterThan(0);
      expect(f.message).not.toMatch(/\{[a-zA-Z]+\}/);
    }
  });

  it("lists cross-object checks it could not run in the summary instead of guessing", () => {
    const a = analyze(join(WEB_SVC, httpRoute("parentRefs: [{ name: edge }]\nrules: [{ backendRefs: [{ name: web, port: 80 }] }]")));
    expect(rules(a)).not.toContain("service-selector-no-pods");
    expect(rules(a)).not.toContain("route-parent-missing");
    expect(a.summary).toMatch(/Not run: .*service-selector-no-pods/);
    expect(a.summary).toMatch(/route-parent-missing/);
  });

  it("treats ExternalName, headless and selector-less Services as correct designs", () => {
    const text = join(
      service("db", "type: ExternalName\nexternalName: db.example.com"),
      service("peers", "clusterIP: None\nselector: { app: peers }\nports: [{ name: gossip, port: 7946 }]"),
      deployment("peers", { app: "peers" }, "[{ name: gossip, containerPort: 7946 }]"),
      service("legacy", "ports: [{ name: pg, port: 5432 }]"),
      "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: { name: legacy-1, namespace: shop, labels: { kubernetes.io/service-name: legacy } }\naddressType: IPv4\nports: [{ name: pg, port: 5432 }]\nendpoints: [{ addresses: [10.20.30.40] }]\n",
    );
    expect(analyze(text).findings).toEqual([]);
  });

  it("explains a Service: reach, port mapping and the Pods it selects", () => {
    const a = analyze(join(WEB, service("web", "type: LoadBalancer\nselector: { app: web }\nports: [{ name: http, port: 80, targetPort: http }]\nexternalTrafficPolicy: Local")));
    const svc = a.objects.find((o) => o.kind === "Service")!;
    expect(svc.explanation).toMatch(/80\/TCP \(http\) to Pod port http/);
    expect(svc.explanation).toMatch(/Deployment shop\/web/);
    expect(svc.explanation).toMatch(/load balancer/);
    expect(svc.explanation).toMatch(/source IP/);
    expect(svc.concepts.map((c) => c.slug)).toEqual(expect.arrayContaining(["service", "load-balancer", "external-traffic-policy"]));
  });

  it("explains a route: hostnames and paths to backends with weights", () => {
    const a = analyze(httpRoute("parentRefs: [{ name: edge }]\nhostnames: [shop.example.com]\nrules:\n  - matches: [{ path: { type: PathPrefix, value: /api } }]\n    backendRefs: [{ name: api, port: 80, weight: 90 }, { name: api-canary, port: 80, weight: 10 }]"));
    const e = a.objects[0]!.explanation;
    expect(e).toMatch(/shop\.example\.com/);
    expect(e).toMatch(/path \/api \(PathPrefix\)/);
    expect(e).toMatch(/api:80 \(weight 90, 90 %\)/);
    expect(e).toMatch(/api-canary:80 \(weight 10, 10 %\)/);
  });

  it("explains a NetworkPolicy and shows it on the Pods it selects", () => {
    const a = analyze(join(WEB, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: from-gw, namespace: shop }\nspec:\n  podSelector: { matchLabels: { app: web } }\n  policyTypes: [Ingress]\n  ingress: [{ from: [{ namespaceSelector: { matchLabels: { name: infra } } }], ports: [{ port: 8080 }] }]\n"));
    expect(a.objects[1]!.explanation).toMatch(/namespaces labelled name=infra on 8080\/TCP/);
    expect(a.objects[0]!.explanation).toMatch(/NetworkPolicies from-gw select these Pods/);
    const withService = analyze(join(WEB, WEB_SVC, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: from-gw, namespace: shop }\nspec:\n  podSelector: { matchLabels: { app: web } }\n"));
    expect(withService.objects[1]!.explanation).toMatch(/NetworkPolicies from-gw select those Pods/);
  });

  it("reports a WARNING the object accepts in its annotation as INFO, but never an ERROR", () => {
    const nodePort = (annotation: string) =>
      service("web", "type: NodePort\nselector: { app: web }\nports: [{ port: 80, nodePort: 80 }]").replace("namespace: shop }", `namespace: shop, annotations: { k8s-networking-knowledge/accept: "${annotation}" } }`);
    const a = analyze(nodePort("exposed-node-port, node-port-out-of-range"));
    const exposure = a.findings.find((f) => f.rule === "exposed-node-port")!;
    expect(exposure.severity).toBe("INFO");
    expect(exposure.message).toMatch(/Accepted for this object/);
    expect(a.findings.find((f) => f.rule === "node-port-out-of-range")!.severity).toBe("ERROR");
    expect(analyze(nodePort("something-else")).findings.find((f) => f.rule === "exposed-node-port")!.severity).toBe("WARNING");
  });

  it("lists kinds outside the analysis with a short explanation and no findings", () => {
    const a = analyze("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { a: b }\n");
    expect(a.objects[0]!.explanation).toMatch(/does not check it/);
    expect(a.findings).toEqual([]);
  });
});

describe("robustness", () => {
  // Objects of the wrong shape everywhere: the analysis reports them and never throws.
  const MALFORMED = [
    "5",
    "- a\n- b",
    "apiVersion: 5\nkind: []\n",
    "apiVersion: v1\nkind: Service\nmetadata: []\nspec: 5",
    "apiVersion: v1\nkind: Service\nmetadata: { name: 5, labels: [] }\nspec: { ports: 'x', selector: [] }",
    "apiVersion: v1\nkind: Service\nmetadata: { name: a }\nspec: { ports: [null, 5, { port: 'x', targetPort: [], nodePort: 'y' }], externalIPs: [5], loadBalancerSourceRanges: 'x', clusterIP: 5, type: ExternalName, externalName: 5 }",
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec: { selector: { matchExpressions: [5, { key: a, operator: Weird }] }, template: { metadata: { labels: { a: 1 } }, spec: { containers: [5, { ports: 5 }], initContainers: 'x' } } }",
    "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: i }\nspec: { rules: [5, { host: 5, http: { paths: [5, { path: 5, backend: 5 }] } }], defaultBackend: 5, tls: 5 }",
    "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: { name: r }\nspec: { parentRefs: [5, { name: 5, port: 'x' }], hostnames: 5, rules: [5, { backendRefs: [5, { name: [] }], matches: 5, filters: 5 }] }",
    "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: { name: g, namespace: a }\nspec: { gatewayClassName: x, listeners: [5, { name: l, port: 80, protocol: HTTP, allowedRoutes: 5, tls: { certificateRefs: [5, { name: c, namespace: b }] } }] }\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: { name: r, namespace: c }\nspec: { parentRefs: [{ name: g, namespace: a }], rules: [{ backendRefs: [{ name: s, namespace: d, port: 1 }] }] }\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: ReferenceGrant\nmetadata: { name: x, namespace: d }\nspec: { from: 5, to: [5] }",
    "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: n }\nspec: { podSelector: 5, ingress: 5, egress: [5, { to: 5, ports: 5 }] }\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: c, image: i }] }",
    "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: { name: e, labels: { kubernetes.io/service-name: 5 } }\nendpoints: 5\nports: 5",
    "apiVersion: v1\nkind: List\nitems: [5, null, { kind: Service }]",
    "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: { name: l }\nspec: { parentRef: 5, listeners: 5 }\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: { name: g }\nspec: { gatewayClassName: x, listeners: [] }",
    "apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XBackend\nmetadata: { name: b }\nspec: 5",
    "a: *unknown\n",
    "---\n---\n",
    "",
  ];
  for (const [i, text] of MALFORMED.entries()) {
    it(`reports malformed input ${i} without throwing`, () => {
      const a = analyze(text);
      expect(a.summary.length).toBeGreaterThan(0);
      if (text.trim() && !text.startsWith("---")) expect(a.findings.length).toBeGreaterThan(0);
    });
  }

  it("refuses nesting deeper than 100 levels with BAD_USER_INPUT", () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata: ${"[".repeat(300)}${"]".repeat(300)}\n`;
    expect(() => analyze(deep)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
  });
});

