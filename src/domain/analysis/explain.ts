// Plain-sentence explanations of each object: what it does, who can reach it, how ports map, which
// Pods or backends get the traffic and what policies change; for routes, hostnames and paths to
// backends with weights. Written from the objects alone plus what the cross-object checks found.
import type { Relations } from "./crossObject.js";
import { routeBackendRefs } from "./crossObject.js";
import { asArray, asRecord, asString, describeSelector, objectLabel, type ObjectRecord } from "./model.js";
import { serviceShape } from "./checkService.js";

const list = (items: readonly string[], none = "none") => (items.length === 0 ? none : items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
const nsOf = (o: ObjectRecord) => (o.namespace ? `namespace ${o.namespace}` : "the namespace it is applied to");

/** Concept slugs each kind (and Service variant) is about; only those the knowledge base has are returned. */
export function conceptSlugs(o: ObjectRecord): string[] {
  switch (o.kind) {
    case "Service": {
      const s = serviceShape(o);
      const slugs = ["service"];
      if (s.type === "NodePort") slugs.push("node-port");
      else if (s.type === "LoadBalancer") slugs.push("load-balancer");
      else if (s.type === "ExternalName") slugs.push("external-name");
      else slugs.push("cluster-ip");
      if (s.headless) slugs.push("headless-service");
      if (!s.selector && s.type !== "ExternalName") slugs.push("selectorless-service");
      if (o.spec.externalTrafficPolicy !== undefined) slugs.push("external-traffic-policy");
      if (o.spec.internalTrafficPolicy !== undefined) slugs.push("internal-traffic-policy");
      if (o.spec.trafficDistribution !== undefined) slugs.push("traffic-distribution");
      if (o.spec.sessionAffinity === "ClientIP") slugs.push("session-affinity");
      if (asArray(o.spec.externalIPs).length) slugs.push("external-ips");
      return slugs;
    }
    case "EndpointSlice":
      return ["endpoint-slice"];
    case "Endpoints":
      return ["endpoints"];
    case "Ingress":
      return ["ingress", "ingress-controller"];
    case "IngressClass":
      return ["ingress-class"];
    case "NetworkPolicy":
      return ["network-policy"];
    case "GatewayClass":
      return ["gateway-class"];
    case "Gateway":
      return ["gateway", "gateway-listener"];
    case "ListenerSet":
      return ["listener-set"];
    case "HTTPRoute":
      return ["httproute"];
    case "GRPCRoute":
      return ["grpcroute"];
    case "TLSRoute":
      return ["tlsroute"];
    case "TCPRoute":
      return ["tcproute"];
    case "UDPRoute":
      return ["udproute"];
    case "ReferenceGrant":
      return ["reference-grant"];
    case "BackendTLSPolicy":
      return ["backend-tls-policy"];
    case "XBackend":
      return ["gateway-backend"];
    case "StatefulSet":
      return ["statefulset", "pod"];
    case "Pod":
    case "Deployment":
    case "DaemonSet":
    case "ReplicaSet":
    case "Job":
    case "CronJob":
      return ["pod"];
    default:
      return [];
  }
}

export function explain(o: ObjectRecord, relations: Relations): string {
  if (!o.raw) return "This document is not a Kubernetes object (an object with apiVersion, kind and metadata).";
  if (!o.kind || !o.apiVersion) return "This document lacks apiVersion or kind, so the API server cannot tell what it is.";
  switch (o.kind) {
    case "Service":
      return explainService(o, relations);
    case "Ingress":
      return explainIngress(o);
    case "IngressClass":
      return `IngressClass ${o.name} hands Ingresses that name it to the controller "${String(o.spec.controller)}".${o.annotations["ingressclass.kubernetes.io/is-default-class"] === "true" ? " It is marked as the default class, so Ingresses without a class get it too." : ""}`;
    case "NetworkPolicy":
      return explainNetworkPolicy(o, relations);
    case "EndpointSlice":
    case "Endpoints":
      return explainEndpoints(o);
    case "GatewayClass":
      return `GatewayClass ${o.name} names the controller "${String(o.spec.controllerName)}", which provisions and runs the Gateways of this class.`;
    case "Gateway":
      return explainGateway(o, relations);
    case "ListenerSet":
      return `ListenerSet ${o.name} adds ${asArray(o.spec.listeners).length} listener(s) (${list(asArray(o.spec.listeners).map((l) => listenerText(asRecord(l))))}) to Gateway ${String(asRecord(o.spec.parentRef).name)}, so teams can own listeners without editing the Gateway.`;
    case "HTTPRoute":
    case "GRPCRoute":
    case "TLSRoute":
    case "TCPRoute":
    case "UDPRoute":
      return explainRoute(o);
    case "ReferenceGrant":
      return `ReferenceGrant ${o.name} in ${nsOf(o)} lets ${list(asArray(o.spec.from).map((f) => `${String(asRecord(f).kind)}s in namespace ${String(asRecord(f).namespace)}`))} refer to ${list(asArray(o.spec.to).map((t) => `${asRecord(t).name ? `the ${String(asRecord(t).kind)} ${String(asRecord(t).name)}` : `any ${String(asRecord(t).kind)}`}`))} here. Without it, such cross-namespace references are refused.`;
    case "BackendTLSPolicy": {
      const validation = asRecord(o.spec.validation);
      return `BackendTLSPolicy ${o.name} makes Gateways connect with TLS to ${list(asArray(o.spec.targetRefs).map((t) => `${String(asRecord(t).kind)} ${String(asRecord(t).name)}`))}, expecting the server name ${String(validation.hostname ?? "(not set)")}${asArray(validation.caCertificateRefs).length ? " and checking its certificate against the referenced CA certificates" : validation.wellKnownCACertificates ? ` and checking its certificate against the ${String(validation.wellKnownCACertificates)} CA certificates` : ""}.`;
    }
    case "XBackend": {
      const host = asRecord(o.spec.externalHostname).hostname;
      return `XBackend ${o.name} (experimental Gateway API) is a backend outside the cluster${host ? ` at ${String(host)}` : ""}${asRecord(o.spec.port).number ? ` port ${String(asRecord(o.spec.port).number)}` : ""}; routes can name it in backendRefs.`;
    }
    default:
      if (o.template) return explainWorkload(o, relations);
      if (o.kind === "Namespace") return `Namespace ${o.name}${Object.keys(o.labels).length ? ` with labels ${describeSelector(o.labels, true)} (namespace selectors in NetworkPolicies and Gateway listeners match on them)` : ""}.`;
      return `A ${o.kind} (${o.apiVersion}). This analysis covers networking objects and workloads; it lists this object but does not check it.`;
  }
}

function portText(p: ReturnType<typeof serviceShape>["ports"][number], type: string, headless: boolean): string {
  const target = p.targetPort ?? p.port;
  const node = type === "NodePort" || type === "LoadBalancer" ? `, node port ${p.nodePort ?? "assigned automatically"}` : "";
  if (headless || type === "ExternalName") return `${p.port}/${p.protocol}${p.name ? ` (${p.name})` : ""}`;
  return `${p.port}/${p.protocol}${p.name ? ` (${p.name})` : ""} to Pod port ${target}${node}`;
}

function explainService(o: ObjectRecord, relations: Relations): string {
  const s = serviceShape(o);
  const spec = o.spec;
  const parts: string[] = [];
  const dns = `${o.name}.${o.namespace ?? "<namespace>"}.svc`;
  if (s.type === "ExternalName") {
    parts.push(`Service ${o.name} is an ExternalName Service: the cluster DNS answers ${dns} with a CNAME to ${String(spec.externalName)}. Nothing is proxied and ports are not remapped; clients connect to the external name on the port they use.`);
    return parts.join(" ");
  }
  if (s.headless) {
    parts.push(`Service ${o.name} is headless (clusterIP: None): it has no virtual IP, and ${dns} resolves straight to the ready Pods' IPs, so clients pick a Pod themselves (and each Pod of a StatefulSet naming it gets its own DNS name).`);
  } else {
    parts.push(`Service ${o.name} (${s.type}) gives its backends one stable virtual IP and the DNS name ${dns}; kube-proxy spreads connections over the ready endpoints.`);
  }
  const reach = ["Pods in the cluster"];
  if (s.type === "NodePort" || s.type === "LoadBalancer") reach.push("anyone who can reach a node's IP on the node ports");
  if (s.type === "LoadBalancer") reach.push(`clients of the external load balancer the cloud or a controller provisions${asArray(spec.loadBalancerSourceRanges).length ? ` (limited to ${asArray(spec.loadBalancerSourceRanges).join(", ")} where the platform supports it)` : ""}`);
  if (asArray(spec.externalIPs).length) reach.push(`traffic routed to the external IPs ${asArray(spec.externalIPs).join(", ")}`);
  parts.push(`Who can reach it: ${list(reach)}.`);
  if (s.ports.length) parts.push(`Ports: ${list(s.ports.map((p) => portText(p, s.type, s.headless)))}.`);
  if (s.selector) {
    const pods = relations.servicePods.get(o.index);
    parts.push(
      `Backends: Pods labelled ${describeSelector(s.selector, true)}${pods === undefined ? " (the input holds no workloads to match)" : pods.length ? `, from ${list(pods.map(objectLabel))}` : ", and no workload in the input has them"}.`,
    );
    const policies = [...new Set((pods ?? []).flatMap((w) => relations.policiesByWorkload.get(w.index) ?? []))];
    if (policies.length) parts.push(`NetworkPolicies ${list(policies.map((p) => p.name ?? "?"))} select those Pods, so only the clients they allow get through, where the network plugin enforces policies.`);
  } else {
    parts.push("It has no selector, so Kubernetes creates no endpoints for it: its backends are the EndpointSlices labelled kubernetes.io/service-name: " + `${o.name} that you manage.`);
  }
  const policies: string[] = [];
  if (spec.externalTrafficPolicy === "Local") policies.push("externalTrafficPolicy: Local keeps the client's source IP and sends outside traffic only to endpoints on the node it arrived at");
  if (spec.internalTrafficPolicy === "Local") policies.push("internalTrafficPolicy: Local sends in-cluster traffic only to endpoints on the client's own node, and drops it when there is none");
  if (typeof spec.trafficDistribution === "string") policies.push(`trafficDistribution: ${spec.trafficDistribution} prefers endpoints close to the client and falls back to others`);
  if (spec.sessionAffinity === "ClientIP") policies.push("sessionAffinity: ClientIP keeps each client IP on the same Pod");
  if (spec.publishNotReadyAddresses === true) policies.push("publishNotReadyAddresses includes Pods that are not ready");
  if (policies.length) parts.push(`${list(policies).replace(/^./, (c) => c.toUpperCase())}.`);
  return parts.join(" ");
}

function explainWorkload(o: ObjectRecord, relations: Relations): string {
  const t = o.template!;
  const ports = t.ports.map((p) => `${p.containerPort}/${p.protocol}${p.name ? ` (${p.name})` : ""}${p.hostPort ? ` also on host port ${p.hostPort}` : ""}`);
  const parts = [
    `${o.kind} ${o.name} runs Pods labelled ${describeSelector(t.labels, true)}${ports.length ? ` that declare the ports ${list(ports)}` : " that declare no container ports (Services can still send to numbered ports they listen on)"}.`,
  ];
  if (t.hostNetwork) parts.push("The Pods use the node's network namespace (hostNetwork), so they listen on the node's own addresses.");
  const policies = relations.policiesByWorkload.get(o.index);
  if (policies?.length) parts.push(`NetworkPolicies ${list(policies.map((p) => p.name ?? "?"))} select these Pods, so only the traffic they allow reaches (or leaves) them, where the network plugin enforces policies.`);
  return parts.join(" ");
}

function explainIngress(o: ObjectRecord): string {
  const parts: string[] = [];
  const className = asString(o.spec.ingressClassName) ?? o.annotations["kubernetes.io/ingress.class"];
  parts.push(`Ingress ${o.name} asks ${className ? `the controller of class ${className}` : "the cluster's default Ingress controller"} to route HTTP(S) requests; it does nothing without a running Ingress controller.`);
  const routes: string[] = [];
  asArray(o.spec.rules).forEach((r) => {
    const rule = asRecord(r);
    const host = asString(rule.host) ?? "any host";
    for (const p of asArray(asRecord(rule.http).paths)) {
      const path = asRecord(p);
      routes.push(`${host} ${String(path.path ?? "/")} (${String(path.pathType ?? "?")}) to ${backendText(asRecord(path.backend))}`);
    }
  });
  if (routes.length) parts.push(`Routes: ${list(routes)}.`);
  if (o.spec.defaultBackend) parts.push(`Requests that match no rule go to ${backendText(asRecord(o.spec.defaultBackend))}.`);
  const tls = asArray(o.spec.tls).map((t) => `${list(asArray(asRecord(t).hosts).map(String), "all hosts")} with the certificate in Secret ${String(asRecord(t).secretName ?? "(default)")}`);
  if (tls.length) parts.push(`TLS is terminated for ${list(tls)}.`);
  return parts.join(" ");
}

function backendText(backend: Record<string, unknown>): string {
  const svc = asRecord(backend.service);
  if (svc.name) {
    const port = asRecord(svc.port);
    return `Service ${String(svc.name)} port ${String(port.number ?? port.name ?? "?")}`;
  }
  const res = asRecord(backend.resource);
  return res.kind ? `${String(res.kind)} ${String(res.name)}` : "(no backend)";
}

function peerText(peer: Record<string, unknown>): string {
  if (peer.ipBlock) {
    const block = asRecord(peer.ipBlock);
    return `addresses in ${String(block.cidr)}${asArray(block.except).length ? ` except ${asArray(block.except).join(", ")}` : ""}`;
  }
  const pods = peer.podSelector ? `Pods labelled ${describeSelector(asRecord(peer.podSelector), false)}` : null;
  const namespaces = peer.namespaceSelector ? `namespaces labelled ${describeSelector(asRecord(peer.namespaceSelector), false)}` : null;
  if (pods && namespaces) return `${pods} in ${namespaces}`;
  return pods ? `${pods} in this namespace` : (namespaces ?? "anything");
}

function rulesText(rules: unknown, peersKey: string, direction: string): string {
  const items = asArray(rules);
  if (!items.length) return `it denies all ${direction} traffic of those Pods`;
  const texts = items.map((r) => {
    const rule = asRecord(r);
    const peers = asArray(rule[peersKey]).map((p) => peerText(asRecord(p)));
    const ports = asArray(rule.ports).map((p) => `${String(asRecord(p).port ?? "any port")}/${String(asRecord(p).protocol ?? "TCP")}`);
    return `${peers.length ? list(peers) : "anywhere"}${ports.length ? ` on ${list(ports)}` : ""}`;
  });
  return `it allows ${direction} traffic only ${direction === "ingress" ? "from" : "to"} ${list(texts)}`;
}

function explainNetworkPolicy(o: ObjectRecord, relations: Relations): string {
  const selector = asRecord(o.spec.podSelector);
  const types = asArray(o.spec.policyTypes).map(String);
  const effective = types.length ? types : ["Ingress", ...(o.spec.egress !== undefined ? ["Egress"] : [])];
  const selected = relations.workloadsByPolicy.get(o.index);
  const parts = [
    `NetworkPolicy ${o.name} selects ${Object.keys(selector).length ? `the Pods labelled ${describeSelector(selector, false)}` : "every Pod"} in ${nsOf(o)}${selected ? ` (in the input: ${list(selected.map(objectLabel))})` : ""}.`,
  ];
  if (effective.includes("Ingress")) parts.push(`For ingress, ${rulesText(o.spec.ingress, "from", "ingress")}.`);
  if (effective.includes("Egress")) parts.push(`For egress, ${rulesText(o.spec.egress, "to", "egress")}.`);
  parts.push("Pods no policy selects stay open; policies add up, and they only take effect with a network plugin that enforces them.");
  return parts.join(" ");
}

function explainEndpoints(o: ObjectRecord): string {
  if (o.kind === "Endpoints") {
    const addresses = asArray(o.raw!.subsets).flatMap((s) => asArray(asRecord(s).addresses).map((a) => String(asRecord(a).ip)));
    return `Endpoints ${o.name} lists the backend addresses ${list(addresses)} for the Service of the same name (the older API; EndpointSlice replaces it).`;
  }
  const addresses = asArray(o.raw!.endpoints).flatMap((e) => asArray(asRecord(e).addresses).map(String));
  const ports = asArray(o.raw!.ports).map((p) => `${String(asRecord(p).port)}/${String(asRecord(p).protocol ?? "TCP")}${asRecord(p).name ? ` (${String(asRecord(p).name)})` : ""}`);
  const service = o.labels["kubernetes.io/service-name"];
  return `EndpointSlice ${o.name} lists ${addresses.length} ${String(o.raw!.addressType ?? "")} address(es) (${list(addresses.slice(0, 6))}) on ${list(ports)}${service ? ` as backends of Service ${service}` : " but has no kubernetes.io/service-name label, so no Service uses it"}.`;
}

function listenerText(l: Record<string, unknown>): string {
  const tls = asRecord(l.tls);
  const from = asString(asRecord(asRecord(l.allowedRoutes).namespaces).from) ?? "Same";
  return `${String(l.name)}: ${String(l.protocol)} on port ${String(l.port)}${l.hostname ? ` for ${String(l.hostname)}` : ""}${tls.mode ? ` (TLS ${String(tls.mode)})` : l.protocol === "HTTPS" ? " (TLS Terminate)" : ""}, routes from ${from === "Same" ? "its own namespace" : from === "All" ? "all namespaces" : from === "None" ? "no namespace" : "selected namespaces"}`;
}

function explainGateway(o: ObjectRecord, relations: Relations): string {
  const listeners = asArray(o.spec.listeners).map((l) => listenerText(asRecord(l)));
  const routes = relations.routesByGateway.get(o.index) ?? [];
  return [
    `Gateway ${o.name} of class ${String(o.spec.gatewayClassName)} asks that class's controller for an entry point (usually a load balancer) with the listeners ${list(listeners)}.`,
    routes.length ? `Routes in the input attached to it: ${list(routes.map(objectLabel))}.` : "No route in the input attaches to it.",
  ].join(" ");
}

function matchText(m: Record<string, unknown>): string {
  const parts: string[] = [];
  const path = asRecord(m.path);
  if (path.value !== undefined || path.type !== undefined) parts.push(`path ${String(path.value ?? "/")} (${String(path.type ?? "PathPrefix")})`);
  const method = asRecord(m.method);
  if (method.service || method.method) parts.push(`gRPC ${String(method.service ?? "*")}/${String(method.method ?? "*")}`);
  else if (typeof m.method === "string") parts.push(`method ${m.method}`);
  for (const h of asArray(m.headers)) parts.push(`header ${String(asRecord(h).name)}: ${String(asRecord(h).value)}`);
  for (const q of asArray(m.queryParams)) parts.push(`query ${String(asRecord(q).name)}=${String(asRecord(q).value)}`);
  return parts.length ? parts.join(" and ") : "everything";
}

function explainRoute(o: ObjectRecord): string {
  const parents = asArray(o.spec.parentRefs).map((p) => {
    const ref = asRecord(p);
    return `${String(ref.kind ?? "Gateway")} ${String(ref.name)}${ref.sectionName ? ` (listener ${String(ref.sectionName)})` : ""}`;
  });
  const hostnames = asArray(o.spec.hostnames).map(String);
  const parts = [`${o.kind} ${o.name} attaches to ${list(parents, "no parent (so it carries no traffic)")}${hostnames.length ? ` for the hostnames ${list(hostnames)}` : ""}.`];
  const rules = asArray(o.spec.rules);
  const backendsByRule = new Map<number, string[]>();
  for (const { path, ref } of routeBackendRefs(o)) {
    const i = Number(/rules\[(\d+)\]/.exec(path)?.[1] ?? 0);
    backendsByRule.set(i, [...(backendsByRule.get(i) ?? []), JSON.stringify(ref)]);
  }
  rules.slice(0, 20).forEach((r, i) => {
    const rule = asRecord(r);
    const refs = asArray(rule.backendRefs).map(asRecord);
    const total = refs.reduce((sum, b) => sum + (typeof b.weight === "number" ? b.weight : 1), 0);
    const backends = refs.map((b) => {
      const weight = typeof b.weight === "number" ? b.weight : 1;
      const share = total > 0 ? Math.round((weight / total) * 1000) / 10 : 0;
      return `${String(b.kind ?? "Service")} ${b.namespace ? `${String(b.namespace)}/` : ""}${String(b.name)}${b.port !== undefined ? `:${String(b.port)}` : ""}${refs.length > 1 ? ` (weight ${weight}, ${share} %)` : ""}`;
    });
    const matches = asArray(rule.matches).map((m) => matchText(asRecord(m)));
    const filters = asArray(rule.filters).map((f) => String(asRecord(f).type));
    parts.push(
      `Rule ${i + 1}: ${matches.length ? list(matches) : "all requests"}${filters.length ? `, with ${list(filters)}` : ""}, to ${backends.length ? list(backends) : "no backend (requests get an error unless a filter answers them)"}.`,
    );
  });
  return parts.join(" ");
}
