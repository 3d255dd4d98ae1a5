// Builds the Kubernetes objects for an option as YAML documents, from plain objects.
// Placeholders come from rules.yaml; every applied setting lands in the Service.
import { isIP } from "node:net";
import { backendProtocol, l4Protocol, type Protocol } from "./requirements.js";
import type { Facts, ManifestKind, OptionRule, RecommendationRules } from "./rules.js";
import { setPath, type AppliedSetting } from "./settings.js";
import { toYaml } from "./yaml.js";

type Obj = Record<string, unknown>;

interface Context {
  readonly facts: Facts;
  readonly rules: RecommendationRules;
  readonly option: OptionRule;
}

function object(ctx: Context, kind: ManifestKind, name: string, namespace: string | null, rest: Obj): Obj {
  const metadata: Obj = { name };
  if (namespace) metadata.namespace = namespace;
  return { apiVersion: ctx.rules.apiVersions[kind], kind, metadata, ...rest };
}

const PORT_NAMES: Record<Protocol, string> = {
  HTTP: "http",
  HTTPS: "https",
  GRPC: "grpc",
  TCP: "tcp",
  TLS: "tls",
  UDP: "udp",
  SCTP: "sctp",
};

/**
 * One port per transport protocol; multi-port Services need named ports, so every port is named,
 * after what the backend speaks ("http" behind an edge that terminates TLS).
 */
function ports(facts: Facts, sameTargetPort: boolean): Obj[] {
  const byL4 = new Map<string, Protocol>();
  for (const p of facts.protocols) if (!byL4.has(l4Protocol(p))) byL4.set(l4Protocol(p), backendProtocol(p, facts.tls));
  return [...byL4].map(([l4, p]) => ({
    name: PORT_NAMES[p],
    protocol: l4,
    port: facts.servicePort,
    targetPort: sameTargetPort ? facts.servicePort : facts.targetPort,
  }));
}

function externalNameTarget(ctx: Context): string {
  const { facts, rules } = ctx;
  if (facts.externalHostname) return facts.externalHostname;
  // An alias for a Service in another namespace is a CNAME to its cluster DNS name.
  if (facts.backend === "OTHER_NAMESPACE_SERVICE") return `${facts.name}.${rules.placeholders.otherNamespace}.svc.cluster.local`;
  return rules.placeholders.externalHostname;
}

function service(ctx: Context, name: string, settings: readonly AppliedSetting[], selectorOf = name): Obj {
  const { facts, option } = ctx;
  const spec: Obj = {};
  if (option.option === "EXTERNAL_NAME") {
    spec.type = "ExternalName";
    spec.externalName = externalNameTarget(ctx);
  } else {
    const selectorless = option.option === "SELECTORLESS_SERVICE" || (option.option === "HEADLESS_SERVICE" && facts.backend === "EXTERNAL_IP");
    spec.type = { NODE_PORT: "NodePort", LOAD_BALANCER: "LoadBalancer" }[option.option as string] ?? "ClusterIP";
    if (option.option === "HEADLESS_SERVICE") spec.clusterIP = "None";
    if (!selectorless) spec.selector = { "app.kubernetes.io/name": selectorOf };
    // A headless Service has no proxy, so targetPort is ignored and must be left equal to port (Service
    // API reference, ServicePort.targetPort): clients reach the Pods (or the addresses of a
    // selector-less Service's EndpointSlice) on the port they listen on.
    spec.ports =
      option.option !== "HEADLESS_SERVICE"
        ? ports(facts, false)
        : ports(facts, true).map((p) => (selectorless ? p : { ...p, port: facts.targetPort, targetPort: facts.targetPort }));
  }
  const svc = object(ctx, "Service", name, facts.namespace, { spec });
  // A NodePort is recommended for exposure on purpose: manifest analysis keeps its exposure warning as INFO.
  if (option.option === "NODE_PORT") (svc.metadata as Obj).annotations = { "k8s-networking-knowledge/accept": "exposed-node-port" };
  for (const s of settings) setPath(svc, s.path, s.raw);
  return svc;
}

function endpointSlice(ctx: Context): Obj {
  const { facts, rules } = ctx;
  const ip = facts.externalIp ?? rules.placeholders.externalIp;
  const headless = ctx.option.option === "HEADLESS_SERVICE";
  return object(ctx, "EndpointSlice", `${facts.name}-1`, facts.namespace, {
    metadata: {
      name: `${facts.name}-1`,
      ...(facts.namespace ? { namespace: facts.namespace } : {}),
      labels: { "kubernetes.io/service-name": facts.name, "endpointslice.kubernetes.io/managed-by": "staff" },
    },
    addressType: isIP(ip) === 6 ? "IPv6" : "IPv4",
    ports: ports(facts, headless).map((p) => ({ name: p.name, protocol: p.protocol, port: p.targetPort })),
    endpoints: [{ addresses: [ip] }],
  });
}

function ingress(ctx: Context): Obj {
  const { facts, rules } = ctx;
  const host = rules.placeholders.host;
  const spec: Obj = {
    ingressClassName: rules.placeholders.className,
    rules: [
      {
        host,
        http: {
          paths: [
            { path: "/", pathType: "Prefix", backend: { service: { name: facts.name, port: { number: facts.servicePort } } } },
          ],
        },
      },
    ],
  };
  if (facts.tls === "TERMINATE_AT_EDGE") spec.tls = [{ hosts: [host], secretName: `${facts.name}-tls` }];
  return object(ctx, "Ingress", facts.name, facts.namespace, { spec });
}

function listener(ctx: Context, route: ManifestKind): Obj {
  const { facts, rules } = ctx;
  const host = rules.placeholders.host;
  const terminate = facts.tls === "TERMINATE_AT_EDGE";
  const base: Obj =
    route === "TLSRoute"
      ? { name: "tls", protocol: "TLS", port: 443, hostname: host, tls: { mode: "Passthrough" } }
      : route === "TCPRoute"
        ? { name: "tcp", protocol: "TCP", port: facts.servicePort }
        : route === "UDPRoute"
          ? { name: "udp", protocol: "UDP", port: facts.servicePort }
          : terminate
            ? { name: "https", protocol: "HTTPS", port: 443, hostname: host, tls: { mode: "Terminate", certificateRefs: [{ name: `${facts.name}-tls` }] } }
            : { name: "http", protocol: "HTTP", port: 80 };
  // Routes from other namespaces attach only where the Gateway allows them (two-way trust).
  if (facts.multiTenantRouting) base.allowedRoutes = { namespaces: { from: "Selector", selector: { matchLabels: { "gateway-access": "true" } } } };
  return base;
}

function route(ctx: Context, kind: ManifestKind, gatewayName: string, listenerName: string): Obj[] {
  const { facts, rules } = ctx;
  const crossNamespace = facts.backend === "OTHER_NAMESPACE_SERVICE";
  const backendNamespace = crossNamespace ? { namespace: rules.placeholders.otherNamespace } : {};
  const backend = (name: string, weight?: number) => ({ name, ...backendNamespace, port: facts.servicePort, ...(weight ? { weight } : {}) });
  const canary = facts.routing.includes("WEIGHTED_SPLIT") || facts.routing.includes("HEADER");
  const httpLike = kind === "HTTPRoute" || kind === "GRPCRoute";
  const ruleList: Obj[] = [];
  if (kind === "HTTPRoute" && facts.routing.includes("HEADER")) {
    ruleList.push({ matches: [{ headers: [{ type: "Exact", name: "x-canary", value: "true" }] }], backendRefs: [backend(`${facts.name}-canary`)] });
  }
  const main: Obj = {
    backendRefs: canary && facts.routing.includes("WEIGHTED_SPLIT") && httpLike
      ? [backend(facts.name, 90), backend(`${facts.name}-canary`, 10)]
      : [backend(facts.name)],
  };
  if (kind === "HTTPRoute" && facts.routing.includes("PATH")) main.matches = [{ path: { type: "PathPrefix", value: "/" } }];
  if (kind === "HTTPRoute") {
    // Both filters are "Extended" support in Gateway API: check that the implementation offers them.
    const filters: Obj[] = [];
    if (facts.routing.includes("REWRITE_OR_REDIRECT")) {
      main.matches = [{ path: { type: "PathPrefix", value: "/api" } }];
      filters.push({ type: "URLRewrite", urlRewrite: { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/" } } });
    }
    if (facts.routing.includes("MIRROR")) {
      filters.push({ type: "RequestMirror", requestMirror: { backendRef: { name: `${facts.name}-mirror`, ...backendNamespace, port: facts.servicePort } } });
    }
    if (filters.length) main.filters = filters;
  }
  if (kind === "GRPCRoute" && facts.routing.includes("GRPC_METHOD")) main.matches = [{ method: { service: "example.v1.ExampleService" } }];
  ruleList.push(main);
  const spec: Obj = { parentRefs: [{ name: gatewayName, sectionName: listenerName }] };
  if (httpLike || kind === "TLSRoute") spec.hostnames = [rules.placeholders.host];
  spec.rules = ruleList;
  const docs = [object(ctx, kind, facts.name, facts.namespace, { spec })];
  if (crossNamespace) {
    // The owner of the target namespace must allow the Route to reference its Service.
    docs.push(
      object(ctx, "ReferenceGrant", `allow-${facts.name}-from-${facts.namespace ?? "default"}`, rules.placeholders.otherNamespace, {
        spec: {
          from: [{ group: "gateway.networking.k8s.io", kind, namespace: facts.namespace ?? "default" }],
          to: [{ group: "", kind: "Service" }],
        },
      }),
    );
  }
  return docs;
}

/** A route to another namespace's Service creates no Service here, so it can carry no Service settings. */
export function generatesService(option: OptionRule, facts: Facts): boolean {
  if (option.option === "NO_SERVICE") return false;
  return !(option.route && option.route !== "Ingress" && facts.backend === "OTHER_NAMESPACE_SERVICE");
}

export function buildManifest(option: OptionRule, facts: Facts, rules: RecommendationRules, settings: readonly AppliedSetting[]): string {
  const ctx: Context = { facts, rules, option };
  const docs: Obj[] = [];
  if (option.option === "NO_SERVICE") return "";
  const routeKind = option.route;
  if (!routeKind) {
    docs.push(service(ctx, facts.name, settings));
    const selectorless = option.option === "SELECTORLESS_SERVICE" || (option.option === "HEADLESS_SERVICE" && facts.backend === "EXTERNAL_IP");
    if (selectorless) docs.push(endpointSlice(ctx));
  } else {
    // The backend Service already exists in the other namespace when the route crosses namespaces.
    const crossNamespace = !generatesService(option, facts);
    if (!crossNamespace) docs.push(service(ctx, facts.name, settings));
    if (facts.routing.includes("WEIGHTED_SPLIT") || (facts.routing.includes("HEADER") && routeKind === "HTTPRoute")) {
      if (!crossNamespace) docs.push(service(ctx, `${facts.name}-canary`, [], `${facts.name}-canary`));
    }
    if (facts.routing.includes("MIRROR") && routeKind === "HTTPRoute" && !crossNamespace) {
      docs.push(service(ctx, `${facts.name}-mirror`, [], `${facts.name}-mirror`));
    }
    if (routeKind === "Ingress") docs.push(ingress(ctx));
    else {
      const gatewayName = `${facts.name}-gateway`;
      const l = listener(ctx, routeKind);
      docs.push(object(ctx, "Gateway", gatewayName, facts.namespace, { spec: { gatewayClassName: rules.placeholders.className, listeners: [l] } }));
      docs.push(...route(ctx, routeKind, gatewayName, String(l.name)));
    }
  }
  return docs.map(toYaml).join("---\n");
}
