// Annotation rules: which rule of the data applies to an annotation, and the mapping row it yields.
import type { Source } from "../knowledge.js";
import type { AnnotationOverride, AnnotationRule, AnnotationScope, MigrationOutcome } from "./rules.js";

export interface AnnotationMapping {
  /** namespace/name of the Ingress. */
  readonly ingress: string;
  readonly annotation: string;
  readonly value: string;
  readonly outcome: MigrationOutcome;
  readonly gatewayField: string | null;
  readonly note: string;
  readonly sources: readonly Source[];
}

/** The resolved rule for one annotation: the rule's fields with the matching case and variant applied. */
export interface ResolvedRule {
  readonly rule: AnnotationRule;
  readonly outcome: MigrationOutcome;
  readonly gatewayField: string | undefined;
  readonly note: string;
  readonly nearest: string | undefined;
  readonly behaviours: readonly string[];
  readonly sources: readonly string[];
}

export class AnnotationRules {
  private readonly exact = new Map<string, AnnotationRule>();
  private readonly prefixes: { scope: AnnotationScope; prefix: string; rule: AnnotationRule }[] = [];
  private readonly whenCache = new Map<string, RegExp>();

  constructor(rules: readonly AnnotationRule[]) {
    for (const rule of rules) {
      if (rule.annotation.endsWith("*")) this.prefixes.push({ scope: rule.scope, prefix: rule.annotation.slice(0, -1), rule });
      else this.exact.set(`${rule.scope} ${rule.annotation}`, rule);
    }
    // Longest prefix first, so `nginx.ingress.kubernetes.io/*` wins over `*`.
    this.prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The exact rule for the key in the scope, else the longest prefix rule; every scope has a `*` rule. */
  find(scope: AnnotationScope, key: string): AnnotationRule {
    const exact = this.exact.get(`${scope} ${key}`);
    if (exact) return exact;
    const found = this.prefixes.find((p) => p.scope === scope && key.startsWith(p.prefix));
    if (!found) throw new Error(`no default annotation rule for scope ${scope}`);
    return found.rule;
  }

  /** Applies the first case whose `when` matches the value, then the variant the transform reported. */
  resolve(rule: AnnotationRule, value: string, variant: string | undefined): ResolvedRule {
    let merged: AnnotationOverride & { note: string; outcome: MigrationOutcome } = rule;
    const kase = rule.cases.find((c) => this.when(c.when).test(value.trim()));
    if (kase) merged = { ...merged, ...defined(kase) };
    const v = variant ? rule.variants[variant] : undefined;
    if (v) merged = { ...merged, ...defined(v) };
    return {
      rule,
      outcome: merged.outcome,
      gatewayField: merged.gatewayField,
      note: merged.note,
      nearest: merged.nearest,
      behaviours: [...rule.behaviours, ...(kase?.behaviours ?? []), ...(v?.behaviours ?? [])],
      sources: merged.sources ?? rule.sources,
    };
  }

  private when(pattern: string): RegExp {
    let re = this.whenCache.get(pattern);
    if (!re) {
      re = new RegExp(pattern, "i");
      this.whenCache.set(pattern, re);
    }
    return re;
  }
}

function defined(o: AnnotationOverride): AnnotationOverride {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== "when" && k !== "behaviours"));
}
