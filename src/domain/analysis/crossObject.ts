// Checks across objects. Each runs only when the input holds objects of the kind it refers to:
// a Service's selector is compared with Pod templates only if the input has workloads, a route's
// backends with Services only if it has Services, and so on. Otherwise the check is recorded as
// not run; nothing about the cluster is guessed.
import type { AnalysisContext } from "./context.js";
import { asArray, asRecord, asString, describeSelector, objectLabel, sameNamespace, selectorMatches, type ObjectRecord } from "./model.js";
import { ingressBackends } from "./checkKinds.js";
import { serviceShape } from "./checkService.js";

const GATEWAY_GROUP = "gateway.networking.k8s.io";
export const ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"];

/** What the checks found out about how objects connect; the explanations reuse it. */
export interface Relations {
  /** Service index to the workloads its selector matches (only when the input has workloads). */
  readonly servicePods: Map<number, ObjectRecord[]>;
  /** Workload index to the NetworkPolicies that select its Pods. */
  readonly policiesByWorkload: Map<number, ObjectRecord[]>;
  /** NetworkPolicy index to the workloads it selects. */
  readonly workloadsByPolicy: Map<number, ObjectRecord[]>;
  /** Gateway index to the routes that attach to it. */
  readonly routesByGateway: Map<number, ObjectRecord[]>;
}

const findNamed = (objects: readonly ObjectRecord[], name: string | null, namespace: string | null) =>
  objects.find((o) => o.name === name && sameNamespace(o.namespace, namespace));

/**
 * Whether the input holds any object of the kind in that namespace: a reference into a namespace
 * the input does not cover is not checked (it is listed as not run), since its objects may simply
 * not have been pasted.
 */
const covers = (objects: readonly ObjectRecord[], namespace: string | null) => objects.some((o) => sameNamespace(o.namespace, namespace));

export function checkCrossObject(ctx: AnalysisContext): Relations {
  const relations: Relations = { servicePods: new Map(), policiesByWorkload: new Map(), workloadsByPolicy: new Map(), routesByGateway: new Map() };
  const workloads = ctx.objects.filter((o) => o.template);
  const services = ctx.ofKind("Service");
  checkServicesAgainstPods(ctx, services, workloads, relations);
  checkSelectorlessServices(ctx, services);
  checkEndpointSlices(ctx, services);
  checkIngresses(ctx, services);
  checkStatefulSets(ctx, services);
  checkNetworkPolicies(ctx, workloads, relations);
  checkGateways(ctx);
  checkRoutes(ctx, services, relations);
  checkPolicies(ctx, services);
  return relations;
}

function checkServicesAgainstPods(ctx: AnalysisContext, services: ObjectRecord[], workloads: ObjectRecord[], relations: Relations): void {
  const selecting = services.filter((s) => serviceShape(s).selector && serviceShape(s).type !== "ExternalName");
  if (!selecting.length) return;
  if (!workloads.length) {
    ctx.skip("service-selector-no-pods", "the input holds no Pods or workloads to compare Service selectors with");
    ctx.skip("target-port-name-missing", "the input holds no Pods or workloads whose ports a targetPort could name");
    return;
  }
  for (const svc of selecting) {
    if (!covers(workloads, svc.namespace)) {
      ctx.skip("service-selector-no-pods", "the input holds no Pods or workloads in the Service's namespace");
      continue;
    }
    const shape = serviceShape(svc);
    const matched = workloads.filter((w) => sameNamespace(w.namespace, svc.namespace) && selectorMatches(shape.selector!, w.template!.labels, true));
    relations.servicePods.set(svc.index, matched);
    if (!matched.length) {
      ctx.report("service-selector-no-pods", svc, "spec.selector", { selector: describeSelector(shape.selector!, true) });
      continue;
    }
    if (shape.headless) continue; // targetPort is not used for headless Services
    for (const p of shape.ports) {
      const target = p.targetPort ?? p.port;
      if (target === null) continue;
      const at = `spec.ports[${p.index}].targetPort`;
      if (typeof target === "string") {
        const exposing = matched.filter((w) => w.template!.ports.some((cp) => cp.name === target && cp.protocol === p.protocol));
        if (!exposing.length) ctx.report("target-port-name-missing", svc, at, { name: target, protocol: p.protocol, workloads: matched.map(objectLabel).join(", ") });
      } else {
        const declaring = matched.filter((w) => w.template!.ports.length > 0 && !w.template!.hostNetwork);
        if (declaring.length && declaring.every((w) => !w.template!.ports.some((cp) => cp.containerPort === target && cp.protocol === p.protocol))) {
          const declared = [...new Set(declaring.flatMap((w) => w.template!.ports.map((cp) => `${cp.containerPort}/${cp.protocol}`)))].join(", ");
          ctx.report("target-port-not-declared", svc, at, { port: target, protocol: p.protocol, declared });
        }
      }
    }
  }
}

function checkSelectorlessServices(ctx: AnalysisContext, services: ObjectRecord[]): void {
  const selectorless = services.filter((s) => !serviceShape(s).selector && serviceShape(s).type !== "ExternalName");
  if (!selectorless.length) return;
  const slices = ctx.ofKind("EndpointSlice", "Endpoints");
  if (!slices.length) {
    ctx.skip("selectorless-service-no-endpoints", "the input holds no EndpointSlices for the Services without a selector");
    return;
  }
  for (const svc of selectorless) {
    if (!covers(slices, svc.namespace)) {
      ctx.skip("selectorless-service-no-endpoints", "the input holds no EndpointSlices in the Service's namespace");
      continue;
    }
    const found = slices.some(
      (e) => sameNamespace(e.namespace, svc.namespace) && (e.kind === "Endpoints" ? e.name === svc.name : e.labels["kubernetes.io/service-name"] === svc.name),
    );
    if (!found) ctx.report("selectorless-service-no-endpoints", svc, "spec", { name: svc.name ?? "?" });
  }
}

function checkEndpointSlices(ctx: AnalysisContext, services: ObjectRecord[]): void {
  const slices = ctx.ofKind("EndpointSlice");
  if (!slices.length) return;
  if (!services.length) return ctx.skip("endpointslice-service-missing", "the input holds no Services for its EndpointSlices to belong to");
  for (const slice of slices) {
    const owner = slice.labels["kubernetes.io/service-name"];
    if (owner === undefined) continue;
    if (!covers(services, slice.namespace)) {
      ctx.skip("endpointslice-service-missing", "the input holds no Services in the EndpointSlice's namespace");
      continue;
    }
    if (!findNamed(services, owner, slice.namespace)) ctx.report("endpointslice-service-missing", slice, "metadata.labels.kubernetes.io/service-name", { service: owner });
  }
}

function servicePortMatches(svc: ObjectRecord, port: Record<string, unknown>): boolean {
  const shape = serviceShape(svc);
  if (typeof port.number === "number") return shape.ports.some((p) => p.port === port.number);
  if (typeof port.name === "string") return shape.ports.some((p) => p.name === port.name);
  return true;
}

function checkIngresses(ctx: AnalysisContext, services: ObjectRecord[]): void {
  const ingresses = ctx.ofKind("Ingress");
  if (!ingresses.length) return;
  const classes = ctx.ofKind("IngressClass");
  for (const ing of ingresses) {
    const className = asString(ing.spec.ingressClassName);
    if (className) {
      if (!classes.length) ctx.skip("ingress-class-missing", "the input holds no IngressClass objects");
      else if (!classes.some((c) => c.name === className)) ctx.report("ingress-class-missing", ing, "spec.ingressClassName", { className, known: classes.map((c) => c.name).join(", ") });
    }
    if (!covers(services, ing.namespace)) {
      ctx.skip("ingress-backend-missing", "the input holds no Services in the Ingress's namespace for its backends to name");
      continue;
    }
    for (const b of ingressBackends(ing)) {
      if (b.service === null) continue;
      const svc = findNamed(services, b.service, ing.namespace);
      if (!svc) ctx.report("ingress-backend-missing", ing, `${b.path}.service.name`, { service: b.service });
      else if (!servicePortMatches(svc, asRecord(b.port))) {
        const port = asRecord(b.port);
        ctx.report("ingress-backend-port-missing", ing, `${b.path}.service.port`, {
          service: b.service,
          port: String(port.number ?? port.name),
          ports: serviceShape(svc).ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(", ") || "none",
        });
      }
    }
  }
}

function checkStatefulSets(ctx: AnalysisContext, services: ObjectRecord[]): void {
  for (const sts of ctx.ofKind("StatefulSet")) {
    const serviceName = asString(sts.spec.serviceName);
    if (!serviceName) continue;
    if (!covers(services, sts.namespace)) {
      ctx.skip("statefulset-service-missing", "the input holds no Services in the StatefulSet's namespace for its serviceName to name");
      continue;
    }
    const svc = findNamed(services, serviceName, sts.namespace);
    if (!svc) ctx.report("statefulset-service-missing", sts, "spec.serviceName", { service: serviceName });
    else if (!serviceShape(svc).headless) ctx.report("statefulset-service-not-headless", sts, "spec.serviceName", { service: serviceName });
  }
}

function checkNetworkPolicies(ctx: AnalysisContext, workloads: ObjectRecord[], relations: Relations): void {
  const policies = ctx.ofKind("NetworkPolicy");
  if (!policies.length) return;
  if (!workloads.length) return ctx.skip("network-policy-selects-nothing", "the input holds no Pods or workloads for NetworkPolicies to select");
  for (const policy of policies) {
    const selector = asRecord(policy.spec.podSelector);
    const selected = workloads.filter((w) => sameNamespace(w.namespace, policy.namespace) && selectorMatches(selector, w.template!.labels, false));
    relations.workloadsByPolicy.set(policy.index, selected);
    for (const w of selected) relations.policiesByWorkload.set(w.index, [...(relations.policiesByWorkload.get(w.index) ?? []), policy]);
    const inNamespace = workloads.some((w) => sameNamespace(w.namespace, policy.namespace));
    if (!selected.length && inNamespace) ctx.report("network-policy-selects-nothing", policy, "spec.podSelector", { selector: describeSelector(selector, false) });
    // Peers that pick Pods of the policy's own namespace (a podSelector without namespaceSelector).
    for (const [direction, peersKey] of [["ingress", "from"], ["egress", "to"]] as const) {
      asArray(policy.spec[direction]).forEach((r, i) =>
        asArray(asRecord(r)[peersKey]).forEach((p, j) => {
          const peer = asRecord(p);
          if (peer.podSelector === undefined || peer.namespaceSelector !== undefined || !inNamespace) return;
          const peerSelector = asRecord(peer.podSelector);
          if (workloads.some((w) => sameNamespace(w.namespace, policy.namespace) && selectorMatches(peerSelector, w.template!.labels, false))) return;
          ctx.report("network-policy-peer-selects-nothing", policy, `spec.${direction}[${i}].${peersKey}[${j}].podSelector`, { selector: describeSelector(peerSelector, false), direction });
        }),
      );
    }
  }
}

function checkGateways(ctx: AnalysisContext): void {
  const gateways = ctx.ofKind("Gateway");
  if (!gateways.length) return;
  const classes = ctx.ofKind("GatewayClass");
  for (const gw of gateways) {
    const className = asString(gw.spec.gatewayClassName);
    if (!className) continue;
    if (!classes.length) ctx.skip("gateway-class-missing", "the input holds no GatewayClass objects");
    else if (!classes.some((c) => c.name === className)) ctx.report("gateway-class-missing", gw, "spec.gatewayClassName", { className });
    asArray(gw.spec.listeners).forEach((l, i) => {
      asArray(asRecord(asRecord(l).tls).certificateRefs).forEach((c, j) => {
        const ref = asRecord(c);
        const ns = asString(ref.namespace);
        if (ns && gw.namespace && ns !== gw.namespace) {
          checkGrant(ctx, gw, `spec.listeners[${i}].tls.certificateRefs[${j}]`, { group: asString(ref.group) ?? "", kind: asString(ref.kind) ?? "Secret", name: asString(ref.name), namespace: ns });
        }
      });
    });
  }
}

/** A cross-namespace reference needs a ReferenceGrant in the target namespace that allows it. */
function checkGrant(ctx: AnalysisContext, from: ObjectRecord, path: string, to: { group: string; kind: string; name: string | null; namespace: string }): void {
  const grants = ctx.ofKind("ReferenceGrant");
  const allowed = grants.some(
    (g) =>
      g.namespace === to.namespace &&
      asArray(g.spec.from).some((f) => {
        const x = asRecord(f);
        return (asString(x.group) ?? "") === from.group && x.kind === from.kind && x.namespace === from.namespace;
      }) &&
      asArray(g.spec.to).some((t) => {
        const x = asRecord(t);
        return (asString(x.group) ?? "") === to.group && x.kind === to.kind && (x.name === undefined || x.name === to.name);
      }),
  );
  if (allowed) return;
  const params = { kind: to.kind, name: to.name ?? "?", namespace: to.namespace, fromKind: from.kind!, fromNamespace: from.namespace! };
  ctx.report(grants.length ? "reference-grant-missing" : "reference-grant-not-in-input", from, path, params);
}

/**
 * A namespace's labels, when they are known: from its Namespace object in the input, plus the
 * kubernetes.io/metadata.name label the API server sets on every namespace (since 1.22). Without
 * the object only that label is known, which is enough for selectors that use nothing else.
 */
function namespaceLabels(ctx: AnalysisContext, name: string, selector: Record<string, unknown>): Record<string, string> | null {
  const implicit = { "kubernetes.io/metadata.name": name };
  const ns = ctx.ofKind("Namespace").find((n) => n.name === name);
  if (ns) return { ...ns.labels, ...implicit };
  const keys = [...Object.keys(asRecord(selector.matchLabels)), ...asArray(selector.matchExpressions).map((e) => asRecord(e).key)];
  return keys.length && keys.every((k) => k === "kubernetes.io/metadata.name") ? implicit : null;
}

/** Route kinds a listener accepts by default, by protocol (Gateway API listener `allowedRoutes`). */
const DEFAULT_ROUTE_KINDS: Record<string, readonly string[]> = {
  HTTP: ["HTTPRoute", "GRPCRoute"],
  HTTPS: ["HTTPRoute", "GRPCRoute"],
  TLS: ["TLSRoute", "TCPRoute"],
  TCP: ["TCPRoute"],
  UDP: ["UDPRoute"],
};

function hostnamesIntersect(listener: string, route: string): boolean {
  const matches = (pattern: string, host: string) => (pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : pattern === host);
  return listener === route || matches(listener, route) || matches(route, listener) || (listener.startsWith("*.") && route.startsWith("*.") && (listener.endsWith(route.slice(1)) || route.endsWith(listener.slice(1))));
}

/** Why a listener does not accept a route, or null when it does. */
function listenerExcludes(ctx: AnalysisContext, gw: ObjectRecord, listener: Record<string, unknown>, route: ObjectRecord): string | null {
  const allowed = asRecord(listener.allowedRoutes);
  const protocol = asString(listener.protocol) ?? "";
  const kinds = asArray(allowed.kinds);
  if (kinds.length) {
    if (!kinds.some((k) => asRecord(k).kind === route.kind && (asString(asRecord(k).group) ?? GATEWAY_GROUP) === route.group)) return `its allowedRoutes.kinds does not list ${route.kind}`;
  } else if (DEFAULT_ROUTE_KINDS[protocol] && !DEFAULT_ROUTE_KINDS[protocol]!.includes(route.kind!)) {
    return `a ${protocol} listener does not accept ${route.kind}`;
  }
  const from = asString(asRecord(allowed.namespaces).from) ?? "Same";
  if (from === "Same" && !sameNamespace(gw.namespace, route.namespace)) return `it accepts routes only from its own namespace (${gw.namespace})`;
  if (from === "None") return "it accepts no routes (allowedRoutes.namespaces.from: None)";
  if (from === "Selector" && route.namespace) {
    const selector = asRecord(asRecord(allowed.namespaces).selector);
    const labels = namespaceLabels(ctx, route.namespace, selector);
    if (labels && !selectorMatches(selector, labels, false)) return `the route's namespace ${route.namespace} does not match its namespace selector`;
  }
  const hostname = asString(listener.hostname);
  const routeHosts = asArray(route.spec.hostnames).filter((h): h is string => typeof h === "string");
  if (hostname && routeHosts.length && ["HTTPRoute", "GRPCRoute", "TLSRoute"].includes(route.kind!) && !routeHosts.some((h) => hostnamesIntersect(hostname, h))) {
    return `its hostname ${hostname} matches none of the route's hostnames`;
  }
  return null;
}

export function routeBackendRefs(route: ObjectRecord): { path: string; ref: Record<string, unknown> }[] {
  const out: { path: string; ref: Record<string, unknown> }[] = [];
  asArray(route.spec.rules).forEach((r, i) => asArray(asRecord(r).backendRefs).forEach((b, j) => out.push({ path: `spec.rules[${i}].backendRefs[${j}]`, ref: asRecord(b) })));
  return out;
}

function checkRoutes(ctx: AnalysisContext, services: ObjectRecord[], relations: Relations): void {
  const routes = ctx.ofKind(...ROUTE_KINDS).filter((r) => r.group === GATEWAY_GROUP);
  const listenerSets = ctx.ofKind("ListenerSet");
  const gateways = ctx.ofKind("Gateway");
  // ListenerSets attach to Gateways like routes do.
  for (const ls of listenerSets) {
    const ref = asRecord(ls.spec.parentRef);
    if (ref.name === undefined || !covers(gateways, asString(ref.namespace) ?? ls.namespace)) continue;
    if (!findNamed(gateways, asString(ref.name), asString(ref.namespace) ?? ls.namespace)) ctx.report("route-parent-missing", ls, "spec.parentRef", { kind: "Gateway", name: String(ref.name) });
  }
  for (const route of routes) {
    asArray(route.spec.parentRefs).forEach((p, i) => {
      const ref = asRecord(p);
      const kind = asString(ref.kind) ?? "Gateway";
      const group = asString(ref.group) ?? GATEWAY_GROUP;
      if (group !== GATEWAY_GROUP || (kind !== "Gateway" && kind !== "ListenerSet")) return;
      const candidates = kind === "Gateway" ? gateways : listenerSets;
      const parentNamespace = asString(ref.namespace) ?? route.namespace;
      if (!covers(candidates, parentNamespace)) return ctx.skip("route-parent-missing", `the input holds no ${kind} objects in the namespace routes attach to`);
      const name = asString(ref.name);
      const parent = findNamed(candidates, name, asString(ref.namespace) ?? route.namespace);
      const at = `spec.parentRefs[${i}]`;
      if (!parent) return ctx.report("route-parent-missing", route, at, { kind, name: name ?? "?" });
      if (kind !== "Gateway") return;
      relations.routesByGateway.set(parent.index, [...(relations.routesByGateway.get(parent.index) ?? []), route]);
      let listeners = asArray(parent.spec.listeners).map(asRecord);
      const section = asString(ref.sectionName);
      if (section) {
        listeners = listeners.filter((l) => l.name === section);
        if (!listeners.length) return ctx.report("route-parent-section-missing", route, `${at}.sectionName`, { section, gateway: name ?? "?" });
      }
      if (typeof ref.port === "number") listeners = listeners.filter((l) => l.port === ref.port);
      if (!listeners.length) return ctx.report("route-parent-section-missing", route, `${at}.port`, { section: `port ${String(ref.port)}`, gateway: name ?? "?" });
      const reasons = listeners.map((l) => listenerExcludes(ctx, parent, l, route));
      if (reasons.every((r) => r !== null)) {
        ctx.report("route-not-allowed-by-listener", route, at, {
          gateway: name ?? "?",
          reasons: listeners.map((l, k) => `listener ${String(l.name)}: ${reasons[k]}`).join("; "),
        });
      }
    });
    asArray(route.spec.rules).forEach((r, i) => {
      const refs = asArray(asRecord(r).backendRefs).map(asRecord);
      if (refs.length && refs.every((b) => b.weight === 0)) ctx.report("route-weights-all-zero", route, `spec.rules[${i}].backendRefs`, { count: refs.length });
    });
    for (const { path, ref } of routeBackendRefs(route)) {
      const kind = asString(ref.kind) ?? "Service";
      const group = asString(ref.group) ?? "";
      const name = asString(ref.name);
      const ns = asString(ref.namespace);
      if (ns && route.namespace && ns !== route.namespace) checkGrant(ctx, route, path, { group, kind, name, namespace: ns });
      if (group !== "" || kind !== "Service") continue;
      if (!covers(services, ns ?? route.namespace)) {
        ctx.skip("route-backend-missing", "the input holds no Services in the backend's namespace");
        continue;
      }
      const svc = findNamed(services, name, ns ?? route.namespace);
      if (!svc) ctx.report("route-backend-missing", route, `${path}.name`, { kind: route.kind!, service: name ?? "?" });
      else if (typeof ref.port === "number" && !serviceShape(svc).ports.some((p) => p.port === ref.port)) {
        ctx.report("route-backend-port-missing", route, `${path}.port`, {
          service: name ?? "?",
          port: ref.port,
          ports: serviceShape(svc).ports.map((p) => String(p.port)).join(", ") || "none",
        });
      }
    }
  }
}

function checkPolicies(ctx: AnalysisContext, services: ObjectRecord[]): void {
  for (const policy of ctx.ofKind("BackendTLSPolicy")) {
    asArray(policy.spec.targetRefs).forEach((t, i) => {
      const ref = asRecord(t);
      if ((asString(ref.group) ?? "") !== "" || ref.kind !== "Service") return;
      if (!covers(services, policy.namespace)) return ctx.skip("policy-target-missing", "the input holds no Services in the policy's namespace");
      if (!findNamed(services, asString(ref.name), policy.namespace)) ctx.report("policy-target-missing", policy, `spec.targetRefs[${i}]`, { kind: "Service", name: String(ref.name) });
    });
  }
}
