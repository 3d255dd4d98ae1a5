// Specification of migrateIngress: one table case per ingress-nginx annotation of the set
// ingress2gateway converts (outcome, Gateway API field, the YAML it produces), the core Ingress
// semantics, the bounds on input, and schema validity of every object through analyzeManifests.
// Inputs are written here from the ingress-nginx annotation reference
// (https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/) and the
// Gateway API migration guide (https://gateway-api.sigs.k8s.io/guides/getting-started/migrating-from-ingress/).
import { describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { checkIngressMigration, ingressMigrationSchema } from "../../src/content/migrationSchema.js";
import { loadContent } from "../../src/content/load.js";
import { analyzeManifests } from "../../src/domain/analysis/index.js";
import { DomainError } from "../../src/domain/errors.js";
import { migrateIngress, type IngressMigration, type MigrationOptions } from "../../src/domain/migrate/index.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));

type Doc = Record<string, any>;
interface PathSpec {
  path: string;
  pathType?: "Exact" | "Prefix" | "ImplementationSpecific";
  service?: string;
  port?: number | string;
}
interface IngressSpec {
  name?: string;
  namespace?: string;
  host?: string | null;
  className?: string | null;
  annotations?: Record<string, string>;
  paths?: PathSpec[];
  tls?: boolean;
}

function ingress(spec: IngressSpec = {}): Doc {
  const host = spec.host === undefined ? "shop.example.com" : spec.host;
  const paths = (spec.paths ?? [{ path: "/" }]).map((p) => ({
    path: p.path,
    pathType: p.pathType ?? "Prefix",
    backend: { service: { name: p.service ?? "web", port: typeof p.port === "string" ? { name: p.port } : { number: p.port ?? 80 } } },
  }));
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: spec.name ?? "shop", namespace: spec.namespace ?? "shop", ...(spec.annotations ? { annotations: spec.annotations } : {}) },
    spec: {
      ...(spec.className === null ? {} : { ingressClassName: spec.className ?? "nginx" }),
      ...(spec.tls && host ? { tls: [{ hosts: [host], secretName: "shop-tls" }] } : {}),
      rules: [{ ...(host ? { host } : {}), http: { paths } }],
    },
  };
}

const yaml = (...docs: Doc[]) => docs.map((d) => stringify(d)).join("---\n");
const docsOf = (r: IngressMigration): Doc[] => parseAllDocuments(r.manifests).map((d) => d.toJS() as Doc);
const ofKind = (r: IngressMigration, kind: string) => docsOf(r).filter((d) => d.kind === kind);
const routeRules = (r: IngressMigration, kind = "HTTPRoute"): Doc[] => ofKind(r, kind).flatMap((d) => d.spec.rules as Doc[]);
const filtersOf = (r: IngressMigration, type: string): Doc[] => routeRules(r).flatMap((rule) => (rule.filters ?? []).filter((f: Doc) => f.type === type));
const row = (r: IngressMigration, annotation: string, ingressName = "shop/shop") => {
  const found = r.annotations.find((a) => a.annotation === annotation && a.ingress === ingressName);
  expect(found, `a mapping row for ${annotation} on ${ingressName}`).toBeDefined();
  return found!;
};
const run = (manifests: string, options: MigrationOptions = {}) => migrateIngress(manifests, { gatewayClassName: "example-gateway-class", ...options }, knowledge);
const NGINX = "nginx.ingress.kubernetes.io/";

interface AnnotationCase {
  readonly annotation: string;
  readonly input: () => string;
  readonly options?: MigrationOptions;
  readonly outcome: "TRANSLATED" | "PARTIAL" | "NOT_TRANSLATED" | "IGNORED";
  /** A substring of the gatewayField, or null when none is expected. */
  readonly field: string | null;
  readonly produces: (r: IngressMigration) => void;
  readonly ingressName?: string;
}

const main = (extra: IngressSpec = {}) => ingress({ name: "shop", paths: [{ path: "/api", service: "api" }], ...extra });
const canary = (annotations: Record<string, string>) =>
  ingress({ name: "shop-canary", paths: [{ path: "/api", service: "api-v2" }], annotations: { [`${NGINX}canary`]: "true", ...annotations } });

// Every produced object of these cases also goes through analyzeManifests below.
const cases: AnnotationCase[] = [
  {
    annotation: "canary",
    ingressName: "shop/shop-canary",
    input: () => yaml(main(), canary({ [`${NGINX}canary-weight`]: "20" })),
    outcome: "TRANSLATED",
    field: "backendRefs",
    produces: (r) => {
      const rule = routeRules(r).find((x) => x.backendRefs?.length === 2)!;
      expect(rule.backendRefs).toEqual([
        { name: "api", port: 80, weight: 80 },
        { name: "api-v2", port: 80, weight: 20 },
      ]);
      expect(ofKind(r, "HTTPRoute")).toHaveLength(1);
    },
  },
  {
    annotation: "canary-weight",
    ingressName: "shop/shop-canary",
    input: () => yaml(main(), canary({ [`${NGINX}canary-weight`]: "5" })),
    outcome: "TRANSLATED",
    field: "weight",
    produces: (r) => expect(routeRules(r)[0]!.backendRefs.map((b: Doc) => b.weight)).toEqual([95, 5]),
  },
  {
    annotation: "canary-weight-total",
    ingressName: "shop/shop-canary",
    input: () => yaml(main(), canary({ [`${NGINX}canary-weight`]: "50", [`${NGINX}canary-weight-total`]: "1000" })),
    outcome: "TRANSLATED",
    field: "weight",
    produces: (r) => expect(routeRules(r)[0]!.backendRefs.map((b: Doc) => b.weight)).toEqual([950, 50]),
  },
  {
    annotation: "canary-by-header",
    ingressName: "shop/shop-canary",
    input: () => yaml(main(), canary({ [`${NGINX}canary-by-header`]: "X-Canary" })),
    outcome: "TRANSLATED",
    field: "headers",
    produces: (r) => {
      const rules = routeRules(r);
      const always = rules.find((x) => x.matches[0].headers?.[0]?.value === "always")!;
      const never = rules.find((x) => x.matches[0].headers?.[0]?.value === "never")!;
      expect(always.matches[0].headers[0].name).toBe("X-Canary");
      expect(always.backendRefs).toEqual([{ name: "api-v2", port: 80 }]);
      expect(never.backendRefs).toEqual([{ name: "api", port: 80 }]);
      expect(always.matches[0].path).toEqual({ type: "PathPrefix", value: "/api" });
    },
  },
  {
    annotation: "canary-by-header-value",
    ingressName: "shop/shop-canary",
    input: () => yaml(main(), canary({ [`${NGINX}canary-by-header`]: "X-Release", [`${NGINX}canary-by-header-value`]: "beta" })),
    outcome: "TRANSLATED",
    field: "headers",
    produces: (r) => {
      const header = routeRules(r).find((x) => x.matches[0].headers)!;
      expect(header.matches[0].headers).toEqual([{ name: "X-Release", value: "beta" }]);
      expect(header.backendRefs).toEqual([{ name: "api-v2", port: 80 }]);
      expect(routeRules(r).filter((x) => x.matches[0].headers)).toHaveLength(1);
    },
  },
  {
    annotation: "rewrite-target",
    input: () => yaml(ingress({ annotations: { [`${NGINX}rewrite-target`]: "/" }, paths: [{ path: "/old" }] })),
    outcome: "TRANSLATED",
    field: "ReplaceFullPath",
    produces: (r) => {
      expect(filtersOf(r, "URLRewrite")).toEqual([{ type: "URLRewrite", urlRewrite: { path: { type: "ReplaceFullPath", replaceFullPath: "/" } } }]);
      // rewrite-target makes the host a regex host in ingress-nginx.
      expect(routeRules(r)[0]!.matches[0].path).toEqual({ type: "RegularExpression", value: "(?i)/old.*" });
    },
  },
  {
    annotation: "rewrite-target",
    input: () => yaml(ingress({ annotations: { [`${NGINX}rewrite-target`]: "/$2" }, paths: [{ path: "/something(/|$)(.*)", pathType: "ImplementationSpecific" }] })),
    outcome: "TRANSLATED",
    field: "ReplacePrefixMatch",
    produces: (r) => {
      const rule = routeRules(r)[0]!;
      expect(rule.matches[0].path).toEqual({ type: "PathPrefix", value: "/something" });
      expect(rule.filters[0]).toEqual({ type: "URLRewrite", urlRewrite: { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/" } } });
    },
  },
  {
    annotation: "rewrite-target",
    input: () => yaml(ingress({ annotations: { [`${NGINX}rewrite-target`]: "/v2/$1/items" }, paths: [{ path: "/api/([a-z]+)/list", pathType: "ImplementationSpecific" }] })),
    outcome: "PARTIAL",
    field: "none",
    produces: (r) => {
      expect(filtersOf(r, "URLRewrite")).toEqual([]);
      expect(routeRules(r)[0]!.matches[0].path).toEqual({ type: "RegularExpression", value: "(?i)/api/([a-z]+)/list.*" });
      expect(r.warnings.some((w) => w.includes("capture groups"))).toBe(true);
    },
  },
  {
    annotation: "app-root",
    input: () => yaml(ingress({ annotations: { [`${NGINX}app-root`]: "/app1" } })),
    outcome: "TRANSLATED",
    field: "requestRedirect",
    produces: (r) => {
      const rule = routeRules(r).find((x) => x.matches[0].path.type === "Exact")!;
      expect(rule.matches[0].path.value).toBe("/");
      expect(rule.filters).toEqual([{ type: "RequestRedirect", requestRedirect: { path: { type: "ReplaceFullPath", replaceFullPath: "/app1" }, statusCode: 302 } }]);
      expect(rule.backendRefs).toBeUndefined();
    },
  },
  {
    annotation: "permanent-redirect",
    input: () => yaml(ingress({ annotations: { [`${NGINX}permanent-redirect`]: "https://www.example.org/landing" } })),
    outcome: "TRANSLATED",
    field: "requestRedirect",
    produces: (r) => {
      const rule = routeRules(r)[0]!;
      expect(rule.filters).toEqual([
        { type: "RequestRedirect", requestRedirect: { scheme: "https", hostname: "www.example.org", path: { type: "ReplaceFullPath", replaceFullPath: "/landing" }, statusCode: 301 } },
      ]);
      expect(rule.backendRefs).toBeUndefined();
    },
  },
  {
    annotation: "permanent-redirect-code",
    input: () => yaml(ingress({ annotations: { [`${NGINX}permanent-redirect`]: "https://example.org/", [`${NGINX}permanent-redirect-code`]: "308" } })),
    outcome: "TRANSLATED",
    field: "statusCode",
    produces: (r) => expect(filtersOf(r, "RequestRedirect")[0]!.requestRedirect.statusCode).toBe(308),
  },
  {
    annotation: "temporal-redirect",
    input: () => yaml(ingress({ annotations: { [`${NGINX}temporal-redirect`]: "http://maintenance.example.org:8080/down" } })),
    outcome: "TRANSLATED",
    field: "requestRedirect",
    produces: (r) =>
      expect(filtersOf(r, "RequestRedirect")[0]!.requestRedirect).toEqual({
        scheme: "http",
        hostname: "maintenance.example.org",
        port: 8080,
        path: { type: "ReplaceFullPath", replaceFullPath: "/down" },
        statusCode: 302,
      }),
  },
  {
    annotation: "from-to-www-redirect",
    input: () => yaml(ingress({ host: "example.com", annotations: { [`${NGINX}from-to-www-redirect`]: "true" } })),
    outcome: "TRANSLATED",
    field: "hostname",
    produces: (r) => {
      const www = ofKind(r, "HTTPRoute").find((d) => d.spec.hostnames?.[0] === "www.example.com")!;
      expect(www.spec.rules).toEqual([{ matches: [{ path: { type: "PathPrefix", value: "/" } }], filters: [{ type: "RequestRedirect", requestRedirect: { hostname: "example.com", statusCode: 308 } }] }]);
    },
  },
  {
    annotation: "ssl-redirect",
    input: () => yaml(ingress({ tls: true, annotations: { [`${NGINX}ssl-redirect`]: "true" } })),
    outcome: "TRANSLATED",
    field: "scheme https",
    produces: (r) => {
      const [https, http] = ofKind(r, "HTTPRoute");
      expect(https!.spec.parentRefs).toEqual([{ name: "nginx", sectionName: "https-shop.example.com" }]);
      expect(http!.spec.parentRefs).toEqual([{ name: "nginx", sectionName: "http" }]);
      expect(http!.spec.rules).toEqual([{ filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 308 } }] }]);
    },
  },
  {
    annotation: "ssl-redirect",
    input: () => yaml(ingress({ tls: true, annotations: { [`${NGINX}ssl-redirect`]: "false" } })),
    outcome: "TRANSLATED",
    field: "parentRefs",
    produces: (r) => {
      const routes = ofKind(r, "HTTPRoute");
      expect(routes).toHaveLength(1);
      expect(routes[0]!.spec.parentRefs.map((p: Doc) => p.sectionName)).toEqual(["http", "https-shop.example.com"]);
      expect(filtersOf(r, "RequestRedirect")).toEqual([]);
    },
  },
  {
    annotation: "force-ssl-redirect",
    input: () => yaml(ingress({ annotations: { [`${NGINX}force-ssl-redirect`]: "true" } })),
    outcome: "PARTIAL",
    field: "scheme https",
    produces: (r) => {
      expect(filtersOf(r, "RequestRedirect")).toEqual([{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 308 } }]);
      expect(ofKind(r, "Gateway")[0]!.spec.listeners.map((l: Doc) => l.protocol)).toEqual(["HTTP"]);
    },
  },
  {
    annotation: "upstream-vhost",
    input: () => yaml(ingress({ annotations: { [`${NGINX}upstream-vhost`]: "internal.shop.svc" } })),
    outcome: "TRANSLATED",
    field: "urlRewrite.hostname",
    produces: (r) => expect(filtersOf(r, "URLRewrite")).toEqual([{ type: "URLRewrite", urlRewrite: { hostname: "internal.shop.svc" } }]),
  },
  {
    annotation: "x-forwarded-prefix",
    input: () => yaml(ingress({ annotations: { [`${NGINX}x-forwarded-prefix`]: "/shop" } })),
    outcome: "TRANSLATED",
    field: "requestHeaderModifier",
    produces: (r) =>
      expect(filtersOf(r, "RequestHeaderModifier")).toEqual([{ type: "RequestHeaderModifier", requestHeaderModifier: { set: [{ name: "X-Forwarded-Prefix", value: "/shop" }] } }]),
  },
  {
    annotation: "proxy-connect-timeout",
    input: () => yaml(ingress({ annotations: { [`${NGINX}proxy-connect-timeout`]: "15" } })),
    outcome: "NOT_TRANSLATED",
    field: null,
    produces: (r) => expect(routeRules(r)[0]!.timeouts).toBeUndefined(),
  },
  {
    annotation: "proxy-read-timeout",
    input: () => yaml(ingress({ annotations: { [`${NGINX}proxy-read-timeout`]: "3600", [`${NGINX}proxy-send-timeout`]: "30" } })),
    outcome: "PARTIAL",
    field: "timeouts.request",
    produces: (r) => expect(routeRules(r)[0]!.timeouts).toEqual({ request: "3600s" }),
  },
  {
    annotation: "proxy-send-timeout",
    input: () => yaml(ingress({ annotations: { [`${NGINX}proxy-send-timeout`]: "200000" } })),
    outcome: "PARTIAL",
    field: "timeouts.request",
    // Over five digits of seconds: written in hours, minutes and seconds (GEP-2257 durations).
    produces: (r) => expect(routeRules(r)[0]!.timeouts).toEqual({ request: "55h33m20s" }),
  },
  {
    annotation: "proxy-body-size",
    input: () => yaml(ingress({ annotations: { [`${NGINX}proxy-body-size`]: "8m" } })),
    outcome: "NOT_TRANSLATED",
    field: null,
    produces: (r) => expect(JSON.stringify(docsOf(r))).not.toContain("8m"),
  },
  {
    annotation: "backend-protocol",
    input: () => yaml(ingress({ annotations: { [`${NGINX}backend-protocol`]: "HTTPS" }, paths: [{ path: "/", service: "secure", port: 8443 }] })),
    outcome: "TRANSLATED",
    field: "BackendTLSPolicy",
    produces: (r) => {
      const [policy] = ofKind(r, "BackendTLSPolicy");
      expect(policy!.metadata.namespace).toBe("shop");
      expect(policy!.spec).toEqual({ targetRefs: [{ group: "", kind: "Service", name: "secure" }], validation: { hostname: "secure.shop.svc", wellKnownCACertificates: "System" } });
    },
  },
  {
    annotation: "backend-protocol",
    input: () => yaml(ingress({ annotations: { [`${NGINX}backend-protocol`]: "GRPC" }, paths: [{ path: "/", service: "grpc", port: 50051 }, { path: "/helloworld.Greeter/SayHello", pathType: "Exact", service: "greeter", port: 50051 }] })),
    outcome: "TRANSLATED",
    field: "GRPCRoute",
    produces: (r) => {
      expect(ofKind(r, "HTTPRoute")).toEqual([]);
      expect(routeRules(r, "GRPCRoute")).toEqual([
        { backendRefs: [{ name: "grpc", port: 50051 }] },
        { backendRefs: [{ name: "greeter", port: 50051 }], matches: [{ method: { service: "helloworld.Greeter", method: "SayHello" } }] },
      ]);
    },
  },
  {
    annotation: "backend-protocol",
    input: () => yaml(ingress({ tls: true, annotations: { [`${NGINX}backend-protocol`]: "GRPCS" }, paths: [{ path: "/", service: "grpc", port: 50051 }] })),
    outcome: "TRANSLATED",
    field: "BackendTLSPolicy",
    produces: (r) => {
      expect(ofKind(r, "GRPCRoute")[0]!.spec.parentRefs).toEqual([{ name: "nginx", sectionName: "https-shop.example.com" }]);
      expect(ofKind(r, "BackendTLSPolicy")).toHaveLength(1);
    },
  },
  {
    annotation: "use-regex",
    input: () => yaml(ingress({ annotations: { [`${NGINX}use-regex`]: "true" }, paths: [{ path: "/u[A-Z]", pathType: "ImplementationSpecific" }] })),
    outcome: "PARTIAL",
    field: "RegularExpression",
    produces: (r) => expect(routeRules(r)[0]!.matches[0].path).toEqual({ type: "RegularExpression", value: "(?i)/u[A-Z].*" }),
  },
  {
    annotation: "enable-cors",
    input: () =>
      yaml(
        ingress({
          annotations: {
            [`${NGINX}enable-cors`]: "true",
            [`${NGINX}cors-allow-origin`]: "https://app.example.com, https://*.example.org:8443",
            [`${NGINX}cors-allow-methods`]: "GET, POST, PROPFIND",
            [`${NGINX}cors-allow-headers`]: "X-Custom, Content-Type",
            [`${NGINX}cors-expose-headers`]: "X-Request-Id",
            [`${NGINX}cors-allow-credentials`]: "false",
            [`${NGINX}cors-max-age`]: "600",
          },
        }),
      ),
    outcome: "TRANSLATED",
    field: "CORS",
    produces: (r) =>
      expect(filtersOf(r, "CORS")).toEqual([
        {
          type: "CORS",
          cors: {
            allowOrigins: ["https://app.example.com", "https://*.example.org:8443"],
            allowMethods: ["GET", "POST"],
            allowHeaders: ["X-Custom", "Content-Type"],
            exposeHeaders: ["X-Request-Id"],
            allowCredentials: false,
            maxAge: 600,
          },
        },
      ]),
  },
  {
    annotation: "cors-allow-origin",
    input: () => yaml(ingress({ annotations: { [`${NGINX}cors-allow-origin`]: "https://app.example.com" } })),
    outcome: "IGNORED",
    field: "allowOrigins",
    produces: (r) => expect(filtersOf(r, "CORS")).toEqual([]),
  },
  {
    annotation: "whitelist-source-range",
    input: () => yaml(ingress({ annotations: { [`${NGINX}whitelist-source-range`]: "10.0.0.0/8,192.168.0.0/16" } })),
    outcome: "NOT_TRANSLATED",
    field: null,
    produces: (r) => expect(r.warnings.some((w) => w.includes("10.0.0.0/8,192.168.0.0/16") && w.includes("open"))).toBe(true),
  },
  {
    annotation: "denylist-source-range",
    input: () => yaml(ingress({ annotations: { [`${NGINX}denylist-source-range`]: "203.0.113.0/24" } })),
    outcome: "NOT_TRANSLATED",
    field: null,
    produces: (r) => expect(r.warnings.some((w) => w.includes("203.0.113.0/24"))).toBe(true),
  },
  {
    annotation: "proxy-ssl-secret",
    input: () =>
      yaml(
        ingress({
          annotations: {
            [`${NGINX}backend-protocol`]: "HTTPS",
            [`${NGINX}proxy-ssl-secret`]: "shop/backend-ca",
            [`${NGINX}proxy-ssl-name`]: "api.internal.example",
            [`${NGINX}proxy-ssl-verify`]: "on",
          },
          paths: [{ path: "/", service: "api", port: 443 }],
        }),
      ),
    outcome: "PARTIAL",
    field: "caCertificateRefs",
    produces: (r) =>
      expect(ofKind(r, "BackendTLSPolicy")[0]!.spec.validation).toEqual({
        caCertificateRefs: [{ group: "", kind: "ConfigMap", name: "backend-ca-ca" }],
        hostname: "api.internal.example",
      }),
  },
  {
    annotation: "proxy-ssl-name",
    input: () => yaml(ingress({ annotations: { [`${NGINX}backend-protocol`]: "HTTPS", [`${NGINX}proxy-ssl-name`]: "api.internal.example" }, paths: [{ path: "/", service: "api", port: 443 }] })),
    outcome: "TRANSLATED",
    field: "validation.hostname",
    produces: (r) => expect(ofKind(r, "BackendTLSPolicy")[0]!.spec.validation.hostname).toBe("api.internal.example"),
  },
  {
    annotation: "proxy-ssl-verify",
    input: () => yaml(ingress({ annotations: { [`${NGINX}backend-protocol`]: "HTTPS", [`${NGINX}proxy-ssl-verify`]: "off" }, paths: [{ path: "/", service: "api", port: 443 }] })),
    outcome: "PARTIAL",
    field: "validation",
    produces: (r) => expect(r.warnings.some((w) => w.includes("verifies its certificate"))).toBe(true),
  },
  {
    annotation: "affinity",
    input: () => yaml(ingress({ annotations: { [`${NGINX}affinity`]: "cookie", [`${NGINX}session-cookie-name`]: "route" } })),
    outcome: "NOT_TRANSLATED",
    field: null,
    produces: (r) => expect(routeRules(r)[0]!.sessionPersistence).toBeUndefined(),
  },
  {
    annotation: "session-cookie-name",
    input: () => yaml(ingress({ annotations: { [`${NGINX}affinity`]: "cookie", [`${NGINX}session-cookie-name`]: "route", [`${NGINX}session-cookie-max-age`]: "172800" } })),
    options: { allowExperimental: true },
    outcome: "TRANSLATED",
    field: "sessionName",
    produces: (r) => expect(routeRules(r)[0]!.sessionPersistence).toEqual({ type: "Cookie", sessionName: "route", absoluteTimeout: "48h", cookieConfig: { lifetimeType: "Permanent" } }),
  },
  {
    annotation: "ssl-passthrough",
    input: () => yaml(ingress({ host: "db.example.com", annotations: { [`${NGINX}ssl-passthrough`]: "true" }, paths: [{ path: "/", service: "postgres", port: 5432 }] })),
    outcome: "TRANSLATED",
    field: "TLSRoute",
    produces: (r) => {
      expect(ofKind(r, "HTTPRoute")).toEqual([]);
      expect(ofKind(r, "TLSRoute")[0]!.spec).toEqual({
        parentRefs: [{ name: "nginx", sectionName: "tls-db.example.com" }],
        hostnames: ["db.example.com"],
        rules: [{ backendRefs: [{ name: "postgres", port: 5432 }] }],
      });
      expect(ofKind(r, "Gateway")[0]!.spec.listeners).toContainEqual({ name: "tls-db.example.com", hostname: "db.example.com", port: 443, protocol: "TLS", tls: { mode: "Passthrough" } });
    },
  },
  {
    annotation: "server-alias",
    input: () => yaml(ingress({ annotations: { [`${NGINX}server-alias`]: "shop.example.net, *.shop.example.org" } })),
    outcome: "TRANSLATED",
    field: "hostnames",
    produces: (r) => expect(ofKind(r, "HTTPRoute")[0]!.spec.hostnames).toEqual(["shop.example.com", "shop.example.net", "*.shop.example.org"]),
  },
  {
    annotation: "configuration-snippet",
    input: () => yaml(ingress({ annotations: { [`${NGINX}configuration-snippet`]: 'more_set_headers "X-Frame-Options: DENY";' } })),
    outcome: "NOT_TRANSLATED",
    field: null,
    produces: (r) => expect(r.warnings.some((w) => w.includes("snippet"))).toBe(true),
  },
  {
    annotation: "limit-rps",
    input: () => yaml(ingress({ annotations: { [`${NGINX}limit-rps`]: "10" } })),
    outcome: "NOT_TRANSLATED",
    field: null,
    produces: (r) => expect(row(r, `${NGINX}limit-rps`).note).toContain("rate limit"),
  },
  {
    annotation: "made-up-annotation",
    input: () => yaml(ingress({ annotations: { [`${NGINX}made-up-annotation`]: "on" } })),
    outcome: "NOT_TRANSLATED",
    field: null,
    produces: (r) => expect(row(r, `${NGINX}made-up-annotation`).note).toContain("Nearest option:"),
  },
];

describe("migrateIngress: one table case per annotation", () => {
  it.each(cases.map((c, i) => [`${c.annotation} #${i + 1}`, c] as const))("%s", (_, c) => {
    const r = run(c.input(), c.options);
    const mapping = row(r, `${NGINX}${c.annotation}`, c.ingressName ?? "shop/shop");
    expect(mapping.outcome).toBe(c.outcome);
    if (c.field === null) expect(mapping.gatewayField).toBeNull();
    else expect(mapping.gatewayField).toContain(c.field);
    expect(mapping.note.length).toBeGreaterThan(20);
    expect(mapping.sources.length).toBeGreaterThan(0);
    for (const s of mapping.sources) expect(s.url).toMatch(/^https:\/\/(kubernetes\.github\.io\/ingress-nginx|gateway-api\.sigs\.k8s\.io|kubernetes\.io|github\.com\/kubernetes)/);
    c.produces(r);
  });

  it("covers every annotation of the set ingress2gateway converts with a rule of its own", () => {
    const i2gw = [
      "canary", "canary-weight", "canary-weight-total", "canary-by-header", "canary-by-header-value", "rewrite-target", "app-root",
      "permanent-redirect", "permanent-redirect-code", "temporal-redirect", "from-to-www-redirect", "ssl-redirect", "force-ssl-redirect",
      "upstream-vhost", "x-forwarded-prefix", "proxy-connect-timeout", "proxy-send-timeout", "proxy-read-timeout", "proxy-body-size",
      "backend-protocol", "use-regex", "enable-cors", "cors-allow-origin", "cors-allow-methods", "cors-allow-headers", "cors-expose-headers",
      "cors-allow-credentials", "cors-max-age", "whitelist-source-range", "denylist-source-range", "proxy-ssl-secret", "proxy-ssl-name",
      "proxy-ssl-verify", "proxy-ssl-server-name", "affinity", "session-cookie-name", "ssl-passthrough",
    ];
    const rules = new Set(knowledge.documents.ingressMigration.flatMap((e) => (e.kind === "ANNOTATION" && e.scope === "INGRESS_NGINX" ? [e.annotation] : [])));
    expect(i2gw.filter((a) => !rules.has(`${NGINX}${a}`))).toEqual([]);
  });
});

describe("migrateIngress: core Ingress semantics", () => {
  it("maps Prefix to PathPrefix and Exact to Exact, one HTTPRoute per host, hostnames kept", () => {
    const r = run(yaml(ingress({ paths: [{ path: "/", service: "web" }, { path: "/healthz", pathType: "Exact", service: "health" }] })));
    const [route] = ofKind(r, "HTTPRoute");
    expect(route!.spec.hostnames).toEqual(["shop.example.com"]);
    expect(route!.spec.rules.map((x: Doc) => x.matches[0].path)).toEqual([
      { type: "PathPrefix", value: "/" },
      { type: "Exact", value: "/healthz" },
    ]);
  });

  it("gives each TLS host an HTTPS listener with the Ingress's Secret as certificateRef", () => {
    const r = run(yaml(ingress({ tls: true })));
    const [gateway] = ofKind(r, "Gateway");
    expect(gateway!.spec.listeners).toEqual([
      { name: "http", port: 80, protocol: "HTTP" },
      { name: "https-shop.example.com", hostname: "shop.example.com", port: 443, protocol: "HTTPS", tls: { mode: "Terminate", certificateRefs: [{ name: "shop-tls" }] } },
    ]);
    expect(gateway!.spec.gatewayClassName).toBe("example-gateway-class");
  });

  it("turns ImplementationSpecific into PathPrefix with a warning", () => {
    const r = run(yaml(ingress({ paths: [{ path: "/docs", pathType: "ImplementationSpecific" }] })));
    expect(routeRules(r)[0]!.matches[0].path).toEqual({ type: "PathPrefix", value: "/docs" });
    expect(r.warnings.some((w) => w.includes("ImplementationSpecific"))).toBe(true);
  });

  it("makes spec.defaultBackend a catch-all rule and a route without hostnames", () => {
    const doc = ingress({ paths: [{ path: "/api", service: "api" }] });
    doc.spec.defaultBackend = { service: { name: "fallback", port: { number: 8080 } } };
    const r = run(yaml(doc));
    const routes = ofKind(r, "HTTPRoute");
    const hostless = routes.find((d) => !d.spec.hostnames)!;
    expect(hostless.spec.rules).toEqual([{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [{ name: "fallback", port: 8080 }] }]);
    const host = routes.find((d) => d.spec.hostnames)!;
    expect(host.spec.rules.map((x: Doc) => x.backendRefs[0].name)).toEqual(["api", "fallback"]);
  });

  it("resolves named Service ports from Services in the input and leaves out paths it cannot resolve", () => {
    const service = { apiVersion: "v1", kind: "Service", metadata: { name: "api", namespace: "shop" }, spec: { ports: [{ name: "http", port: 8080 }] } };
    const r = run(yaml(ingress({ paths: [{ path: "/api", service: "api", port: "http" }, { path: "/admin", service: "admin", port: "web" }] }), service));
    expect(routeRules(r).map((x) => x.backendRefs)).toEqual([[{ name: "api", port: 8080 }]]);
    expect(r.warnings.some((w) => w.includes("port web of Service admin"))).toBe(true);
  });

  it("converts Ingresses of another controller with core semantics and does not interpret their annotations", () => {
    const r = run(yaml(ingress({ className: "traefik", annotations: { "traefik.ingress.kubernetes.io/router.middlewares": "shop-strip@kubernetescrd", [`${NGINX}rewrite-target`]: "/" } })));
    expect(r.annotations.map((a) => a.outcome)).toEqual(["IGNORED", "IGNORED"]);
    expect(r.annotations[0]!.note).toContain("traefik");
    expect(routeRules(r)[0]!.matches[0].path).toEqual({ type: "PathPrefix", value: "/" });
    expect(filtersOf(r, "URLRewrite")).toEqual([]);
    expect(r.warnings.some((w) => w.includes("IngressClass traefik") && w.includes("not interpreted"))).toBe(true);
  });

  it("uses one Gateway per IngressClass, or the Gateway named in the options", () => {
    const two = yaml(ingress({ name: "a", className: "nginx" }), ingress({ name: "b", host: "b.example.com", className: "nginx-internal", annotations: { [`${NGINX}ssl-redirect`]: "false" } }));
    expect(ofKind(run(two), "Gateway").map((g) => g.metadata.name)).toEqual(["nginx", "nginx-internal"]);
    const one = run(two, { gatewayName: "shared", gatewayNamespace: "infra" });
    expect(ofKind(one, "Gateway").map((g) => `${g.metadata.namespace}/${g.metadata.name}`)).toEqual(["infra/shared"]);
    expect(ofKind(one, "HTTPRoute").every((rt) => rt.spec.parentRefs.every((p: Doc) => p.name === "shared" && p.namespace === "infra"))).toBe(true);
  });

  it("grants a Gateway in another namespace its Secrets with a ReferenceGrant and admits the routes' namespaces", () => {
    const r = run(yaml(ingress({ tls: true })), { gatewayNamespace: "gateway-infra" });
    const [grant] = ofKind(r, "ReferenceGrant");
    expect(grant!.metadata.namespace).toBe("shop");
    expect(grant!.spec).toEqual({ from: [{ group: "gateway.networking.k8s.io", kind: "Gateway", namespace: "gateway-infra" }], to: [{ group: "", kind: "Secret", name: "shop-tls" }] });
    const https = ofKind(r, "Gateway")[0]!.spec.listeners[1];
    expect(https.tls.certificateRefs).toEqual([{ name: "shop-tls", namespace: "shop" }]);
    expect(https.allowedRoutes).toEqual({ namespaces: { from: "Selector", selector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["shop"] }] } } });
  });

  it("adds the trailing-slash redirect ingress-nginx performs for Exact and Prefix paths ending in /", () => {
    const r = run(yaml(ingress({ paths: [{ path: "/my-path/", pathType: "Exact" }] })));
    const redirect = routeRules(r).find((x) => x.filters)!;
    expect(redirect).toEqual({
      matches: [{ path: { type: "Exact", value: "/my-path" } }],
      filters: [{ type: "RequestRedirect", requestRedirect: { path: { type: "ReplaceFullPath", replaceFullPath: "/my-path/" }, statusCode: 301 } }],
    });
  });

  it("spreads more than 16 rules over several HTTPRoutes", () => {
    const paths = Array.from({ length: 20 }, (_, i) => ({ path: `/p${i}`, service: `svc${i}` }));
    const r = run(yaml(ingress({ paths })));
    const routes = ofKind(r, "HTTPRoute");
    expect(routes.map((x) => x.spec.rules.length)).toEqual([16, 4]);
    expect(new Set(routes.map((x) => x.metadata.name)).size).toBe(2);
  });

  it("reports one mapping row per annotation on each Ingress, named namespace/name", () => {
    const r = run(yaml(ingress({ name: "a", annotations: { [`${NGINX}ssl-redirect`]: "false", "example.com/owner": "team-a" } }), ingress({ name: "b", namespace: "blog", host: "blog.example.com", annotations: { [`${NGINX}use-regex`]: "true" } })));
    expect(r.annotations.map((a) => `${a.ingress} ${a.annotation}`)).toEqual(["shop/a nginx.ingress.kubernetes.io/ssl-redirect", "shop/a example.com/owner", "blog/b nginx.ingress.kubernetes.io/use-regex"]);
  });

  it("treats every path of a host as a case-insensitive prefix regex when another Ingress of the host sets use-regex", () => {
    const r = run(yaml(ingress({ name: "regex", annotations: { [`${NGINX}use-regex`]: "true" }, paths: [{ path: "/u[A-Z]", pathType: "ImplementationSpecific" }] }), ingress({ name: "other", paths: [{ path: "/HEAD", pathType: "Exact" }] })));
    expect(routeRules(r).map((x) => x.matches[0].path)).toEqual([
      { type: "RegularExpression", value: "(?i)/u[A-Z].*" },
      { type: "RegularExpression", value: "(?i)/HEAD.*" },
    ]);
    expect(r.warnings.some((w) => w.includes("shop/other"))).toBe(true);
  });

  it("writes sessionPersistence only when Experimental fields are allowed", () => {
    const input = yaml(ingress({ annotations: { [`${NGINX}affinity`]: "cookie" } }));
    expect(JSON.stringify(docsOf(run(input)))).not.toContain("sessionPersistence");
    expect(routeRules(run(input, { allowExperimental: true }))[0]!.sessionPersistence).toEqual({ type: "Cookie", sessionName: "INGRESSCOOKIE" });
  });

  it("answers with a summary that counts objects and outcomes", () => {
    const r = run(yaml(ingress({ tls: true, annotations: { [`${NGINX}proxy-body-size`]: "8m" } })));
    expect(r.summary).toMatch(/^Converted 1 Ingress into 1 Gateway, 2 HTTPRoutes\. Annotations: 1 not translated\./);
  });
});

describe("migrateIngress: bounded, clear errors", () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof DomainError ? `${e.code} ${e.field}` : `other: ${String(e)}`;
    }
    return "no error";
  };
  it.each([
    ["empty input", ""],
    ["invalid YAML", "kind: Ingress\n  metadata: [unclosed"],
    ["no Ingress", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n"],
    ["a scalar document", "just text"],
    ["an Ingress without a name", "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {}\nspec: {}\n"],
    ["an alias bomb", ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n")],
    ["more than 500 documents", Array.from({ length: 501 }, () => "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n").join("---\n")],
    ["more than 1 MB", `# ${"x".repeat(1_000_001)}\n${yaml(ingress())}`],
  ])("refuses %s with BAD_USER_INPUT", (_, input) => {
    expect(code(() => run(input))).toBe("BAD_USER_INPUT manifests");
  });

  it("refuses an invalid Gateway name in the options", () => {
    expect(code(() => run(yaml(ingress()), { gatewayName: "Not_A_Name" }))).toBe("BAD_USER_INPUT options.gatewayName");
  });
});

describe("migrateIngress: every produced object is valid against the Gateway API v1.6.1 CRDs", () => {
  const standardCases = cases.filter((c) => !c.options?.allowExperimental);
  it.each(standardCases.map((c, i) => [`${c.annotation} #${i + 1}`, c] as const))("%s: analyzeManifests finds no ERROR or WARNING", (_, c) => {
    const r = run(c.input(), c.options);
    const analysis = analyzeManifests(r.manifests, {}, knowledge);
    expect(analysis.findings.filter((f) => f.severity === "ERROR" || f.severity === "WARNING").map((f) => `${f.rule} ${f.path}: ${f.message}`)).toEqual([]);
    // The analyzer's CEL engine cannot run RE2's inline `(?i)` flag (GRPCRoute's service rule); that
    // rule is checked here with the same pattern as a case-insensitive JavaScript regex instead.
    const grpcService = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
    expect(analysis.celRulesNotEvaluated.filter((rule) => !rule.includes("self.service.matches"))).toEqual([]);
    for (const rule of routeRules(r, "GRPCRoute")) for (const m of rule.matches ?? []) expect(m.method.service).toMatch(grpcService);
    expect(analysis.objects.length).toBe(docsOf(r).length);
  });

  it("keeps Experimental fields for clusters with the Experimental CRDs: valid there, refused by the Standard ones", () => {
    const r = run(yaml(ingress({ annotations: { [`${NGINX}affinity`]: "cookie", [`${NGINX}session-cookie-max-age`]: "3600" } })), { allowExperimental: true });
    // The analyzer learns the channel from the CRDs in its input.
    const experimentalCrds = `---\n${stringify({ apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "httproutes.gateway.networking.k8s.io", annotations: { "gateway.networking.k8s.io/channel": "experimental" } } })}`;
    const onExperimental = analyzeManifests(r.manifests + experimentalCrds, {}, knowledge);
    expect(onExperimental.findings.filter((f) => f.severity !== "INFO")).toEqual([]);
    const onStandard = analyzeManifests(r.manifests, {}, knowledge);
    expect(onStandard.findings.map((f) => `${f.severity} ${f.path}`)).toEqual(["ERROR spec.rules[0].sessionPersistence"]);
  });
});

describe("migrateIngress: a mixed input converts into objects the CRDs accept", () => {
  it("cross-namespace Gateway, wildcard TLS, default backend, gRPC, passthrough, canary, www redirect, aliases, host-less rules and a split route", () => {
    const withDefault = ingress({ name: "catalog", namespace: "catalog", host: "catalog.example.com", tls: true, paths: Array.from({ length: 18 }, (_, i) => ({ path: `/c${i}/`, pathType: "Exact" as const, service: "catalog" })) });
    withDefault.spec.defaultBackend = { service: { name: "fallback", port: { number: 8080 } } };
    const wildcard = ingress({ name: "tenants", namespace: "tenants", host: "*.tenants.example.com", paths: [{ path: "/" }] });
    wildcard.spec.tls = [{ hosts: ["*.tenants.example.com"], secretName: "tenants-wildcard" }];
    const input = yaml(
      withDefault,
      wildcard,
      ingress({ name: "shop", annotations: { [`${NGINX}from-to-www-redirect`]: "true", [`${NGINX}server-alias`]: "shop.example.net", [`${NGINX}use-regex`]: "true" }, tls: true, paths: [{ path: "/api/v[0-9]+", pathType: "ImplementationSpecific", service: "api" }, { path: "/", service: "web" }] }),
      ingress({ name: "shop-canary", annotations: { [`${NGINX}canary`]: "true", [`${NGINX}canary-by-header`]: "X-Canary", [`${NGINX}canary-weight`]: "10" }, paths: [{ path: "/", service: "web-next" }] }),
      ingress({ name: "grpc", namespace: "rpc", host: "rpc.example.com", tls: true, annotations: { [`${NGINX}backend-protocol`]: "GRPCS" }, paths: [{ path: "/pkg.Orders", service: "orders", port: 50051 }] }),
      ingress({ name: "db", namespace: "data", host: "db.example.com", annotations: { [`${NGINX}ssl-passthrough`]: "true" }, paths: [{ path: "/", service: "postgres", port: 5432 }] }),
      ingress({ name: "any", namespace: "misc", host: null, paths: [{ path: "/status", pathType: "Exact", service: "status" }] }),
    );
    const r = run(input, { gatewayName: "edge", gatewayNamespace: "gateway-infra" });
    const kinds = docsOf(r).map((d) => d.kind);
    for (const kind of ["Gateway", "ReferenceGrant", "HTTPRoute", "GRPCRoute", "TLSRoute", "BackendTLSPolicy"]) expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === "Gateway")).toHaveLength(1);
    const analysis = analyzeManifests(r.manifests, {}, knowledge);
    expect(analysis.findings.filter((f) => f.severity === "ERROR" || f.severity === "WARNING").map((f) => `${f.rule} ${f.path}: ${f.message}`)).toEqual([]);
    expect(analysis.celRulesNotEvaluated.filter((rule) => !rule.includes("self.service.matches"))).toEqual([]);
  });
});

describe("the migration content check", () => {
  it("accepts the shipped content and names each problem in a broken entry", () => {
    const entries = knowledge.documents.ingressMigration;
    expect(checkIngressMigration(entries, knowledge)).toEqual([]);
    const broken = ingressMigrationSchema.parse({
      kind: "ANNOTATION",
      annotation: `${NGINX}use-regex`,
      scope: "INGRESS_NGINX",
      outcome: "PARTIAL",
      transform: "useRegex",
      note: "Uses {nonsense}.",
      behaviours: ["no-such-behaviour"],
      variants: { invalid: { outcome: "NOT_TRANSLATED" }, extra: { outcome: "IGNORED" } },
      sources: ["no-such-source"],
    });
    const problems = checkIngressMigration([...entries.filter((e) => !(e.kind === "ANNOTATION" && e.annotation === `${NGINX}use-regex`)), broken], knowledge);
    expect(problems).toEqual([
      `annotation ${NGINX}use-regex (INGRESS_NGINX): unknown source "no-such-source"`,
      `annotation ${NGINX}use-regex (INGRESS_NGINX): unknown behaviour "no-such-behaviour"`,
      `annotation ${NGINX}use-regex (INGRESS_NGINX): unknown placeholder {nonsense}`,
      `annotation ${NGINX}use-regex (INGRESS_NGINX): transform useRegex needs variant "inactive"`,
      `annotation ${NGINX}use-regex (INGRESS_NGINX): variant "extra" is never reported by useRegex`,
    ]);
  });
});
