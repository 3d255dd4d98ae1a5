// Rules for one object of the other kinds: workloads (selector against template, host ports and
// host networking), Ingress paths, hosts and backends, the retired ingress-nginx, and XBackend.
import { isIPLiteral, isIPv4Literal } from "./cel.js";
import type { AnalysisContext } from "./context.js";
import { asArray, asRecord, asString, selectorMatches, type ObjectRecord } from "./model.js";
import { isValidPort, portNameProblem } from "./checkService.js";

export function checkWorkload(ctx: AnalysisContext, o: ObjectRecord): void {
  const t = o.template;
  if (!t) return;
  if (o.kind !== "Pod" && o.kind !== "CronJob" && o.kind !== "Job") {
    const selector = asRecord(o.spec.selector);
    if (Object.keys(selector).length && !selectorMatches(selector, t.labels, false)) {
      ctx.report("workload-selector-mismatch", o, "spec.selector", { kind: o.kind! });
    }
  }
  const containers = ["containers", "initContainers"].flatMap((list) =>
    asArray(valueAtPath(o.raw, t.specPath)[list]).map((c, i) => [`${t.specPath}.${list}[${i}]`, asRecord(c)] as const),
  );
  for (const [cpath, container] of containers) {
    const names = new Set<string>();
    asArray(container.ports).forEach((p, i) => {
      const port = asRecord(p);
      const at = `${cpath}.ports[${i}]`;
      if (port.containerPort !== undefined && !isValidPort(port.containerPort)) ctx.report("port-out-of-range", o, `${at}.containerPort`, { field: "containerPort", value: String(port.containerPort) });
      const name = asString(port.name);
      if (name) {
        const problem = portNameProblem(name);
        if (problem) ctx.report("invalid-port-name", o, `${at}.name`, { name, detail: problem });
        if (names.has(name)) ctx.report("service-port-duplicate", o, `${at}.name`, { what: `container port name "${name}"` });
        names.add(name);
      }
      if (typeof port.hostPort === "number" && port.hostPort !== 0) {
        ctx.report("exposed-host-port", o, `${at}.hostPort`, { hostPort: port.hostPort, container: asString(container.name) ?? "?" });
      }
    });
  }
  if (t.hostNetwork) ctx.report("exposed-host-network", o, `${t.specPath}.hostNetwork`, {});
}

function valueAtPath(root: unknown, path: string): Record<string, unknown> {
  let v: unknown = root;
  for (const key of path.split(".")) v = asRecord(v)[key];
  return asRecord(v);
}

const INVALID_PREFIX_PATH = [/\/\//, /\/\.\//, /\/\.\.\//, /%2f/i, /\/\.\.?$/];

export function ingressBackends(o: ObjectRecord): { path: string; service: string | null; port: unknown; resource: boolean }[] {
  const out: { path: string; service: string | null; port: unknown; resource: boolean }[] = [];
  const add = (at: string, backend: unknown) => {
    const b = asRecord(backend);
    const svc = asRecord(b.service);
    out.push({ path: at, service: asString(svc.name), port: svc.port, resource: b.resource !== undefined });
  };
  if (o.spec.defaultBackend !== undefined) add("spec.defaultBackend", o.spec.defaultBackend);
  asArray(o.spec.rules).forEach((r, i) =>
    asArray(asRecord(asRecord(r).http).paths).forEach((p, j) => add(`spec.rules[${i}].http.paths[${j}].backend`, asRecord(p).backend)),
  );
  return out;
}

export function checkIngress(ctx: AnalysisContext, o: ObjectRecord): void {
  const spec = o.spec;
  if (spec.defaultBackend === undefined && !asArray(spec.rules).length) ctx.report("ingress-no-rules", o, "spec", {});
  asArray(spec.rules).forEach((r, i) => {
    const rule = asRecord(r);
    const host = asString(rule.host);
    if (host) {
      const bare = host.startsWith("*.") ? host.slice(2) : host;
      if (isIPLiteral(host)) ctx.report("ingress-host-invalid", o, `spec.rules[${i}].host`, { host, detail: "it is an IP address; Ingress hosts are DNS names" });
      else if (host.includes("*") && !host.startsWith("*.")) ctx.report("ingress-host-invalid", o, `spec.rules[${i}].host`, { host, detail: "a wildcard must be the whole first label (*.example.com)" });
      else if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(bare) || bare.includes("*")) {
        ctx.report("ingress-host-invalid", o, `spec.rules[${i}].host`, { host, detail: "it is not a lowercase DNS name" });
      }
    }
    asArray(asRecord(rule.http).paths).forEach((p, j) => {
      const path = asRecord(p);
      const value = asString(path.path);
      const type = asString(path.pathType);
      const at = `spec.rules[${i}].http.paths[${j}].path`;
      if (value !== null && value !== "" && !value.startsWith("/")) ctx.report("ingress-path-invalid", o, at, { path: value, detail: "it must start with /" });
      else if (value && (type === "Prefix" || type === "Exact") && INVALID_PREFIX_PATH.some((re) => re.test(value))) {
        ctx.report("ingress-path-invalid", o, at, { path: value, detail: "Exact and Prefix paths may not contain //, /./, /../ or %2f, nor end in /. or /.." });
      } else if ((type === "Prefix" || type === "Exact") && !value) ctx.report("ingress-path-invalid", o, at, { path: "(empty)", detail: `pathType ${type} needs a path` });
    });
  });
  for (const b of ingressBackends(o)) {
    if (b.resource) continue;
    const port = asRecord(b.port);
    if (b.service !== null && (port.name === undefined) === (port.number === undefined)) {
      ctx.report("ingress-backend-port-required", o, `${b.path}.service.port`, { service: b.service });
    }
  }
  checkIngressNginx(ctx, o);
}

export function checkIngressNginx(ctx: AnalysisContext, o: ObjectRecord): void {
  const prefixes = ctx.rule("ingress-nginx-annotation")?.values ?? [];
  const used = Object.keys(o.annotations).filter((key) => prefixes.some((p) => key.startsWith(p)));
  if (used.length) ctx.report("ingress-nginx-annotation", o, `metadata.annotations.${used[0]}`, { count: used.length, annotations: used.slice(0, 5).join(", ") });
  const classNames = ctx.rule("ingress-nginx-class-name")?.values ?? [];
  const className = asString(o.spec.ingressClassName) ?? o.annotations["kubernetes.io/ingress.class"] ?? null;
  if (className && classNames.includes(className)) {
    const declared = ctx.ofKind("IngressClass").find((c) => c.name === className);
    if (!declared) ctx.report("ingress-nginx-class-name", o, o.spec.ingressClassName ? "spec.ingressClassName" : "metadata.annotations.kubernetes.io/ingress.class", { className });
  }
}

export function checkIngressClass(ctx: AnalysisContext, o: ObjectRecord): void {
  const controller = asString(o.spec.controller);
  if (controller && (ctx.rule("ingress-nginx-controller")?.values ?? []).includes(controller)) {
    ctx.report("ingress-nginx-controller", o, "spec.controller", { controller });
  }
}

export function checkXBackend(ctx: AnalysisContext, o: ObjectRecord): void {
  const hostname = asString(asRecord(o.spec.externalHostname).hostname);
  if (hostname && isIPv4Literal(hostname)) ctx.report("backend-hostname-ip", o, "spec.externalHostname.hostname", { hostname });
}
