// Ingresses to Gateway API objects: one Gateway per IngressClass (or the one named in the options)
// with an HTTP listener and an HTTPS listener per TLS host, HTTPRoutes per namespace and host that
// keep the Ingress path semantics, GRPCRoutes for gRPC backends, TLSRoutes for SSL passthrough,
// BackendTLSPolicies for HTTPS backends and ReferenceGrants for certificates in other namespaces.
// Annotation features come from transforms.ts; every warning text comes from the behaviour notes.
import type { BackendInput, IngressInput, MigrationInput, ServiceInput } from "./input.js";
import { API_VERSION, GROUP, NameRegistry, dnsName, type Json, type JsonObject, type ManifestObject } from "./objects.js";
import { convertPath, duration, type PathMatch } from "./paths.js";
import type { BuiltInBehaviour } from "./rules.js";
import { isTlsBackend, prefixIdiom, type IngressFeatures } from "./transforms.js";

export interface MigrationOptions {
  readonly gatewayName?: string | null;
  readonly gatewayNamespace?: string | null;
  readonly gatewayClassName?: string | null;
  readonly allowExperimental?: boolean | null;
}

/** One Ingress with what the converter decided about it. */
export interface IngressPlan {
  readonly ingress: IngressInput;
  readonly nginx: boolean;
  readonly features: IngressFeatures;
  /** The gateway key (class) this Ingress attaches to. */
  readonly gatewayKey: string;
  /** Set for canary Ingresses once their main Ingress is found. */
  mainFound: boolean;
}

export interface RaisedWarning {
  readonly id: BuiltInBehaviour | string;
  readonly values: Readonly<Record<string, string>>;
}

interface Backend {
  readonly ref: JsonObject;
  readonly service: { readonly namespace: string; readonly name: string } | null;
}

interface RuleDraft {
  matches: JsonObject[];
  filters: JsonObject[];
  backendRefs: JsonObject[];
  timeouts?: JsonObject;
  sessionPersistence?: JsonObject;
  /** Serve on the HTTPS listener for the host. */
  https: boolean;
  /** On the HTTP listener: serve, redirect to HTTPS, or nothing. */
  http: "serve" | "redirect";
  /** The path match key, for canaries and defaults: type + value. */
  key: string;
  /** Main-Ingress rule that a canary may join (no header matches, forwards to backends). */
  canaryTarget: boolean;
  /** The Ingress path and pathType the rule came from; canaries join rules by these. */
  source?: string;
  ingress: string;
}

interface HostGroup {
  readonly namespace: string;
  readonly host: string | null;
  readonly gatewayKey: string;
  readonly names: string[];
  readonly hostnames: Set<string>;
  readonly rules: RuleDraft[];
  readonly grpcRules: JsonObject[];
  grpcHttps: boolean;
}

interface ListenerDraft {
  readonly name: string;
  readonly hostname: string | null;
  readonly protocol: "HTTP" | "HTTPS" | "TLS";
  readonly certificateRefs: JsonObject[];
}

interface GatewayDraft {
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly className: string;
  readonly listeners: Map<string, ListenerDraft>;
  readonly routeNamespaces: Set<string>;
}

const HTTPS_PORT = 443;

export class Converter {
  readonly warnings: RaisedWarning[] = [];
  /** Hosts on which some path became a case-insensitive RegularExpression match. */
  readonly regexMatchHosts = new Set<string>();
  private readonly groups = new Map<string, HostGroup>();
  private readonly passthrough: { plan: IngressPlan; host: string; backend: Backend }[] = [];
  private readonly backendTls = new Map<string, { namespace: string; name: string; hostname: string; caConfigMap: string | null }>();
  private readonly gateways = new Map<string, GatewayDraft>();

  constructor(
    private readonly input: MigrationInput,
    private readonly options: MigrationOptions,
    private readonly regexHosts: ReadonlySet<string>,
  ) {}

  warn(id: BuiltInBehaviour | string, values: Record<string, string> = {}): void {
    this.warnings.push({ id, values });
  }

  /** Gateways: one per class key, or the single one named in the options. */
  planGateways(plans: readonly IngressPlan[], classOf: (plan: IngressPlan) => string): void {
    const byKey = new Map<string, IngressPlan[]>();
    for (const plan of plans) byKey.set(plan.gatewayKey, [...(byKey.get(plan.gatewayKey) ?? []), plan]);
    for (const [key, members] of byKey) {
      const namespace = this.options.gatewayNamespace || mostCommon(members.map((p) => p.ingress.namespace));
      const className = this.options.gatewayClassName || mostCommon(members.map(classOf));
      const name = this.options.gatewayName || dnsName([key]);
      if (!this.options.gatewayClassName) this.warn("gateway-class-placeholder", { gateway: `${namespace}/${name}`, class: className });
      this.gateways.set(key, {
        key,
        name,
        namespace,
        className,
        listeners: new Map([["http", { name: "http", hostname: null, protocol: "HTTP", certificateRefs: [] }]]),
        routeNamespaces: new Set(),
      });
    }
  }

  gatewayFor(plan: IngressPlan): GatewayDraft {
    return this.gateways.get(plan.gatewayKey)!;
  }

  private resolveBackend(plan: IngressPlan, backend: BackendInput, path: string): Backend | null {
    const ing = plan.ingress;
    const where = `${ing.namespace}/${ing.name}`;
    if (backend.type === "resource") {
      this.warn("resource-backend", { ingress: where, service: `${backend.kind}/${backend.name}` });
      return { ref: { group: backend.group, kind: backend.kind, name: backend.name }, service: null };
    }
    let port = backend.port;
    if (typeof port === "string") {
      const service = findService(this.input.services, ing.namespace, backend.name);
      const numbered = service?.ports.find((p) => p.name === port)?.port;
      if (numbered === undefined) {
        this.warn("named-port-unresolved", { ingress: where, service: backend.name, port, path });
        return null;
      }
      port = numbered;
    }
    if (port === null) {
      this.warn("backend-port-missing", { ingress: where, service: backend.name, path });
      return null;
    }
    return { ref: { name: backend.name, port }, service: { namespace: ing.namespace, name: backend.name } };
  }

  private group(plan: IngressPlan, host: string | null): HostGroup {
    const ns = plan.ingress.namespace;
    const key = `${plan.gatewayKey}\u0000${ns}\u0000${host ?? ""}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { namespace: ns, host, gatewayKey: plan.gatewayKey, names: [], hostnames: new Set(host ? [host] : []), rules: [], grpcRules: [], grpcHttps: false };
      this.groups.set(key, group);
    }
    if (!group.names.includes(plan.ingress.name)) group.names.push(plan.ingress.name);
    return group;
  }

  /** Whether the Ingress terminates TLS for the host (a tls entry with a Secret lists it). */
  private tlsSecret(ing: IngressInput, host: string | null): string | null {
    for (const tls of ing.tls) {
      if (!tls.secretName) continue;
      if (host === null ? tls.hosts.length === 0 : tls.hosts.some((h) => h === host || (h.startsWith("*.") && host.endsWith(h.slice(1)) && !host.slice(0, -h.length + 1).includes(".")))) return tls.secretName;
    }
    return null;
  }

  hasTls(ing: IngressInput): boolean {
    return ing.tls.some((t) => t.secretName);
  }

  /** Adds an HTTPS listener for the host (or the host-less one) with the Ingress's certificate. */
  private httpsListener(plan: IngressPlan, host: string | null, secret: string): string {
    const gw = this.gatewayFor(plan);
    const name = dnsName(["https", host ?? ""], 253);
    const ref: JsonObject = { name: secret };
    if (plan.ingress.namespace !== gw.namespace) ref.namespace = plan.ingress.namespace;
    const existing = gw.listeners.get(name);
    if (existing) {
      if (!existing.certificateRefs.some((r) => r.name === ref.name && r.namespace === ref.namespace)) {
        this.warn("certificate-conflict", { host: host ?? "(any host)", ingress: `${plan.ingress.namespace}/${plan.ingress.name}`, detail: `${existing.certificateRefs[0]?.name}` });
      }
      return name;
    }
    gw.listeners.set(name, { name, hostname: host, protocol: "HTTPS", certificateRefs: [ref] });
    return name;
  }

  /** The routes of one ingress-nginx (or other-controller) Ingress that is not a canary. */
  addIngress(plan: IngressPlan, allowExperimental: boolean): void {
    const { ingress: ing, features: f } = plan;
    const where = `${ing.namespace}/${ing.name}`;
    const gw = this.gatewayFor(plan);
    gw.routeNamespaces.add(ing.namespace);
    for (const tls of ing.tls) if (!tls.secretName) this.warn("tls-without-secret", { ingress: where, host: tls.hosts.join(", ") || "(any host)" });

    const hostsWithPaths = new Set<string | null>();
    for (const rule of ing.rules) {
      const aliases = f.serverAliases ?? [];
      if (f.sslPassthrough) {
        this.addPassthrough(plan, rule.host, rule.paths);
        continue;
      }
      const group = this.group(plan, rule.host);
      for (const alias of aliases) if (rule.host) group.hostnames.add(alias);
      const secret = this.tlsSecret(ing, rule.host);
      const https = secret !== null;
      if (https) {
        this.httpsListener(plan, rule.host, secret);
        if (f.fromToWww && rule.host) this.wwwListener(plan, rule.host, secret);
      }
      const http: RuleDraft["http"] = plan.nginx && ((https && f.sslRedirect !== false) || f.forceSslRedirect) ? "redirect" : "serve";
      const regexHost = plan.nginx && rule.host !== null && this.regexHosts.has(rule.host);
      hostsWithPaths.add(rule.host);
      for (const p of rule.paths) {
        const backend = this.resolveBackend(plan, p.backend, p.path);
        if (!backend) continue;
        if (plan.nginx && isTlsBackend(f) && backend.service) this.addBackendTls(plan, backend.service);
        if (plan.nginx && (f.backendProtocol === "GRPC" || f.backendProtocol === "GRPCS")) {
          this.addGrpcRule(plan, group, p.path, p.pathType, backend, https);
          continue;
        }
        const draft = this.httpRule(plan, p.path, p.pathType, regexHost, backend, allowExperimental);
        draft.https = https;
        draft.http = http;
        draft.source = `${p.pathType} ${p.path}`;
        group.rules.push(draft);
        if (plan.nginx && !regexHost && (p.pathType === "Exact" || p.pathType === "Prefix") && p.path.length > 1 && p.path.endsWith("/")) {
          this.trailingSlash(plan, group, p.path, https, http);
        }
      }
      if (plan.nginx && f.appRoot) this.appRootRule(plan, group, f.appRoot, https, http);
      if (plan.nginx && f.fromToWww && rule.host && !rule.host.startsWith("*.")) this.wwwRedirect(plan, rule.host, https);
    }
    if (ing.defaultBackend) this.addDefaultBackend(plan, ing.defaultBackend, hostsWithPaths, allowExperimental);
  }

  private httpRule(plan: IngressPlan, path: string, pathType: IngressInput["rules"][number]["paths"][number]["pathType"], regexHost: boolean, backend: Backend, allowExperimental: boolean): RuleDraft {
    const f = plan.features;
    const where = `${plan.ingress.namespace}/${plan.ingress.name}`;
    const idiom = plan.nginx && f.rewriteTarget && !f.permanentRedirect && !f.temporalRedirect ? prefixIdiom(path, f.rewriteTarget) : null;
    let match: PathMatch;
    if (idiom) {
      match = { type: "PathPrefix", value: idiom.prefix };
    } else {
      const converted = convertPath(path, pathType, regexHost);
      match = converted.match;
      if (regexHost) for (const rule of plan.ingress.rules) if (rule.host && this.regexHosts.has(rule.host)) this.regexMatchHosts.add(rule.host);
      if (converted.note) this.warn(converted.note, { ingress: where, path });
    }
    const draft: RuleDraft = {
      matches: [{ path: { type: match.type, value: match.value } }],
      filters: [],
      backendRefs: [{ ...backend.ref }],
      https: false,
      http: "serve",
      key: `${match.type} ${match.value}`,
      canaryTarget: true,
      ingress: where,
    };
    if (!plan.nginx) return draft;
    const redirect = f.permanentRedirect ?? f.temporalRedirect;
    if (redirect) {
      draft.filters.push({ type: "RequestRedirect", requestRedirect: redirectTo(redirect, f.permanentRedirect ? (f.permanentRedirectCode ?? 301) : 302) });
      draft.backendRefs = [];
      draft.canaryTarget = false;
      return draft;
    }
    const rewrite: JsonObject = {};
    if (idiom) rewrite.path = { type: "ReplacePrefixMatch", replacePrefixMatch: idiom.replacement };
    else if (f.rewriteTarget && !/\$\d/.test(f.rewriteTarget)) rewrite.path = { type: "ReplaceFullPath", replaceFullPath: f.rewriteTarget };
    if (f.upstreamVhost) rewrite.hostname = f.upstreamVhost;
    if (Object.keys(rewrite).length) draft.filters.push({ type: "URLRewrite", urlRewrite: rewrite });
    if (f.xForwardedPrefix) draft.filters.push({ type: "RequestHeaderModifier", requestHeaderModifier: { set: [{ name: "X-Forwarded-Prefix", value: f.xForwardedPrefix }] } });
    if (f.cors.enabled) draft.filters.push({ type: "CORS", cors: corsFilter(f) });
    const timeout = Math.max(f.readTimeout ?? 0, f.sendTimeout ?? 0);
    if (timeout > 0) draft.timeouts = { request: duration(timeout) };
    if (f.affinityCookie && allowExperimental) {
      const persistence: JsonObject = { type: "Cookie", sessionName: f.sessionCookieName ?? "INGRESSCOOKIE" };
      if (f.sessionCookieLifetime) {
        persistence.absoluteTimeout = duration(f.sessionCookieLifetime);
        persistence.cookieConfig = { lifetimeType: "Permanent" };
      }
      draft.sessionPersistence = persistence;
    }
    return draft;
  }

  /** ingress-nginx answers a request for `/dir` with a 301 to `/dir/` when only `/dir/` is defined. */
  private trailingSlash(plan: IngressPlan, group: HostGroup, path: string, https: boolean, http: RuleDraft["http"]): void {
    const bare = path.slice(0, -1);
    if (!isPlainPath(bare)) return;
    this.pendingSlash.push({ group, bare, path, https, http, ingress: `${plan.ingress.namespace}/${plan.ingress.name}` });
  }

  private readonly pendingSlash: { group: HostGroup; bare: string; path: string; https: boolean; http: RuleDraft["http"]; ingress: string }[] = [];

  /** Adds the trailing-slash redirects once every path is known, skipping paths defined on their own. */
  finishTrailingSlashes(): void {
    const byGroup = new Map<HostGroup, string[]>();
    for (const s of this.pendingSlash) {
      const taken = s.group.rules.some((r) => r.key === `Exact ${s.bare}` || r.key === `PathPrefix ${s.bare}`);
      if (taken) continue;
      s.group.rules.push({
        matches: [{ path: { type: "Exact", value: s.bare } }],
        filters: [{ type: "RequestRedirect", requestRedirect: { path: { type: "ReplaceFullPath", replaceFullPath: s.path }, statusCode: 301 } }],
        backendRefs: [],
        https: s.https,
        http: s.http,
        key: `Exact ${s.bare}`,
        canaryTarget: false,
        ingress: s.ingress,
      });
      byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), s.bare]);
    }
    for (const [group, paths] of byGroup) this.warn("trailing-slash-redirect", { host: group.host ?? "(any host)", paths: paths.join(", ") });
  }

  private appRootRule(plan: IngressPlan, group: HostGroup, appRoot: string, https: boolean, http: RuleDraft["http"]): void {
    if (group.rules.some((r) => r.key === "Exact /" && r.filters.some((fl) => fl.type === "RequestRedirect"))) return;
    group.rules.push({
      matches: [{ path: { type: "Exact", value: "/" } }],
      filters: [{ type: "RequestRedirect", requestRedirect: { path: { type: "ReplaceFullPath", replaceFullPath: appRoot }, statusCode: 302 } }],
      backendRefs: [],
      https,
      http,
      key: "Exact /",
      canaryTarget: false,
      ingress: `${plan.ingress.namespace}/${plan.ingress.name}`,
    });
  }

  private wwwHost(host: string): string {
    return host.startsWith("www.") ? host.slice(4) : `www.${host}`;
  }

  private wwwListener(plan: IngressPlan, host: string, secret: string): void {
    if (!host.startsWith("*.")) this.httpsListener(plan, this.wwwHost(host), secret);
  }

  /** from-to-www-redirect: the other name redirects to the host, unless an Ingress defines that name. */
  private wwwRedirect(plan: IngressPlan, host: string, https: boolean): void {
    const other = this.wwwHost(host);
    const defined = this.input.ingresses.some((i) => i.rules.some((r) => r.host === other));
    if (defined) {
      this.warn("www-redirect-host-taken", { ingress: `${plan.ingress.namespace}/${plan.ingress.name}`, host: other });
      return;
    }
    const group = this.group(plan, other);
    if (group.rules.some((r) => r.key === "PathPrefix /")) return;
    group.rules.push({
      matches: [{ path: { type: "PathPrefix", value: "/" } }],
      filters: [{ type: "RequestRedirect", requestRedirect: { hostname: host, statusCode: 308 } }],
      backendRefs: [],
      https,
      http: "serve",
      key: "PathPrefix /",
      canaryTarget: false,
      ingress: `${plan.ingress.namespace}/${plan.ingress.name}`,
    });
  }

  /** spec.defaultBackend: a catch-all `/` rule on each host of the Ingress and on a host-less route. */
  private addDefaultBackend(plan: IngressPlan, input: BackendInput, hosts: ReadonlySet<string | null>, allowExperimental: boolean): void {
    const backend = this.resolveBackend(plan, input, "(defaultBackend)");
    if (!backend) return;
    if (plan.nginx && isTlsBackend(plan.features) && backend.service) this.addBackendTls(plan, backend.service);
    const where = `${plan.ingress.namespace}/${plan.ingress.name}`;
    this.warn("default-backend-catch-all", { ingress: where, service: String(backend.ref.name) });
    for (const host of new Set([...hosts, null])) {
      const group = this.group(plan, host);
      if (group.rules.some((r) => r.key === "PathPrefix /" || r.key === "RegularExpression (?i)/.*")) continue;
      const secret = this.tlsSecret(plan.ingress, host);
      if (secret) this.httpsListener(plan, host, secret);
      const https = secret !== null;
      const draft = this.httpRule({ ...plan, features: { ...plan.features, rewriteTarget: undefined } }, "/", "Prefix", false, backend, allowExperimental);
      draft.https = https;
      draft.http = plan.nginx && ((https && plan.features.sslRedirect !== false) || plan.features.forceSslRedirect) ? "redirect" : "serve";
      group.rules.push(draft);
    }
  }

  private addGrpcRule(plan: IngressPlan, group: HostGroup, path: string, pathType: string, backend: Backend, https: boolean): void {
    const where = `${plan.ingress.namespace}/${plan.ingress.name}`;
    const rule: JsonObject = { backendRefs: [{ ...backend.ref }] };
    const method = grpcMethod(path, pathType);
    if (method === undefined) this.warn("grpc-path-not-method", { ingress: where, path });
    else if (method) rule.matches = [{ method }];
    group.grpcRules.push(rule);
    group.grpcHttps ||= https;
  }

  private addPassthrough(plan: IngressPlan, host: string | null, paths: IngressInput["rules"][number]["paths"]): void {
    const where = `${plan.ingress.namespace}/${plan.ingress.name}`;
    if (!host || paths.length === 0) {
      this.warn("passthrough-several-paths", { ingress: where, host: host ?? "(any host)", detail: "a TLSRoute needs a hostname and one backend" });
      return;
    }
    if (paths.length > 1) this.warn("passthrough-several-paths", { ingress: where, host, detail: `${paths.length} paths` });
    const chosen = paths.find((p) => p.path === "/") ?? paths[0]!;
    const backend = this.resolveBackend(plan, chosen.backend, chosen.path);
    if (!backend) return;
    const gw = this.gatewayFor(plan);
    gw.routeNamespaces.add(plan.ingress.namespace);
    const name = dnsName(["tls", host]);
    gw.listeners.set(name, { name, hostname: host, protocol: "TLS", certificateRefs: [] });
    this.passthrough.push({ plan, host, backend });
  }

  /** Services behind HTTPS/GRPCS backends get a BackendTLSPolicy. */
  addBackendTls(plan: IngressPlan, service: { namespace: string; name: string }): void {
    const f = plan.features;
    const key = `${service.namespace}/${service.name}`;
    const hostname = f.proxySslName ?? `${service.name}.${service.namespace}.svc`;
    let caConfigMap: string | null = null;
    if (f.proxySslSecret && (f.proxySslSecret.namespace === null || f.proxySslSecret.namespace === service.namespace)) caConfigMap = dnsName([f.proxySslSecret.name, "ca"]);
    const existing = this.backendTls.get(key);
    if (existing) {
      if (existing.hostname !== hostname || existing.caConfigMap !== caConfigMap) this.warn("backend-tls-conflict", { service: key, ingress: `${plan.ingress.namespace}/${plan.ingress.name}` });
      return;
    }
    this.backendTls.set(key, { namespace: service.namespace, name: service.name, hostname, caConfigMap });
    this.warn("backend-tls-verification", {
      service: key,
      detail: caConfigMap
        ? `ConfigMap ${caConfigMap} (key ca.crt, copied from the ca.crt of Secret ${f.proxySslSecret!.name})`
        : "the system's well-known CAs (wellKnownCACertificates: System)",
    });
  }

  /** Canary Ingress: weights and header matches join the main Ingress's rules for the same host and path. */
  addCanary(plan: IngressPlan, allowExperimental: boolean): void {
    const { ingress: ing, features: f } = plan;
    for (const rule of ing.rules) {
      const group = this.groups.get(`${plan.gatewayKey}\u0000${ing.namespace}\u0000${rule.host ?? ""}`);
      for (const p of rule.paths) {
        const main = group?.rules.find((r) => r.canaryTarget && r.source === `${p.pathType} ${p.path}`);
        if (!main) continue;
        const backend = this.resolveBackend(plan, p.backend, p.path);
        if (!backend) continue;
        plan.mainFound = true;
        const mainRefs = main.backendRefs.map((r) => ({ ...r }));
        if (f.canaryWeight !== undefined && mainRefs.length === 1 && main.backendRefs.length === 1) {
          const total = f.canaryWeightTotal ?? 100;
          const w = Math.min(f.canaryWeight, total);
          main.backendRefs = [
            { ...mainRefs[0]!, weight: total - w },
            { ...backend.ref, weight: w },
          ];
        }
        const headerRules: { headers: JsonObject[]; refs: JsonObject[] }[] = [];
        if (f.canaryHeader) {
          if (f.canaryHeaderValue !== undefined) headerRules.push({ headers: [{ name: f.canaryHeader, value: f.canaryHeaderValue }], refs: [{ ...backend.ref }] });
          else if (f.canaryHeaderPattern !== undefined) headerRules.push({ headers: [{ name: f.canaryHeader, type: "RegularExpression", value: f.canaryHeaderPattern }], refs: [{ ...backend.ref }] });
          else {
            headerRules.push({ headers: [{ name: f.canaryHeader, value: "always" }], refs: [{ ...backend.ref }] });
            headerRules.push({ headers: [{ name: f.canaryHeader, value: "never" }], refs: mainRefs });
          }
        }
        for (const h of headerRules) {
          group!.rules.push({
            ...main,
            matches: main.matches.map((m) => ({ ...m, headers: h.headers })),
            backendRefs: h.refs,
            key: `${main.key} header`,
            canaryTarget: false,
          });
        }
      }
    }
    if (!plan.mainFound) {
      this.warn("canary-without-main", { ingress: `${ing.namespace}/${ing.name}` });
      this.addIngress(plan, allowExperimental);
    }
  }

  /** Writes every object; routes over 16 rules are split (precedence is computed across routes). */
  objects(registry = new NameRegistry()): ManifestObject[] {
    this.finishTrailingSlashes();
    const http: ManifestObject[] = [];
    const grpc: ManifestObject[] = [];
    const tls: ManifestObject[] = [];
    const grants = new Map<string, Set<string>>();
    const grpcHosts: string[] = [];
    for (const group of this.groups.values()) {
      const gw = this.gateways.get(group.gatewayKey)!;
      const base = dnsName([group.names[0]!, group.host ? group.host.replace(/\./g, "-") : "all-hosts"], 240);
      const parent = (sectionName: string): JsonObject => ({
        name: gw.name,
        ...(gw.namespace !== group.namespace ? { namespace: gw.namespace } : {}),
        sectionName,
      });
      const httpsListener = this.listenerFor(gw, group.host, "HTTPS");
      // An HTTPRoute holds at most 16 hostnames; server aliases beyond that are dropped.
      const hostnames = [...group.hostnames].slice(0, 16);
      const httpsRules = group.rules.filter((r) => r.https && httpsListener).map(renderRule);
      const httpRules = group.rules.map((r) => (r.http === "redirect" ? { matches: r.matches, filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 308 } }] } : renderRule(r)));
      const allRedirect = group.rules.length > 0 && group.rules.every((r) => r.http === "redirect");
      const compactHttp = allRedirect ? [{ filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 308 } }] } as JsonObject] : dedupe(httpRules);
      if (httpsRules.length && JSON.stringify(httpsRules) === JSON.stringify(compactHttp)) {
        http.push(...this.routes(registry, "HTTPRoute", group, base, hostnames, [parent("http"), parent(httpsListener!)], httpsRules));
      } else {
        if (httpsRules.length) http.push(...this.routes(registry, "HTTPRoute", group, base, hostnames, [parent(httpsListener!)], httpsRules));
        if (compactHttp.length) http.push(...this.routes(registry, "HTTPRoute", group, httpsRules.length ? `${base}-http` : base, hostnames, [parent("http")], compactHttp));
      }
      if (group.grpcRules.length) {
        const grpcListener = group.grpcHttps ? httpsListener : null;
        grpc.push(...this.routes(registry, "GRPCRoute", group, dnsName([base, "grpc"], 240), hostnames, [parent(grpcListener ?? "http")], group.grpcRules));
        if (group.rules.length) grpcHosts.push(group.host ?? "(any host)");
      }
    }
    for (const host of grpcHosts) this.warn("grpc-http-same-host", { host });
    for (const { plan, host, backend } of this.passthrough) {
      const gw = this.gatewayFor(plan);
      const ns = plan.ingress.namespace;
      if (gw.listeners.has(dnsName(["https", host]))) this.warn("passthrough-listener-conflict", { host, ingress: `${ns}/${plan.ingress.name}` });
      const name = registry.take("TLSRoute", ns, dnsName([plan.ingress.name, host.replace(/\./g, "-")]));
      tls.push({
        apiVersion: API_VERSION,
        kind: "TLSRoute",
        metadata: { name, namespace: ns },
        spec: {
          parentRefs: [{ name: gw.name, ...(gw.namespace !== ns ? { namespace: gw.namespace } : {}), sectionName: dnsName(["tls", host]) }],
          hostnames: [host],
          rules: [{ backendRefs: [{ ...backend.ref }] }],
        },
      });
    }
    const gateways: ManifestObject[] = [];
    for (const gw of this.gateways.values()) {
      const cross = [...gw.routeNamespaces].filter((n) => n !== gw.namespace).sort();
      if (cross.length) this.warn("cross-namespace-routes", { gateway: `${gw.namespace}/${gw.name}`, detail: [...gw.routeNamespaces].sort().join(", ") });
      const allowedRoutes: JsonObject | null = cross.length
        ? { namespaces: { from: "Selector", selector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: [...gw.routeNamespaces].sort() }] } } }
        : null;
      const listeners = [...gw.listeners.values()].map((l) => {
        const out: JsonObject = { name: l.name };
        if (l.hostname) out.hostname = l.hostname;
        out.port = l.protocol === "HTTP" ? 80 : HTTPS_PORT;
        out.protocol = l.protocol;
        if (l.protocol === "HTTPS") out.tls = { mode: "Terminate", certificateRefs: l.certificateRefs };
        if (l.protocol === "TLS") out.tls = { mode: "Passthrough" };
        if (allowedRoutes) out.allowedRoutes = allowedRoutes;
        for (const ref of l.certificateRefs) {
          if (typeof ref.namespace === "string") grants.set(`${gw.namespace}\u0000${gw.name}\u0000${ref.namespace}`, (grants.get(`${gw.namespace}\u0000${gw.name}\u0000${ref.namespace}`) ?? new Set()).add(String(ref.name)));
        }
        return out;
      });
      if (listeners.length > 64) throw new TooManyListeners(gw.name, listeners.length);
      gateways.push({
        apiVersion: API_VERSION,
        kind: "Gateway",
        metadata: { name: gw.name, namespace: gw.namespace },
        spec: { gatewayClassName: gw.className, listeners },
      });
    }
    const referenceGrants: ManifestObject[] = [];
    for (const [key, secrets] of grants) {
      const [gwNs, gwName, ns] = key.split("\u0000") as [string, string, string];
      this.warn("cross-namespace-certificate", { gateway: `${gwNs}/${gwName}`, detail: `${ns}: ${[...secrets].sort().join(", ")}` });
      const names = [...secrets].sort();
      for (let i = 0; i < names.length; i += 16) {
        referenceGrants.push({
          apiVersion: API_VERSION,
          kind: "ReferenceGrant",
          metadata: { name: registry.take("ReferenceGrant", ns, dnsName([gwName, "certificates", i ? String(i / 16 + 1) : ""])), namespace: ns },
          spec: {
            from: [{ group: GROUP, kind: "Gateway", namespace: gwNs }],
            to: names.slice(i, i + 16).map((name) => ({ group: "", kind: "Secret", name })),
          },
        });
      }
    }
    const policies: ManifestObject[] = [...this.backendTls.values()].map((p) => ({
      apiVersion: API_VERSION,
      kind: "BackendTLSPolicy",
      metadata: { name: registry.take("BackendTLSPolicy", p.namespace, dnsName([p.name, "backend-tls"])), namespace: p.namespace },
      spec: {
        targetRefs: [{ group: "", kind: "Service", name: p.name }],
        validation: (p.caConfigMap
          ? { caCertificateRefs: [{ group: "", kind: "ConfigMap", name: p.caConfigMap }], hostname: p.hostname }
          : { hostname: p.hostname, wellKnownCACertificates: "System" }) as JsonObject,
      },
    }));
    return [...gateways, ...referenceGrants, ...http, ...grpc, ...tls, ...policies];
  }

  /** The listener a route for the host attaches to: exact hostname, else a wildcard, else host-less. */
  private listenerFor(gw: GatewayDraft, host: string | null, protocol: "HTTPS"): string | null {
    const listeners = [...gw.listeners.values()].filter((l) => l.protocol === protocol);
    if (host) {
      const exact = listeners.find((l) => l.hostname === host);
      if (exact) return exact.name;
      const wildcard = listeners.find((l) => l.hostname?.startsWith("*.") && host.endsWith(l.hostname.slice(1)) && !host.slice(0, host.length - l.hostname.length + 1).includes("."));
      if (wildcard) return wildcard.name;
    }
    return listeners.find((l) => l.hostname === null)?.name ?? null;
  }

  private routes(registry: NameRegistry, kind: "HTTPRoute" | "GRPCRoute", group: HostGroup, base: string, hostnames: string[], parentRefs: JsonObject[], rules: JsonObject[]): ManifestObject[] {
    const out: ManifestObject[] = [];
    if (rules.length > 16) this.warn("route-split", { host: group.host ?? "(any host)", detail: `${rules.length} rules in ${Math.ceil(rules.length / 16)} ${kind}s` });
    for (let i = 0; i < rules.length; i += 16) {
      const name = registry.take(kind, group.namespace, i === 0 ? base : dnsName([base, String(i / 16 + 1)]));
      const spec: JsonObject = { parentRefs };
      if (hostnames.length) spec.hostnames = hostnames;
      spec.rules = rules.slice(i, i + 16);
      out.push({ apiVersion: API_VERSION, kind, metadata: { name, namespace: group.namespace }, spec });
    }
    return out;
  }
}

export class TooManyListeners extends Error {
  constructor(
    readonly gateway: string,
    readonly count: number,
  ) {
    super(`Gateway ${gateway} would need ${count} listeners; a Gateway has at most 64.`);
  }
}

function renderRule(r: RuleDraft): JsonObject {
  const out: JsonObject = { matches: r.matches };
  if (r.filters.length) out.filters = r.filters;
  if (r.backendRefs.length) out.backendRefs = r.backendRefs;
  if (r.timeouts) out.timeouts = r.timeouts;
  if (r.sessionPersistence) out.sessionPersistence = r.sessionPersistence;
  return out;
}

function dedupe(rules: JsonObject[]): JsonObject[] {
  const seen = new Set<string>();
  return rules.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isPlainPath(path: string): boolean {
  return path.length > 0 && convertPath(path, "Exact", false).match.type === "Exact";
}

function redirectTo(url: URL, statusCode: number): JsonObject {
  const out: JsonObject = { scheme: url.protocol.slice(0, -1), hostname: url.hostname.replace(/^\[|\]$/g, "") };
  if (url.port) out.port = Number(url.port);
  out.path = { type: "ReplaceFullPath", replaceFullPath: url.pathname || "/" };
  out.statusCode = statusCode;
  return out;
}

const DEFAULT_CORS_METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS"];
const DEFAULT_CORS_HEADERS = ["DNT", "Keep-Alive", "User-Agent", "X-Requested-With", "If-Modified-Since", "Cache-Control", "Content-Type", "Range", "Authorization"];
const CORS_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]);
const TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const ORIGIN = /^(\*|https?:\/\/((\*\.)?([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+|\*)(:[0-9]{1,5})?)$/;

/** ingress-nginx's CORS defaults (annotations page) written as a Gateway API CORS filter. */
export function corsFilter(f: IngressFeatures): JsonObject {
  let origins = (f.cors.origins ?? ["*"]).filter((o) => ORIGIN.test(o));
  if (origins.length === 0 || origins.includes("*")) origins = ["*"];
  const methods = [...new Set((f.cors.methods ?? DEFAULT_CORS_METHODS).map((m) => m.toUpperCase()).filter((m) => CORS_METHODS.has(m)))];
  const headers = (f.cors.headers ?? DEFAULT_CORS_HEADERS).filter((h) => TOKEN.test(h)).slice(0, 64);
  const out: JsonObject = { allowOrigins: origins.slice(0, 64) };
  if (methods.length) out.allowMethods = methods;
  if (headers.length) out.allowHeaders = headers.includes("*") ? ["*"] : headers;
  const expose = (f.cors.expose ?? []).filter((h) => TOKEN.test(h)).slice(0, 64);
  if (expose.length) out.exposeHeaders = expose;
  out.allowCredentials = f.cors.credentials ?? true;
  out.maxAge = Math.max(1, f.cors.maxAge ?? 1_728_000);
  return out;
}

/** A gRPC path `/pkg.Service/Method` as a GRPCRoute method match; null for all, undefined if not a method path. */
export function grpcMethod(path: string, pathType: string): Json | null | undefined {
  if (path === "/" && pathType !== "Exact") return null;
  const m = /^\/(\.?[A-Za-z_][A-Za-z_0-9]*(?:\.[A-Za-z_][A-Za-z_0-9]*)*)(?:\/([A-Za-z_][A-Za-z_0-9]*)?)?$/.exec(path);
  if (!m) return undefined;
  if (m[2]) return pathType === "Exact" || pathType === "ImplementationSpecific" ? { service: m[1]!, method: m[2] } : undefined;
  return pathType === "Exact" ? undefined : { service: m[1]! };
}

function findService(services: readonly ServiceInput[], namespace: string, name: string): ServiceInput | undefined {
  return services.find((s) => s.namespace === namespace && s.name === name);
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

