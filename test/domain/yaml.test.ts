// The manifest YAML emitter: every value must read back as itself under YAML 1.2 and under
// YAML 1.1, where kubectl's parser takes yes/no/on/off as booleans.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toYaml, yamlScalar } from "../../src/domain/recommend/yaml.js";

const readBack = (text: string) => ({ core: parse(text), yaml11: parse(text, { version: "1.1" }) });

describe("yamlScalar", () => {
  it.each([
    ["web", "web"],
    ["app.kubernetes.io/name", "app.kubernetes.io/name"],
    ["/", "/"],
    ["/api", "/api"],
    ["true", '"true"'],
    ["Yes", '"Yes"'],
    ["on", '"on"'],
    ["n", '"n"'],
    ["null", '"null"'],
    ["~", '"~"'],
    ["", '""'],
    ["10.96.0.20", '"10.96.0.20"'],
    ["2001:db8::10", '"2001:db8::10"'],
    ["0.0.0.0/0", '"0.0.0.0/0"'],
    ["1e3", '"1e3"'],
    ["0x1F", '"0x1F"'],
    ["- item", '"- item"'],
    ["a: b", '"a: b"'],
    ["# comment", '"# comment"'],
    ["line\nbreak", '"line\\nbreak"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["*alias", '"*alias"'],
    [".inf", '".inf"'],
    [80, "80"],
    [-1.5, "-1.5"],
    [true, "true"],
    [null, "null"],
  ] as const)("%j is written as %s", (value, expected) => {
    expect(yamlScalar(value)).toBe(expected);
    const { core, yaml11 } = readBack(`v: ${yamlScalar(value)}\n`);
    expect(core.v).toEqual(value);
    expect(yaml11.v).toEqual(value);
  });

  it.each([NaN, Infinity, undefined, () => 1, Symbol("s")])("refuses %s", (value) => {
    expect(() => yamlScalar(value)).toThrow(/cannot write/);
  });
});

describe("toYaml", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["a flat mapping", { apiVersion: "v1", kind: "Service", port: 80, enabled: false }],
    [
      "a Service with annotations and ports",
      {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: "web", annotations: { "service.beta.kubernetes.io/aws-load-balancer-internal": "true" } },
        spec: {
          type: "LoadBalancer",
          selector: { "app.kubernetes.io/name": "web" },
          ports: [
            { name: "http", protocol: "TCP", port: 80, targetPort: 8080 },
            { name: "udp", protocol: "UDP", port: 53, targetPort: 53 },
          ],
          loadBalancerSourceRanges: ["198.51.100.0/24", "2001:db8::/32"],
          ipFamilies: ["IPv4", "IPv6"],
        },
      },
    ],
    ["empty collections", { list: [], map: {}, nested: { list: [], items: [{}, []] } }],
    ["sequences of sequences", { matrix: [[1, 2], ["a", ["b", { c: "d" }]]] }],
    ["undefined values are left out", { name: "x", gone: undefined, spec: { also: undefined, kept: 1 } }],
    ["keys that need quotes", { "1.30": "v", "yes": "no", "a b": "c: d" }],
  ];

  it.each(cases)("%s reads back as the same object", (_, document) => {
    const text = toYaml(document);
    const expected = JSON.parse(JSON.stringify(document));
    const { core, yaml11 } = readBack(text);
    expect(core).toEqual(expected);
    expect(yaml11).toEqual(expected);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("indents like kubectl: sequences two spaces under their key", () => {
    expect(toYaml({ spec: { ports: [{ name: "http", port: 80 }] }, list: ["a"] })).toBe(
      ["spec:", "  ports:", "    - name: http", "      port: 80", "list:", "  - a", ""].join("\n"),
    );
  });
});
