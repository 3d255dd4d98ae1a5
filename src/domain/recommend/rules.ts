// The shape of prisma/content/recommendation/rules.yaml and the one generic condition matcher
// every rule uses. Knowledge lives in the file; this module only knows how to read it.
import type { CapabilityValue, ServiceTypeName } from "../knowledge.js";
import { compareVersions } from "../lifecycle.js";
import type { DerivedFacts, NetworkingOption, Requirements } from "./requirements.js";

/** Fields a condition may test: every requirement plus the derived facts. */
export type ConditionField = keyof Requirements | keyof DerivedFacts;

/**
 * A list matches when the field (or, for list fields, any of its items) is one of the values;
 * a boolean matches by equality; {min,max} bounds a number; {set} tests an optional field;
 * {below,atLeast} compares Kubernetes versions.
 */
export type ConditionValue =
  | readonly string[]
  | boolean
  | { readonly min?: number | undefined; readonly max?: number | undefined }
  | { readonly set: boolean }
  | { readonly below?: string | undefined; readonly atLeast?: string | undefined };

/** All entries must match; an empty condition always matches. */
export type Condition = Readonly<Partial<Record<ConditionField, ConditionValue>>>;

export type ManifestKind =
  | "Service"
  | "EndpointSlice"
  | "Ingress"
  | "Gateway"
  | "HTTPRoute"
  | "GRPCRoute"
  | "TLSRoute"
  | "TCPRoute"
  | "UDPRoute"
  | "ReferenceGrant";

export interface OptionRule {
  readonly option: NetworkingOption;
  /** Human name used in reasons, warnings and the summary. */
  readonly label: string;
  readonly serviceType: ServiceTypeName | null;
  /** Concept whose capabilities score this option; null for NO_SERVICE. */
  readonly concept: string | null;
  /** Another concept scores the option when its condition holds (e.g. port-forward for laptops). */
  readonly conceptWhen?: readonly { readonly when: Condition; readonly concept: string }[] | undefined;
  /** Small tie-breaker: simpler, core-Kubernetes options first. */
  readonly baseScore: number;
  /** The route kind in front of the Services, for Ingress and Gateway options. */
  readonly route?: ManifestKind | undefined;
}

export interface RequirementRule {
  readonly id: string;
  readonly when: Condition;
  readonly dimension: string;
  /** HARD: the "bad" capability value rejects the option. SOFT: only scores. */
  readonly mode: "HARD" | "SOFT";
  readonly weight: number;
  /** For dimensions where YES is bad (external-cost): YES rejects or subtracts. */
  readonly invert?: boolean | undefined;
  /** What the user asked for, in words ("UDP traffic"). */
  readonly label: string;
  /** Limits the rule to these options, when a dimension is the right test only for some. */
  readonly options?: readonly NetworkingOption[] | undefined;
}

export interface ConditionRule {
  readonly id: string;
  readonly when: Condition;
  /** Options affected; omitted = a global warning independent of the choice. */
  readonly options?: readonly NetworkingOption[] | undefined;
  /** REJECT removes the option, SCORE adds `score` with `text` as a reason, WARN warns when the option is chosen. */
  readonly effect: "REJECT" | "SCORE" | "WARN";
  readonly score?: number | undefined;
  readonly text: string;
  readonly sources: readonly string[];
}

export type SettingValue = string | number | boolean | readonly string[];

export interface SettingRule {
  readonly id: string;
  readonly when: Condition;
  readonly options: readonly NetworkingOption[];
  /** Dotted path in the Service; keys containing dots go in brackets: metadata.annotations["a.b/c"]. */
  readonly path: string;
  readonly value?: SettingValue | undefined;
  /** Take the value from a requirement field instead (e.g. loadBalancerClass). */
  readonly valueFrom?: "fixedClusterIp" | "loadBalancerClass" | "allowedSourceRanges" | undefined;
  readonly why: string;
  readonly sources: readonly string[];
  /** First Kubernetes version that has the field or value enabled by default. */
  readonly since?: string | undefined;
  /** Setting id to use instead on older versions. */
  readonly fallback?: string | undefined;
  /** Only reachable as another rule's fallback. */
  readonly fallbackOnly?: boolean | undefined;
  /** Warning to give whenever the setting is applied. */
  readonly warning?: string | undefined;
}

export interface RecommendationRules {
  readonly version: 1;
  /** Default Kubernetes version when the knowledge base knows no newer one. */
  readonly minimumDefaultKubernetesVersion: string;
  /** Score of each capability value, multiplied by a rule's weight. */
  readonly valueScores: Readonly<Record<CapabilityValue, number>>;
  readonly placeholders: {
    readonly name: string;
    readonly servicePort: number;
    readonly targetPort: number;
    readonly externalHostname: string;
    readonly externalIp: string;
    readonly otherNamespace: string;
    readonly className: string;
    readonly host: string;
  };
  readonly apiVersions: Readonly<Record<ManifestKind, string>>;
  readonly options: readonly OptionRule[];
  readonly requirements: readonly RequirementRule[];
  readonly conditions: readonly ConditionRule[];
  readonly settings: readonly SettingRule[];
}

export type Facts = Requirements & DerivedFacts;

type Test = (facts: Facts) => boolean;

/** One entry of a condition as a test; see ConditionValue for what each form means. */
function testOf(field: ConditionField, expected: ConditionValue): Test {
  if (Array.isArray(expected)) {
    const allowed = new Set<string>(expected as readonly string[]);
    return (facts) => {
      const actual: unknown = facts[field];
      return Array.isArray(actual) ? actual.some((a) => allowed.has(String(a))) : allowed.has(String(actual));
    };
  }
  if (typeof expected === "boolean") return (facts) => facts[field] === expected;
  if ("set" in expected) {
    const { set } = expected;
    return (facts) => {
      const actual: unknown = facts[field];
      return (actual !== null && !(Array.isArray(actual) && actual.length === 0)) === set;
    };
  }
  if ("below" in expected || "atLeast" in expected) {
    const { below, atLeast } = expected as { below?: string; atLeast?: string };
    return ({ kubernetesVersion: version }) =>
      (below === undefined || compareVersions(version, below) < 0) && (atLeast === undefined || compareVersions(version, atLeast) >= 0);
  }
  const { min, max } = expected as { min?: number; max?: number };
  return (facts) => {
    const n = Number(facts[field]);
    return (min === undefined || n >= min) && (max === undefined || n <= max);
  };
}

// Conditions never change: each is turned into its tests once, not interpreted on every request
// (a recommendation checks dozens of them).
const testsOf = new WeakMap<Condition, readonly Test[]>();

export function matches(condition: Condition, facts: Facts): boolean {
  let tests = testsOf.get(condition);
  if (!tests) {
    tests = (Object.entries(condition) as [ConditionField, ConditionValue][]).map(([field, expected]) => testOf(field, expected));
    testsOf.set(condition, tests);
  }
  for (const test of tests) if (!test(facts)) return false;
  return true;
}
