// The CEL rules of the Gateway API v1.6.1 CRDs (x-kubernetes-validations) in the generated compact
// schema: every rule compiles with the kept CEL library, and rules evaluate as the API server would
// on objects written from the Gateway API docs.
import { describe, expect, it } from "vitest";
import { compileRule, evaluateRule, isTransitionRule, rewriteIndexedHas } from "../../src/domain/analysis/cel.js";
import { GATEWAY_SCHEMAS } from "../../src/domain/analysis/schemas.js";
import type { CelRule, CompactSchema } from "../../src/domain/analysis/schemaTypes.js";
import { analyze, gateway, join } from "./analysisFixtures.js";

function collect(schema: CompactSchema, out: CelRule[]): CelRule[] {
  out.push(...(schema.cel ?? []));
  for (const child of Object.values(schema.p ?? {})) collect(child, out);
  if (schema.it) collect(schema.it, out);
  if (schema.ap) collect(schema.ap, out);
  return out;
}

const all = Object.values(GATEWAY_SCHEMAS.kinds).flatMap((k) => collect(k.schema, []));
const unique = [...new Map(all.map((r) => [r.rule, r])).values()];

describe("CEL rules of the Gateway API CRDs", () => {
  it("records where the schema came from", () => {
    expect(GATEWAY_SCHEMAS.source.release).toBe("Gateway API v1.6.1");
    expect(Object.keys(GATEWAY_SCHEMAS.source.files).length).toBeGreaterThan(20);
  });

  it("every rule compiles with the library (transition rules included)", () => {
    const failed = unique.filter((r) => compileRule(r.rule) instanceof Error).map((r) => r.rule);
    expect(all.length).toBeGreaterThan(300);
    expect(failed).toEqual([]);
  });

  it("only the indexed has() calls are rewritten, to an equivalent presence test", () => {
    const rewritten = unique.filter((r) => rewriteIndexedHas(r.rule) !== r.rule);
    expect(rewritten.length).toBeGreaterThan(0);
    for (const r of rewritten) {
      expect(rewriteIndexedHas(r.rule)).toMatch(/hasField\(self[\w.]*\[\d+\], '\w+'\)/);
      expect(rewriteIndexedHas(r.rule)).not.toMatch(/has\([^()]*\[[^\]]+\]\.\w+\)/);
    }
    expect(evaluateRule({ rule: "has(self.matches[0].path)" }, { matches: [{ path: { value: "/" } }] })).toEqual({ kind: "pass" });
    expect(evaluateRule({ rule: "has(self.matches[0].path)" }, { matches: [{}] })).toEqual({ kind: "fail" });
  });

  it("evaluates the Kubernetes library functions the CRDs call", () => {
    expect(evaluateRule({ rule: "self.all(h, !isIP(h))" }, ["a.example.com"])).toEqual({ kind: "pass" });
    expect(evaluateRule({ rule: "self.all(h, !isIP(h))" }, ["192.0.2.1"])).toEqual({ kind: "fail" });
    expect(evaluateRule({ rule: "self.all(h, !isIP(h))" }, ["2001:db8::1"])).toEqual({ kind: "fail" });
    expect(evaluateRule({ rule: "size(self) == 0 || format.dns1123Label().validate(self) == null" }, "https")).toEqual({ kind: "pass" });
    expect(evaluateRule({ rule: "size(self) == 0 || format.dns1123Label().validate(self) == null" }, "Bad_Name")).toEqual({ kind: "fail" });
    expect(evaluateRule({ rule: "duration(self) <= duration('1h')" }, "30m")).toEqual({ kind: "pass" });
  });

  it("skips transition rules (they need the stored object) rather than passing them", () => {
    const transitions = unique.filter(isTransitionRule);
    expect(transitions.length).toBeGreaterThan(0);
    expect(evaluateRule(transitions[0]!, "x").kind).toBe("skipped");
  });

  it("a valid HTTPS Gateway with an HTTPRoute using filters evaluates every rule without skipping", () => {
    const a = analyze(
      join(
        gateway("- name: https\n  protocol: HTTPS\n  port: 443\n  hostname: shop.example.com\n  tls: { mode: Terminate, certificateRefs: [{ name: shop-cert }] }\n  allowedRoutes: { namespaces: { from: All } }"),
        `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop, namespace: shop }
spec:
  parentRefs: [{ name: edge, namespace: infra }]
  hostnames: [shop.example.com]
  rules:
    - matches: [{ path: { type: PathPrefix, value: /old } }]
      filters: [{ type: URLRewrite, urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: /new } } }]
      backendRefs: [{ name: shop, port: 80 }]
    - matches: [{ headers: [{ name: x-canary, value: "true" }] }]
      backendRefs: [{ name: shop-canary, port: 80 }]
      timeouts: { request: 10s, backendRequest: 5s }
`,
      ),
    );
    expect(a.findings.filter((f) => f.category === "SCHEMA_VIOLATION")).toEqual([]);
    expect(a.celRulesNotEvaluated).toEqual([]);
  });

  it("reports a rule that fails with the CRD's own message", () => {
    const a = analyze(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop, namespace: shop }
spec:
  parentRefs: [{ name: edge }]
  rules:
    - matches: [{ path: { type: Exact, value: /old } }]
      filters: [{ type: URLRewrite, urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: /new } } }]
      backendRefs: [{ name: shop, port: 80 }]
    - backendRefs: [{ name: shop, port: 80 }]
      timeouts: { request: 5s, backendRequest: 10s }
`);
    const messages = a.findings.filter((f) => f.rule === "schema-cel-rule").map((f) => f.message);
    expect(messages.some((m) => /replacePrefixMatch/i.test(m))).toBe(true);
    expect(messages.some((m) => /backendRequest/.test(m))).toBe(true);
  });
});
