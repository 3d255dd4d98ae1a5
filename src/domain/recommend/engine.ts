// Scores every networking option against the requirements using the knowledge base's
// capabilities and the rules file. Pure: the same input, knowledge and rules give the same answer.
import type { Capability, KnowledgeSnapshot, ServiceTypeName, Source } from "../knowledge.js";
import { uniqueSources } from "../sources.js";
import { buildManifest, generatesService } from "./manifest.js";
import {
  applyDefaults,
  deriveFacts,
  newestKnownKubernetesVersion,
  type NetworkingOption,
  type Reason,
  type Recommendation,
  type RecommendedOption,
  type RejectedOption,
  type RequirementsInput,
  type Requirements,
  type SpecSetting,
} from "./requirements.js";
import { matches, type ConditionRule, type Facts, type OptionRule, type RecommendationRules, type RequirementRule } from "./rules.js";
import { cite, computeSettings, type AppliedSetting } from "./settings.js";
import { summarize } from "./summary.js";
import { validateRequirements } from "./validate.js";

interface Scored {
  readonly rule: OptionRule;
  readonly conceptSlug: string | null;
  readonly score: number;
  readonly reasons: (Reason & { readonly weight: number })[];
  readonly violations: Reason[];
  /** Only the chosen option's warnings are shown, so they are written out only for it (see warningsOf). */
  readonly partial: { readonly label: string; readonly capability: Capability }[];
  readonly warnConditions: ConditionRule[];
}

interface SourceResolver {
  resolve(ids: readonly string[]): Source[];
  urls(ids: readonly string[]): string[];
}

function sourceResolver(knowledge: KnowledgeSnapshot): SourceResolver {
  const resolve = (ids: readonly string[]): Source[] =>
    ids.map((id) => {
      const source = knowledge.sourcesById.get(id);
      // A rule citing a source the knowledge base lacks is a content bug, not user error.
      if (!source) throw new Error(`recommendation rules cite unknown source "${id}"`);
      return source;
    });
  return { resolve, urls: (ids: readonly string[]) => resolve(ids).map((s) => s.url) };
}


/** The requirement and condition rules whose `when` holds for these facts: the same for every option. */
interface ApplicableRules {
  readonly requirements: RecommendationRules["requirements"];
  readonly conditions: RecommendationRules["conditions"];
}

type WeightedReason = Reason & { readonly weight: number };

/** What a requirement rule does to an option scored by a given concept. */
interface Outcome {
  readonly contribution: number;
  readonly violation: Reason | null;
  readonly reason: WeightedReason | null;
  /** A HARD requirement met only partly: the chosen option gets a warning. */
  readonly partial: boolean;
  readonly capability: Capability;
}

/**
 * Outcomes depend only on the rules and the knowledge, both immutable, so each is worked out once
 * and shared: a request only adds up the outcomes of the rules that apply to it.
 */
class Outcomes {
  private readonly byRequirement = new Map<RequirementRule, Map<string, Outcome | null>>();
  private readonly byCondition = new Map<ConditionRule, WeightedReason>();

  constructor(
    private readonly knowledge: KnowledgeSnapshot,
    private readonly rules: RecommendationRules,
    private readonly sources: SourceResolver,
  ) {}

  requirement(req: RequirementRule, conceptSlug: string): Outcome | null {
    let byConcept = this.byRequirement.get(req);
    if (!byConcept) this.byRequirement.set(req, (byConcept = new Map()));
    let outcome = byConcept.get(conceptSlug);
    if (outcome === undefined) byConcept.set(conceptSlug, (outcome = this.work(req, conceptSlug)));
    return outcome;
  }

  /** The reason (or, for REJECT, the violation) a condition rule gives. */
  condition(cond: ConditionRule): WeightedReason {
    let reason = this.byCondition.get(cond);
    if (!reason) this.byCondition.set(cond, (reason = { text: cond.text, sources: this.sources.resolve(cond.sources), weight: cond.score ?? 0 }));
    return reason;
  }

  private work(req: RequirementRule, conceptSlug: string): Outcome | null {
    const cap = this.knowledge.capabilitiesByConcept.get(conceptSlug)?.get(req.dimension);
    if (!cap) return null;
    if (req.mode === "HARD" && cap.value === (req.invert ? "YES" : "NO")) {
      return { contribution: 0, violation: { text: `${capitalize(req.label)}: ${cap.note}`, sources: cap.sources }, reason: null, partial: false, capability: cap };
    }
    const contribution = req.weight * this.rules.valueScores[cap.value] * (req.invert ? -1 : 1);
    const text = contribution > 0 ? cap.note : `Trade-off (${req.label}): ${cap.note}`;
    return {
      contribution,
      violation: null,
      reason: contribution === 0 ? null : { text, sources: cap.sources, weight: contribution },
      partial: req.mode === "HARD" && (cap.value === "PARTIAL" || cap.value === "DEPENDS"),
      capability: cap,
    };
  }
}

const outcomesOf = new WeakMap<RecommendationRules, WeakMap<KnowledgeSnapshot, Outcomes>>();

function outcomes(knowledge: KnowledgeSnapshot, rules: RecommendationRules): Outcomes {
  let byKnowledge = outcomesOf.get(rules);
  if (!byKnowledge) outcomesOf.set(rules, (byKnowledge = new WeakMap()));
  let found = byKnowledge.get(knowledge);
  if (!found) byKnowledge.set(knowledge, (found = new Outcomes(knowledge, rules, sourceResolver(knowledge))));
  return found;
}

function scoreOption(rule: OptionRule, facts: Facts, applicable: ApplicableRules, known: Outcomes): Scored {
  const conceptSlug = rule.conceptWhen?.find((c) => matches(c.when, facts))?.concept ?? rule.concept;
  const reasons: WeightedReason[] = [];
  const violations: Reason[] = [];
  const partial: Scored["partial"][number][] = [];
  const warnConditions: ConditionRule[] = [];
  let score = rule.baseScore;

  if (conceptSlug) {
    for (const req of applicable.requirements) {
      if (req.options && !req.options.includes(rule.option)) continue;
      const outcome = known.requirement(req, conceptSlug);
      if (!outcome) continue;
      if (outcome.violation) {
        violations.push(outcome.violation);
        continue;
      }
      score += outcome.contribution;
      if (outcome.reason) reasons.push(outcome.reason);
      if (outcome.partial) partial.push({ label: req.label, capability: outcome.capability });
    }
  }

  for (const cond of applicable.conditions) {
    if (!cond.options?.includes(rule.option)) continue;
    if (cond.effect === "REJECT") violations.push(known.condition(cond));
    else if (cond.effect === "WARN") warnConditions.push(cond);
    else {
      const reason = known.condition(cond);
      score += reason.weight;
      reasons.push(reason);
    }
  }
  return { rule, conceptSlug, score: Math.round(score * 100) / 100, reasons, violations, partial, warnConditions };
}

function warningsOf(s: Scored, sources: SourceResolver): string[] {
  return [
    ...s.partial.map(({ label, capability }) =>
      cite(`${capitalize(s.rule.label)} meets "${label}" only partly: ${capability.note}`, capability.sources.map((source) => source.url)),
    ),
    ...s.warnConditions.map((cond) => cite(cond.text, sources.urls(cond.sources))),
  ];
}

const MAX_REASONS = 8;
// "gRPC traffic" keeps its spelling; "reachable from ..." starts a sentence.
const capitalize = (s: string) => (/^[a-z][a-z ]/.test(s) ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/**
 * Rendering YAML is most of a recommendation's cost, and clients rarely read every alternative's
 * manifest: it is rendered on first read, then kept (same input, same text).
 *
 * A class, not an object literal with `get manifest()`: V8 gives every such literal a new accessor
 * pair in the old generation, which then keeps the whole request's objects alive through young
 * collections until the next full one (recommendServiceType promoted 12.8 KB per request).
 */
class PresentedOption implements RecommendedOption {
  readonly option: NetworkingOption;
  readonly serviceType: ServiceTypeName | null;
  readonly score: number;
  readonly settings: readonly SpecSetting[];
  readonly conceptSlug: string | null;
  // Private fields, so the object's own properties are only the answer's.
  readonly #rule: OptionRule;
  readonly #appliedSettings: readonly AppliedSetting[];
  readonly #facts: Facts;
  readonly #rules: RecommendationRules;
  #manifest: string | undefined;

  constructor(s: Scored, readonly reasons: readonly Reason[], appliedSettings: readonly AppliedSetting[], facts: Facts, rules: RecommendationRules) {
    this.option = s.rule.option;
    this.serviceType = s.rule.serviceType;
    this.score = s.score;
    this.settings = appliedSettings.map(({ path, value, why }) => ({ path, value, why }));
    this.conceptSlug = s.conceptSlug;
    this.#rule = s.rule;
    this.#appliedSettings = appliedSettings;
    this.#facts = facts;
    this.#rules = rules;
  }

  get manifest(): string {
    return (this.#manifest ??= buildManifest(this.#rule, this.#facts, this.#rules, this.#appliedSettings));
  }
}

function present(s: Scored, facts: Facts, rules: RecommendationRules, { urls }: SourceResolver): { option: RecommendedOption; warnings: readonly string[] } {
  const { settings, warnings } = generatesService(s.rule, facts)
    ? computeSettings(s.rule.option, facts, rules, urls)
    : { settings: [], warnings: [] };
  const seen = new Set<string>();
  // Strongest reasons first; drawbacks stay visible but after the arguments for the option.
  const reasons = [...s.reasons]
    .sort((a, b) => Number(b.weight > 0) - Number(a.weight > 0) || Math.abs(b.weight) - Math.abs(a.weight))
    .filter((r) => !seen.has(r.text) && seen.add(r.text))
    .slice(0, MAX_REASONS)
    .map(({ text, sources }) => ({ text, sources }));
  const option = new PresentedOption(s, reasons, settings, facts, rules);
  return { option, warnings };
}

export function resolveRequirements(input: RequirementsInput, knowledge: KnowledgeSnapshot, rules: RecommendationRules): Requirements {
  const version = newestKnownKubernetesVersion(knowledge, rules.minimumDefaultKubernetesVersion);
  validateRequirements(input, version);
  return applyDefaults(input, version, rules.placeholders);
}

export function recommend(input: RequirementsInput, knowledge: KnowledgeSnapshot, rules: RecommendationRules): Recommendation {
  const requirements = resolveRequirements(input, knowledge, rules);
  // Not `{ ...requirements, ...derived }`: properties added after a spread gave V8 a new hidden
  // class on every request (4 µs, the costliest line of a recommendation); assign keeps one.
  const facts: Facts = Object.assign({}, requirements, deriveFacts(requirements));
  const order = (s: Scored) => rules.options.indexOf(s.rule);
  const applicable: ApplicableRules = {
    requirements: rules.requirements.filter((r) => matches(r.when, facts)),
    conditions: rules.conditions.filter((c) => matches(c.when, facts)),
  };
  const known = outcomes(knowledge, rules);
  const sources = sourceResolver(knowledge);
  const scored = rules.options.map((o) => scoreOption(o, facts, applicable, known));
  const byRank = (a: Scored, b: Scored) => b.score - a.score || order(a) - order(b);
  const viable = scored.filter((s) => s.violations.length === 0).sort(byRank);
  const rejectedScored = scored.filter((s) => s.violations.length > 0);
  const globalWarnings: string[] = [];
  for (const cond of applicable.conditions) {
    if (cond.effect === "WARN" && !cond.options) globalWarnings.push(cite(cond.text, sources.urls(cond.sources)));
  }

  // When nothing fits every hard requirement, show the closest option rather than nothing.
  const fallback = [...rejectedScored].sort((a, b) => a.violations.length - b.violations.length || byRank(a, b))[0];
  const bestScored = viable[0] ?? fallback;
  if (!bestScored) throw new Error("recommendation rules define no options");
  if (!viable.length) {
    globalWarnings.push(
      `No option meets every requirement; ${bestScored.rule.label} is the closest, but: ${bestScored.violations.map((v) => v.text).join(" ")}`,
    );
  }
  const best = present(bestScored, facts, rules, sources);
  const alternatives = viable.filter((s) => s !== bestScored).map((s) => present(s, facts, rules, sources).option);
  const rejected: RejectedOption[] = rejectedScored
    .filter((s) => s !== bestScored)
    .map((s) => ({ option: s.rule.option, reason: [...new Set(s.violations.map((v) => v.text))].join(" "), sources: uniqueSources(s.violations.map((v) => v.sources)) }));
  const warnings = [...new Set([...globalWarnings, ...warningsOf(bestScored, sources), ...best.warnings])];
  const labels = new Map(rules.options.map((o) => [o.option, o.label]));
  return {
    best: best.option,
    alternatives,
    rejected,
    warnings,
    summary: summarize(best.option, alternatives, rejected, warnings, (o) => labels.get(o) ?? o),
  };
}
