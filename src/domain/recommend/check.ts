// Cross-checks the rules file against the knowledge base, for the seed and for tests: every
// cited source and concept must exist, so a bad reference fails at load time, not in a request.
import type { KnowledgeSnapshot } from "../knowledge.js";
import type { RecommendationRules } from "./rules.js";

export function ruleSourceProblems(rules: RecommendationRules, knowledge: KnowledgeSnapshot): string[] {
  const problems: string[] = [];
  const cited = [...rules.conditions, ...rules.settings].flatMap((r) => r.sources.map((id) => ({ id, rule: r.id })));
  for (const { id, rule } of cited) {
    if (!knowledge.sourcesById.has(id)) problems.push(`rules.yaml: rule "${rule}" cites unknown source "${id}"`);
  }
  for (const o of rules.options) {
    for (const slug of [o.concept, ...(o.conceptWhen ?? []).map((c) => c.concept)]) {
      if (slug && !knowledge.conceptsBySlug.has(slug)) problems.push(`rules.yaml: option ${o.option} names unknown concept "${slug}"`);
    }
  }
  for (const r of rules.requirements) {
    if (!knowledge.dimensionsBySlug.has(r.dimension)) problems.push(`rules.yaml: requirement "${r.id}" names unknown dimension "${r.dimension}"`);
  }
  return problems;
}
