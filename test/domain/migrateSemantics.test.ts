// Semantic checks: documented behaviours of ingress-nginx and the conversions the Gateway API
// migration guide and ingress2gateway describe, each written here in our own words with the page it
// follows. Each check converts a small input and asserts what a client would see after the switch
// (simulating Gateway API matching where needed). The run prints how many hold.
import { afterAll, describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { migrateIngress, type IngressMigration, type MigrationOptions } from "../../src/domain/migrate/index.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
type Doc = Record<string, any>;
const N = "nginx.ingress.kubernetes.io/";

function ing(name: string, annotations: Record<string, string>, paths: { path: string; pathType?: string; service?: string }[], extra: { host?: string; tls?: boolean; className?: string } = {}): Doc {
  const host = extra.host ?? "app.example.com";
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name, namespace: "default", annotations },
    spec: {
      ingressClassName: extra.className ?? "nginx",
      ...(extra.tls ? { tls: [{ hosts: [host], secretName: "app-tls" }] } : {}),
      rules: [{ host, http: { paths: paths.map((p) => ({ path: p.path, pathType: p.pathType ?? "Prefix", backend: { service: { name: p.service ?? "app", port: { number: 80 } } } })) } }],
    },
  };
}
const convert = (docs: Doc[], options: MigrationOptions = {}) => migrateIngress(docs.map((d) => stringify(d)).join("---\n"), options, knowledge);
const objects = (r: IngressMigration) => parseAllDocuments(r.manifests).map((d) => d.toJS() as Doc);
const routes = (r: IngressMigration, kind = "HTTPRoute") => objects(r).filter((d) => d.kind === kind);

/** Which rule of the host's routes on the listener answers the path (Gateway API precedence, simplified to path and headers). */
function answer(r: IngressMigration, path: string, opts: { listener?: string; headers?: Record<string, string> } = {}): Doc | null {
  const candidates = routes(r)
    .filter((rt) => !opts.listener || rt.spec.parentRefs.some((p: Doc) => p.sectionName === opts.listener))
    .flatMap((rt) => rt.spec.rules as Doc[]);
  const scored = candidates.flatMap((rule) =>
    (rule.matches ?? [{ path: { type: "PathPrefix", value: "/" } }]).flatMap((m: Doc) => {
      const p = m.path ?? { type: "PathPrefix", value: "/" };
      const headerOk = (m.headers ?? []).every((h: Doc) => opts.headers?.[h.name] === h.value);
      if (!headerOk) return [];
      let ok = false;
      if (p.type === "Exact") ok = path === p.value;
      else if (p.type === "PathPrefix") ok = p.value === "/" || path === p.value.replace(/\/$/, "") || path.startsWith(`${p.value.replace(/\/$/, "")}/`);
      else ok = new RegExp(`^(?:${p.value.replace("(?i)", "")})$`, p.value.startsWith("(?i)") ? "i" : "").test(path);
      if (!ok) return [];
      const rank = [p.type === "Exact" ? 2 : p.type === "PathPrefix" ? 1 : 0, p.value.length, (m.headers ?? []).length];
      return [{ rule, rank }];
    }),
  );
  scored.sort((a, b) => b.rank[0]! - a.rank[0]! || b.rank[1]! - a.rank[1]! || b.rank[2]! - a.rank[2]!);
  return scored[0]?.rule ?? null;
}

/** The path the backend sees after a URLRewrite (ReplaceFullPath or ReplacePrefixMatch per the HTTPRoute spec table). */
function rewritten(rule: Doc, path: string): string {
  const rw = (rule.filters ?? []).find((f: Doc) => f.type === "URLRewrite")?.urlRewrite?.path;
  if (!rw) return path;
  if (rw.type === "ReplaceFullPath") return rw.replaceFullPath;
  const prefix = rule.matches[0].path.value.replace(/\/$/, "");
  const rest = path.slice(prefix.length);
  const replacement = rw.replacePrefixMatch === "/" ? "" : rw.replacePrefixMatch.replace(/\/$/, "");
  return `${replacement}${rest}` || "/";
}
const redirect = (rule: Doc | null) => rule?.filters?.find((f: Doc) => f.type === "RequestRedirect")?.requestRedirect;
const backends = (rule: Doc | null) => (rule?.backendRefs ?? []).map((b: Doc) => `${b.name}${b.weight !== undefined ? `=${b.weight}` : ""}`);

interface Check {
  readonly behaviour: string;
  readonly source: string;
  readonly holds: () => void;
}

const INGRESS_NGINX = "https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/";
const PATH_MATCHING = "https://kubernetes.github.io/ingress-nginx/user-guide/ingress-path-matching/";
const REWRITE_EXAMPLE = "https://kubernetes.github.io/ingress-nginx/examples/rewrite/";
const BLOG = "https://kubernetes.io/blog/2026/02/27/ingress-nginx-before-you-migrate/";
const GUIDE = "https://gateway-api.sigs.k8s.io/guides/getting-started/migrating-from-ingress/";
const I2GW = "https://github.com/kubernetes-sigs/ingress2gateway";

const checks: Check[] = [
  {
    behaviour: "use-regex paths match case-insensitively and only anchored at the start",
    source: PATH_MATCHING,
    holds: () => {
      const r = convert([ing("re", { [`${N}use-regex`]: "true" }, [{ path: "/foo/.*", pathType: "ImplementationSpecific" }])]);
      expect(answer(r, "/FOO/bar")).not.toBeNull();
      expect(answer(r, "/foo/x/y")).not.toBeNull();
      expect(answer(r, "/bar/foo/x")).toBeNull();
    },
  },
  {
    behaviour: "a regex like /u[A-Z] also serves /uuid",
    source: BLOG,
    holds: () => {
      const r = convert([ing("re", { [`${N}use-regex`]: "true" }, [{ path: "/u[A-Z]", pathType: "ImplementationSpecific" }])]);
      expect(answer(r, "/uuid")).not.toBeNull();
    },
  },
  {
    behaviour: "use-regex on one Ingress makes the Exact path /HEAD of another Ingress for the host serve /headers",
    source: BLOG,
    holds: () => {
      const r = convert([ing("re", { [`${N}use-regex`]: "true" }, [{ path: "/u[A-Z]", pathType: "ImplementationSpecific" }]), ing("other", {}, [{ path: "/HEAD", pathType: "Exact", service: "head" }])]);
      expect(backends(answer(r, "/headers"))).toEqual(["head"]);
    },
  },
  {
    behaviour: "rewrite-target on any Ingress of a host turns regex matching on for all its paths",
    source: `${INGRESS_NGINX}#use-regex`,
    holds: () => {
      const r = convert([ing("rw", { [`${N}rewrite-target`]: "/uuid" }, [{ path: "/[abc]", pathType: "ImplementationSpecific" }]), ing("other", {}, [{ path: "/HEAD", pathType: "Exact", service: "head" }])]);
      expect(backends(answer(r, "/headers"))).toEqual(["head"]);
      const abc = answer(r, "/ABCdef")!;
      expect(rewritten(abc, "/ABCdef")).toBe("/uuid");
    },
  },
  {
    behaviour: "without regex, an Ingress's Exact and Prefix paths keep their Ingress meaning",
    source: GUIDE,
    holds: () => {
      const r = convert([ing("plain", {}, [{ path: "/api", service: "api" }, { path: "/status", pathType: "Exact", service: "status" }])]);
      expect(backends(answer(r, "/api/v1"))).toEqual(["api"]);
      expect(answer(r, "/apiv1")).toBeNull();
      expect(backends(answer(r, "/status"))).toEqual(["status"]);
      expect(answer(r, "/status/x")).toBeNull();
    },
  },
  {
    behaviour: "rewrite-target /$2 with /something(/|$)(.*) rewrites /something to /, /something/ to / and /something/new to /new",
    source: REWRITE_EXAMPLE,
    holds: () => {
      const r = convert([ing("rw", { [`${N}rewrite-target`]: "/$2" }, [{ path: "/something(/|$)(.*)", pathType: "ImplementationSpecific" }])]);
      for (const [from, to] of [["/something", "/"], ["/something/", "/"], ["/something/new", "/new"]] as const) expect(rewritten(answer(r, from)!, from)).toBe(to);
    },
  },
  {
    behaviour: "canary-weight 0 sends no requests to the canary",
    source: `${INGRESS_NGINX}#canary`,
    holds: () => {
      const r = convert([ing("main", {}, [{ path: "/", service: "stable" }]), ing("c", { [`${N}canary`]: "true", [`${N}canary-weight`]: "0" }, [{ path: "/", service: "canary" }])]);
      expect(backends(answer(r, "/x"))).toEqual(["stable=100", "canary=0"]);
    },
  },
  {
    behaviour: "a canary weight equal to the total sends every request to the canary",
    source: `${INGRESS_NGINX}#canary`,
    holds: () => {
      const r = convert([ing("main", {}, [{ path: "/", service: "stable" }]), ing("c", { [`${N}canary`]: "true", [`${N}canary-weight`]: "100" }, [{ path: "/", service: "canary" }])]);
      expect(backends(answer(r, "/x"))).toEqual(["stable=0", "canary=100"]);
    },
  },
  {
    behaviour: "canary-by-header: `always` routes to the canary, `never` never does, other values fall through to the weights",
    source: `${INGRESS_NGINX}#canary`,
    holds: () => {
      const r = convert([ing("main", {}, [{ path: "/", service: "stable" }]), ing("c", { [`${N}canary`]: "true", [`${N}canary-by-header`]: "X-Canary", [`${N}canary-weight`]: "10" }, [{ path: "/", service: "canary" }])]);
      expect(backends(answer(r, "/x", { headers: { "X-Canary": "always" } }))).toEqual(["canary"]);
      expect(backends(answer(r, "/x", { headers: { "X-Canary": "never" } }))).toEqual(["stable"]);
      expect(backends(answer(r, "/x", { headers: { "X-Canary": "maybe" } }))).toEqual(["stable=90", "canary=10"]);
    },
  },
  {
    behaviour: "canary-by-header-pattern is ignored when canary-by-header-value is set",
    source: `${INGRESS_NGINX}#canary`,
    holds: () => {
      const r = convert([ing("main", {}, [{ path: "/", service: "stable" }]), ing("c", { [`${N}canary`]: "true", [`${N}canary-by-header`]: "X-Env", [`${N}canary-by-header-value`]: "beta", [`${N}canary-by-header-pattern`]: "b.*" }, [{ path: "/", service: "canary" }])]);
      expect(JSON.stringify(objects(r))).not.toContain("RegularExpression");
      expect(r.annotations.find((a) => a.annotation.endsWith("canary-by-header-pattern"))!.outcome).toBe("IGNORED");
    },
  },
  {
    behaviour: "a canary Ingress's other annotations are ignored in favour of the main Ingress's",
    source: `${INGRESS_NGINX}#canary`,
    holds: () => {
      const r = convert([ing("main", {}, [{ path: "/", service: "stable" }]), ing("c", { [`${N}canary`]: "true", [`${N}canary-weight`]: "10", [`${N}x-forwarded-prefix`]: "/c" }, [{ path: "/", service: "canary" }])]);
      expect(JSON.stringify(objects(r))).not.toContain("X-Forwarded-Prefix");
      expect(r.annotations.find((a) => a.annotation.endsWith("x-forwarded-prefix"))!.outcome).toBe("IGNORED");
    },
  },
  {
    behaviour: "an Ingress with TLS redirects plain HTTP to HTTPS with 308 by default",
    source: `${INGRESS_NGINX}#server-side-https-enforcement-through-redirect`,
    holds: () => {
      const r = convert([ing("tls", {}, [{ path: "/" }], { tls: true })]);
      expect(redirect(answer(r, "/x", { listener: "http" }))).toEqual({ scheme: "https", statusCode: 308 });
      expect(backends(answer(r, "/x", { listener: "https-app.example.com" }))).toEqual(["app"]);
    },
  },
  {
    behaviour: "ssl-redirect false serves plain HTTP as well",
    source: `${INGRESS_NGINX}#server-side-https-enforcement-through-redirect`,
    holds: () => {
      const r = convert([ing("tls", { [`${N}ssl-redirect`]: "false" }, [{ path: "/" }], { tls: true })]);
      expect(backends(answer(r, "/x", { listener: "http" }))).toEqual(["app"]);
    },
  },
  {
    behaviour: "an Ingress without TLS is not redirected unless force-ssl-redirect is set",
    source: `${INGRESS_NGINX}#server-side-https-enforcement-through-redirect`,
    holds: () => {
      expect(redirect(answer(convert([ing("plain", {}, [{ path: "/" }])]), "/x"))).toBeUndefined();
      expect(redirect(answer(convert([ing("forced", { [`${N}force-ssl-redirect`]: "true" }, [{ path: "/" }])]), "/x"))).toEqual({ scheme: "https", statusCode: 308 });
    },
  },
  {
    behaviour: "permanent-redirect answers 301 by default and permanent-redirect-code changes it",
    source: `${INGRESS_NGINX}#permanent-redirect`,
    holds: () => {
      expect(redirect(answer(convert([ing("p", { [`${N}permanent-redirect`]: "https://www.google.com" }, [{ path: "/" }])]), "/x"))?.statusCode).toBe(301);
      expect(redirect(answer(convert([ing("p", { [`${N}permanent-redirect`]: "https://www.google.com", [`${N}permanent-redirect-code`]: "308" }, [{ path: "/" }])]), "/x"))?.statusCode).toBe(308);
    },
  },
  {
    behaviour: "temporal-redirect answers 302 and sends every path to the URL",
    source: `${INGRESS_NGINX}#temporal-redirect`,
    holds: () => {
      const rr = redirect(answer(convert([ing("t", { [`${N}temporal-redirect`]: "https://www.google.com" }, [{ path: "/" }])]), "/deep/path"));
      expect(rr).toMatchObject({ statusCode: 302, hostname: "www.google.com", path: { type: "ReplaceFullPath", replaceFullPath: "/" } });
    },
  },
  {
    behaviour: "app-root redirects only requests for / to the application root",
    source: REWRITE_EXAMPLE,
    holds: () => {
      const r = convert([ing("root", { [`${N}app-root`]: "/app1" }, [{ path: "/" }])]);
      expect(redirect(answer(r, "/"))).toMatchObject({ statusCode: 302, path: { replaceFullPath: "/app1" } });
      expect(redirect(answer(r, "/app1/page"))).toBeUndefined();
    },
  },
  {
    behaviour: "from-to-www-redirect sends www.<host> to <host>",
    source: `${INGRESS_NGINX}#redirect-fromto-www`,
    holds: () => {
      const r = convert([ing("www", { [`${N}from-to-www-redirect`]: "true" }, [{ path: "/" }], { host: "example.com" })]);
      const route = routes(r).find((x) => x.spec.hostnames?.includes("www.example.com"))!;
      expect(redirect(route.spec.rules[0])).toMatchObject({ hostname: "example.com" });
    },
  },
  {
    behaviour: "x-forwarded-prefix sets that header on requests to the backend",
    source: `${INGRESS_NGINX}#x-forwarded-prefix-header`,
    holds: () => {
      const rule = answer(convert([ing("x", { [`${N}x-forwarded-prefix`]: "/path" }, [{ path: "/" }])]), "/a")!;
      expect(rule.filters).toContainEqual({ type: "RequestHeaderModifier", requestHeaderModifier: { set: [{ name: "X-Forwarded-Prefix", value: "/path" }] } });
    },
  },
  {
    behaviour: "enable-cors alone applies ingress-nginx's CORS defaults",
    source: `${INGRESS_NGINX}#enable-cors`,
    holds: () => {
      const cors = answer(convert([ing("c", { [`${N}enable-cors`]: "true" }, [{ path: "/" }])]), "/")!.filters.find((f: Doc) => f.type === "CORS").cors;
      expect(cors).toEqual({
        allowOrigins: ["*"],
        allowMethods: ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS"],
        allowHeaders: ["DNT", "Keep-Alive", "User-Agent", "X-Requested-With", "If-Modified-Since", "Cache-Control", "Content-Type", "Range", "Authorization"],
        allowCredentials: true,
        maxAge: 1728000,
      });
    },
  },
  {
    behaviour: "proxy timeouts are unitless seconds",
    source: `${INGRESS_NGINX}#custom-timeouts`,
    holds: () => {
      expect(answer(convert([ing("t", { [`${N}proxy-read-timeout`]: "120" }, [{ path: "/" }])]), "/")!.timeouts).toEqual({ request: "120s" });
    },
  },
  {
    behaviour: "the default affinity cookie is named INGRESSCOOKIE",
    source: `${INGRESS_NGINX}#cookie-affinity`,
    holds: () => {
      const rule = answer(convert([ing("a", { [`${N}affinity`]: "cookie" }, [{ path: "/" }])], { allowExperimental: true }), "/")!;
      expect(rule.sessionPersistence.sessionName).toBe("INGRESSCOOKIE");
    },
  },
  {
    behaviour: "ssl-passthrough sends the TLS connection to the backend by SNI, without HTTP routing",
    source: `${INGRESS_NGINX}#ssl-passthrough`,
    holds: () => {
      const r = convert([ing("pt", { [`${N}ssl-passthrough`]: "true" }, [{ path: "/", service: "tls-app" }])]);
      expect(routes(r)).toEqual([]);
      expect(routes(r, "TLSRoute")[0]!.spec.hostnames).toEqual(["app.example.com"]);
      const listener = objects(r)[0]!.spec.listeners.find((l: Doc) => l.protocol === "TLS");
      expect(listener.tls.mode).toBe("Passthrough");
    },
  },
  {
    behaviour: "gRPC backends get a GRPCRoute",
    source: "https://gateway-api.sigs.k8s.io/guides/grpc-routing/",
    holds: () => {
      const r = convert([ing("g", { [`${N}backend-protocol`]: "GRPC" }, [{ path: "/", service: "grpc" }])]);
      expect(routes(r, "GRPCRoute")).toHaveLength(1);
    },
  },
  {
    behaviour: "a default backend becomes an explicit / PathPrefix rule",
    source: `${GUIDE}#default-backend`,
    holds: () => {
      const doc = ing("d", {}, [{ path: "/api", service: "api" }]);
      doc.spec.defaultBackend = { service: { name: "fallback", port: { number: 80 } } };
      const r = convert([doc]);
      expect(backends(answer(r, "/other"))).toEqual(["fallback"]);
      expect(backends(answer(r, "/api/x"))).toEqual(["api"]);
    },
  },
  {
    behaviour: "TLS terminates on an HTTPS listener (port 443) with the Ingress's Secret, next to an HTTP listener on port 80",
    source: `${GUIDE}#tls-termination`,
    holds: () => {
      const gw = objects(convert([ing("tls", {}, [{ path: "/" }], { tls: true })]))[0]!;
      expect(gw.spec.listeners.map((l: Doc) => `${l.protocol}:${l.port}`)).toEqual(["HTTP:80", "HTTPS:443"]);
      expect(gw.spec.listeners[1].tls.certificateRefs).toEqual([{ name: "app-tls" }]);
    },
  },
  {
    behaviour: "routes attach to the listener whose hostname matches theirs",
    source: `${GUIDE}#routing-rules`,
    holds: () => {
      const r = convert([ing("tls", {}, [{ path: "/" }], { tls: true })]);
      const listeners = new Map(objects(r)[0]!.spec.listeners.map((l: Doc) => [l.name, l.hostname]));
      for (const route of routes(r)) for (const p of route.spec.parentRefs) {
        const hostname = listeners.get(p.sectionName);
        if (hostname) expect(route.spec.hostnames).toEqual([hostname]);
      }
    },
  },
  {
    behaviour: "the IngressClass selects the Gateway: one Gateway per class",
    source: I2GW,
    holds: () => {
      const r = convert([ing("a", {}, [{ path: "/" }], { className: "nginx" }), ing("b", {}, [{ path: "/" }], { className: "nginx-internal", host: "b.example.com" })]);
      expect(objects(r).filter((d) => d.kind === "Gateway").map((g) => g.metadata.name)).toEqual(["nginx", "nginx-internal"]);
    },
  },
  {
    behaviour: "ingress2gateway's multi-gateway case: one Gateway per class named after it, one route per host with the Ingress's path types",
    source: `${I2GW}/blob/main/pkg/cmd/testdata/out/from-ingress-to-multi-gateways-gwapi.all.yaml`,
    holds: () => {
      const r = migrateIngress(
        [1, 2, 3]
          .map((i) => stringify(ing(`ingress-gateway-${i}`, {}, [{ path: `/echo-${i}`, pathType: i === 3 ? "Prefix" : "Exact", service: `infra-backend-v${i}` }], { className: `nginx-ingress-${i}`, host: `gateway-${i}` })))
          .join("---\n"),
        {},
        knowledge,
      );
      const gateways = objects(r).filter((d) => d.kind === "Gateway");
      expect(gateways.map((g) => [g.metadata.name, g.spec.gatewayClassName])).toEqual([1, 2, 3].map((i) => [`nginx-ingress-${i}`, `nginx-ingress-${i}`]));
      expect(routes(r).map((rt) => [rt.spec.parentRefs[0].name, rt.spec.hostnames[0], rt.spec.rules[0].matches[0].path.type])).toEqual([
        ["nginx-ingress-1", "gateway-1", "Exact"],
        ["nginx-ingress-2", "gateway-2", "Exact"],
        ["nginx-ingress-3", "gateway-3", "PathPrefix"],
      ]);
    },
  },
  {
    behaviour: "ingress2gateway's rewrite-target: a URLRewrite with ReplaceFullPath set to the target",
    source: `${I2GW}/blob/main/pkg/i2gw/providers/ingressnginx/rewrite.go`,
    holds: () => {
      const rule = answer(convert([ing("rw", { [`${N}rewrite-target`]: "/new" }, [{ path: "/old" }])]), "/old/x")!;
      expect(rule.filters).toContainEqual({ type: "URLRewrite", urlRewrite: { path: { type: "ReplaceFullPath", replaceFullPath: "/new" } } });
    },
  },
  {
    behaviour: "ingress2gateway's ssl-passthrough: a TLSRoute on a TLS Passthrough listener replaces the HTTPRoute",
    source: `${I2GW}/blob/main/pkg/i2gw/providers/ingressnginx/ssl_passthrough.go`,
    holds: () => {
      const r = convert([ing("pt", { [`${N}ssl-passthrough`]: "true" }, [{ path: "/", service: "tls-app" }])]);
      expect(objects(r).map((d) => d.kind)).toEqual(["Gateway", "TLSRoute"]);
    },
  },
  {
    behaviour: "a request without the trailing slash of an Exact path gets a 301 to the slash form",
    source: BLOG,
    holds: () => {
      const rr = redirect(answer(convert([ing("s", {}, [{ path: "/my-path/", pathType: "Exact" }])]), "/my-path"));
      expect(rr).toEqual({ path: { type: "ReplaceFullPath", replaceFullPath: "/my-path/" }, statusCode: 301 });
    },
  },
  {
    behaviour: "URL normalisation is flagged for review",
    source: BLOG,
    holds: () => {
      expect(convert([ing("n", {}, [{ path: "/uuid", pathType: "Exact" }])]).warnings.some((w) => w.includes("normalises"))).toBe(true);
    },
  },
];

const results: boolean[] = [];
afterAll(() => {
  const held = results.filter(Boolean).length;
  console.log(`migrateIngress semantic checks: ${held}/${results.length} hold (${Math.round((held / results.length) * 100)}%)`);
});

describe("migrateIngress keeps documented ingress-nginx behaviour", () => {
  it.each(checks.map((c) => [c.behaviour, c] as const))("%s", (_, c) => {
    try {
      c.holds();
      results.push(true);
    } catch (error) {
      results.push(false);
      throw new Error(`${c.behaviour} (${c.source}): ${error instanceof Error ? error.message : String(error)}`);
    }
  });
});
