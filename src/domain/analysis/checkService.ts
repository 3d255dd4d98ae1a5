// Service rules the API server enforces in code (not in the OpenAPI document), and fields that do
// nothing for the Service's type. Sources: the Service concept page and the Service API reference
// (cited per rule in prisma/content/analysis/). ExternalName, headless and selector-less Services
// are correct designs and get no finding for being what they are.
import { isIPLiteral, isIPv4Literal } from "./cel.js";
import type { AnalysisContext } from "./context.js";
import { asArray, asRecord, asString, type ObjectRecord } from "./model.js";

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Default --service-node-port-range. */
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

export interface ServiceShape {
  readonly type: string;
  readonly headless: boolean;
  readonly selector: Record<string, string> | null;
  readonly ports: readonly ServicePortShape[];
}

export interface ServicePortShape {
  readonly index: number;
  readonly name: string | null;
  readonly port: number | null;
  readonly targetPort: number | string | null;
  readonly protocol: string;
  readonly nodePort: number | null;
}

export function serviceShape(o: ObjectRecord): ServiceShape {
  const spec = o.spec;
  const selector = asRecord(spec.selector);
  return {
    type: asString(spec.type) ?? "ClusterIP",
    headless: spec.clusterIP === "None",
    selector: Object.keys(selector).length ? (selector as Record<string, string>) : null,
    ports: asArray(spec.ports).map((p, index) => {
      const port = asRecord(p);
      return {
        index,
        name: asString(port.name),
        port: typeof port.port === "number" ? port.port : null,
        targetPort: typeof port.targetPort === "number" || typeof port.targetPort === "string" ? port.targetPort : null,
        protocol: asString(port.protocol) ?? "TCP",
        nodePort: typeof port.nodePort === "number" ? port.nodePort : null,
      };
    }),
  };
}

export const isValidPort = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 65535;

/** IANA service name rules for named ports (Kubernetes IsValidPortName). */
export function portNameProblem(name: string): string | null {
  if (name.length > 15) return "at most 15 characters";
  if (!/^[a-z0-9-]+$/.test(name)) return "only lowercase letters, digits and '-'";
  if (!/[a-z]/.test(name)) return "at least one letter";
  if (name.includes("--")) return "no consecutive hyphens";
  if (name.startsWith("-") || name.endsWith("-")) return "no hyphen at either end";
  return null;
}

function isCidr(value: string): boolean {
  const slash = value.indexOf("/");
  if (slash === -1) return false;
  const ip = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  return (isIPv4Literal(ip) && Number(bits) <= 32) || (!isIPv4Literal(ip) && isIPLiteral(ip) && Number(bits) <= 128);
}

export function checkService(ctx: AnalysisContext, o: ObjectRecord): void {
  const spec = o.spec;
  const s = serviceShape(o);
  const ports = asArray(spec.ports);
  const externallyAccessible = s.type === "NodePort" || s.type === "LoadBalancer" || (s.type === "ClusterIP" && asArray(spec.externalIPs).length > 0);

  if (!["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"].includes(s.type)) return; // the enum check reports it

  if (!ports.length && !s.headless && s.type !== "ExternalName") ctx.report("service-ports-required", o, "spec.ports", { type: s.type });

  const names = new Set<string>();
  const keys = new Set<string>();
  const nodePorts = new Set<string>();
  for (const p of s.ports) {
    const at = `spec.ports[${p.index}]`;
    if (s.ports.length > 1 && !p.name) ctx.report("service-port-name-required", o, `${at}.name`, {});
    if (p.name) {
      if (names.has(p.name)) ctx.report("service-port-duplicate", o, `${at}.name`, { what: `name "${p.name}"` });
      names.add(p.name);
    }
    if (p.port !== null && !isValidPort(p.port)) ctx.report("port-out-of-range", o, `${at}.port`, { field: "port", value: p.port });
    const key = `${p.protocol}/${p.port}`;
    if (p.port !== null && keys.has(key)) ctx.report("service-port-duplicate", o, `${at}.port`, { what: `port ${p.port}/${p.protocol}` });
    keys.add(key);
    if (typeof p.targetPort === "number" && !isValidPort(p.targetPort)) ctx.report("port-out-of-range", o, `${at}.targetPort`, { field: "targetPort", value: p.targetPort });
    if (typeof p.targetPort === "string") {
      const problem = /^\d+$/.test(p.targetPort) ? "a number written as a string is read as a port name" : portNameProblem(p.targetPort);
      if (problem) ctx.report("invalid-port-name", o, `${at}.targetPort`, { name: p.targetPort, detail: problem });
    }
    if (p.nodePort !== null) {
      // The API server refuses nodePort on ClusterIP Services (validation.go); on ExternalName it is not used.
      if (s.type === "ClusterIP") ctx.report("node-port-on-wrong-type", o, `${at}.nodePort`, { type: s.type });
      else if (s.type !== "ExternalName" && (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX)) ctx.report("node-port-out-of-range", o, `${at}.nodePort`, { nodePort: p.nodePort });
      const nk = `${p.protocol}/${p.nodePort}`;
      if (nodePorts.has(nk)) ctx.report("service-port-duplicate", o, `${at}.nodePort`, { what: `nodePort ${p.nodePort}/${p.protocol}` });
      nodePorts.add(nk);
    }
    if (s.headless && p.targetPort !== null && p.targetPort !== p.port) ctx.report("headless-target-port", o, `${at}.targetPort`, { port: p.port ?? "?", targetPort: p.targetPort });
    if (s.type === "ExternalName" && p.targetPort !== null && p.targetPort !== p.port) {
      ctx.report("external-name-port-remap", o, `${at}.targetPort`, { port: p.port ?? "?", targetPort: p.targetPort });
    }
  }

  // Fields only a LoadBalancer Service may carry (the API server refuses them elsewhere).
  if (s.type !== "LoadBalancer") {
    for (const field of ctx.rule("lb-field-on-other-type")?.values ?? []) {
      if (spec[field] !== undefined && !(Array.isArray(spec[field]) && (spec[field] as unknown[]).length === 0)) ctx.report("lb-field-on-other-type", o, `spec.${field}`, { field, type: s.type });
    }
    for (const field of ctx.rule("lb-field-ignored")?.values ?? []) {
      if (spec[field] !== undefined && spec[field] !== "") ctx.report("lb-field-ignored", o, `spec.${field}`, { field, type: s.type });
    }
  }
  for (const [i, range] of asArray(spec.loadBalancerSourceRanges).entries()) {
    if (typeof range === "string" && !isCidr(range.trim())) ctx.report("invalid-address", o, `spec.loadBalancerSourceRanges[${i}]`, { value: range, expected: "a CIDR such as 203.0.113.0/24" });
  }
  if (spec.externalTrafficPolicy !== undefined && !externallyAccessible) {
    ctx.report("external-traffic-policy-not-external", o, "spec.externalTrafficPolicy", { type: s.type });
  }
  if (spec.healthCheckNodePort !== undefined && !(s.type === "LoadBalancer" && spec.externalTrafficPolicy === "Local")) {
    ctx.report("lb-field-on-other-type", o, "spec.healthCheckNodePort", { field: "healthCheckNodePort", type: `${s.type} without externalTrafficPolicy: Local` });
  }

  // Proxy-only settings on Services kube-proxy does not proxy.
  if (s.headless || s.type === "ExternalName") {
    const what = s.headless ? "a headless Service (clusterIP: None), whose DNS name returns Pod IPs and which kube-proxy does not proxy" : "an ExternalName Service, which is only a DNS CNAME";
    if (spec.sessionAffinity === "ClientIP") ctx.report("session-affinity-no-effect", o, "spec.sessionAffinity", { what });
    for (const field of ["internalTrafficPolicy", "trafficDistribution"]) {
      if (spec[field] !== undefined) ctx.report("traffic-policy-no-effect", o, `spec.${field}`, { field, what });
    }
  }

  if (s.headless && (s.type === "NodePort" || s.type === "LoadBalancer")) ctx.report("headless-wrong-type", o, "spec.clusterIP", { type: s.type });

  const clusterIP = asString(spec.clusterIP);
  if (s.type === "ExternalName") {
    if ((clusterIP && clusterIP !== "") || asArray(spec.clusterIPs).length) ctx.report("external-name-cluster-ip", o, spec.clusterIP !== undefined ? "spec.clusterIP" : "spec.clusterIPs", { value: clusterIP ?? String(asArray(spec.clusterIPs)[0]) });
    const name = asString(spec.externalName);
    const cname = name?.endsWith(".") ? name.slice(0, -1) : name;
    if (!cname) ctx.report("external-name-missing", o, "spec.externalName", {});
    else if (isIPv4Literal(cname)) ctx.report("external-name-ip", o, "spec.externalName", { value: cname });
    else if (cname.length > 253 || !DNS1123_SUBDOMAIN.test(cname)) ctx.report("external-name-invalid", o, "spec.externalName", { value: cname });
    if (s.selector) ctx.report("external-name-selector-ignored", o, "spec.selector", {});
  } else if (clusterIP && clusterIP !== "None" && !isIPLiteral(clusterIP)) {
    ctx.report("invalid-address", o, "spec.clusterIP", { value: clusterIP, expected: 'an IP address, "None" or nothing' });
  }
  for (const [i, ip] of asArray(spec.externalIPs).entries()) {
    if (typeof ip === "string" && !isIPLiteral(ip)) ctx.report("invalid-address", o, `spec.externalIPs[${i}]`, { value: ip, expected: "an IP address" });
  }

  // Exposure outside the cluster.
  if (s.type === "NodePort") ctx.report("exposed-node-port", o, "spec.type", { ports: s.ports.map((p) => p.nodePort ?? "auto").join(", ") || "none" });
  if (s.type === "LoadBalancer") ctx.report("exposed-load-balancer", o, "spec.type", {});
  if (asArray(spec.externalIPs).length) ctx.report("exposed-external-ips", o, "spec.externalIPs", { ips: asArray(spec.externalIPs).join(", ") });
}
