// Service name rules by Kubernetes version (KEP-5311, RelaxedServiceNameValidation): RFC 1035 labels
// before 1.36, RFC 1123 labels (a leading digit allowed) from 1.36, when the gate became beta and on by
// default; GA and locked on in 1.37. https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
import { describe, expect, it } from "vitest";
import { serviceNameProblem, serviceNameRule } from "../../src/domain/serviceNames.js";

describe("serviceNameRule", () => {
  it.each([
    ["1.30", "RFC1035_LABEL"],
    ["1.34", "RFC1035_LABEL"], // alpha, off by default
    ["1.35", "RFC1035_LABEL"],
    ["1.36", "RFC1123_LABEL"], // beta, on by default
    ["v1.36.4", "RFC1123_LABEL"],
    ["1.37", "RFC1123_LABEL"], // GA, locked on
  ] as const)("at %s applies %s", (version, rule) => {
    expect(serviceNameRule(version)).toBe(rule);
  });

  it("throws on a version it cannot read", () => {
    expect(() => serviceNameRule("latest")).toThrow(RangeError);
  });
});

describe("serviceNameProblem", () => {
  it.each([
    ["web", "1.35", null],
    ["web-1", "1.35", null],
    ["a", "1.30", null],
    ["8080-api", "1.36", null],
    ["3d", "1.37", null],
    ["123", "1.37", null],
    ["x".repeat(63), "1.37", null],
  ])("accepts %j at %s", (name, version, expected) => {
    expect(serviceNameProblem(name, version)).toBe(expected);
  });

  it.each([
    ["8080-api", "1.35", /start with a letter before Kubernetes 1\.36/],
    ["3d", "1.34", /start with a letter before Kubernetes 1\.36/],
    ["Web", "1.37", /RFC 1123 label/],
    ["web_api", "1.37", /RFC 1123 label/],
    ["web-", "1.37", /RFC 1123 label/],
    ["-web", "1.36", /RFC 1123 label/],
    ["web.api", "1.36", /RFC 1123 label/],
    ["Web", "1.35", /RFC 1035 label/],
    ["", "1.37", /must not be empty/],
    ["x".repeat(64), "1.37", /at most 63 characters, this one has 64/],
  ])("rejects %j at %s", (name, version, message) => {
    expect(serviceNameProblem(name, version)).toMatch(message);
  });
});
