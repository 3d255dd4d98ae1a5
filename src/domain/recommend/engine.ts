// Scores every networking option against the requirements using the knowledge base's
// capabilities and the rules file. Pure: the same input, knowledge and rules give the same answer.
import type { Capability, KnowledgeSnapshot, Source } from "../knowledge.js";
import { uniqueSources } from "../sources.js";
import { buildManifest, generatesService } from "./manifest.js";
import {
  applyDefaults,
  deriveFacts,
  newestKnownKubernetesVersion,
  type Reason,
  type Recommendation,
  type RecommendedOption,
  type RejectedOption,
  type RequirementsInput,
  type Requirements,
} from "./requirements.js";
import { matches, type ConditionRule, type Facts, type OptionRule, type RecommendationRules } from "./rules.js";
import { cite, computeSettings } from "./settings.js";
import { summarize } from "./summary.js";
import { validateRequirements } from "./validate.js";

interface Scored {
  readonly rule: OptionRule;
  readonly conceptSlug: string | null;
  readonly score: number;
  readonly reasons: (Reason & { weight: number })[];
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

function scoreOption(
  rule: OptionRule,
  facts: Facts,
  knowledge: KnowledgeSnapshot,
  rules: RecommendationRules,
  applicable: ApplicableRules,
  sources: SourceResolver,
): Scored {
  const conceptSlug = rule.conceptWhen?.find((c) => matches(c.when, facts))?.concept ?? rule.concept;
  const capabilities = conceptSlug ? knowledge.capabilitiesByConcept.get(conceptSlug) : undefined;
  const reasons: (Reason & { weight: number })[] = [];
  const violations: Reason[] = [];
  const partial: Scored["partial"][number][] = [];
  const warnConditions: ConditionRule[] = [];
  let score = rule.baseScore;

  for (const req of applicable.requirements) {
    if (req.options && !req.options.includes(rule.option)) continue;
    const cap = capabilities?.get(req.dimension);
    if (!cap) continue;
    const bad = req.invert ? "YES" : "NO";
    if (req.mode === "HARD" && cap.value === bad) {
      violations.push({ text: `${capitalize(req.label)}: ${cap.note}`, sources: cap.sources });
      continue;
    }
    const contribution = req.weight * rules.valueScores[cap.value] * (req.invert ? -1 : 1);
    score += contribution;
    if (contribution > 0) reasons.push({ text: cap.note, sources: cap.sources, weight: contribution });
    else if (contribution < 0) reasons.push({ text: `Trade-off (${req.label}): ${cap.note}`, sources: cap.sources, weight: contribution });
    if (req.mode === "HARD" && (cap.value === "PARTIAL" || cap.value === "DEPENDS")) {
      partial.push({ label: req.label, capability: cap });
    }
  }

  for (const cond of applicable.conditions) {
    if (!cond.options?.includes(rule.option)) continue;
    if (cond.effect === "REJECT") violations.push({ text: cond.text, sources: sources.resolve(cond.sources) });
    else if (cond.effect === "WARN") warnConditions.push(cond);
    else {
      const delta = cond.score ?? 0;
      score += delta;
      reasons.push({ text: cond.text, sources: sources.resolve(cond.sources), weight: delta });
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
  // Rendering YAML is most of a recommendation's cost, and clients rarely read every
  // alternative's manifest: render on first read, then keep it (same input, same text).
  let manifest: string | undefined;
  const option: RecommendedOption = {
    option: s.rule.option,
    serviceType: s.rule.serviceType,
    score: s.score,
    reasons,
    settings: settings.map(({ path, value, why }) => ({ path, value, why })),
    conceptSlug: s.conceptSlug,
    get manifest() {
      return (manifest ??= buildManifest(s.rule, facts, rules, settings));
    },
  };
  return { option, warnings };
}

export function resolveRequirements(input: RequirementsInput, knowledge: KnowledgeSnapshot, rules: RecommendationRules): Requirements {
  validateRequirements(input);
  const version = newestKnownKubernetesVersion(knowledge, rules.minimumDefaultKubernetesVersion);
  return applyDefaults(input, version, rules.placeholders);
}

export function recommend(input: RequirementsInput, knowledge: KnowledgeSnapshot, rules: RecommendationRules): Recommendation {
  const requirements = resolveRequirements(input, knowledge, rules);
  const facts: Facts = { ...requirements, ...deriveFacts(requirements) };
  const order = (s: Scored) => rules.options.indexOf(s.rule);
  const applicable: ApplicableRules = {
    requirements: rules.requirements.filter((r) => matches(r.when, facts)),
    conditions: rules.conditions.filter((c) => matches(c.when, facts)),
  };
  const sources = sourceResolver(knowledge);
  const scored = rules.options.map((o) => scoreOption(o, facts, knowledge, rules, applicable, sources));
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
