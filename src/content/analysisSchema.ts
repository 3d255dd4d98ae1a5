// The shape of prisma/content/analysis/*.yaml: the checks of manifest analysis. The logic of each
// check is code keyed by its id (src/domain/analysis/); its category, severity, texts, sources and
// the lists it reads (removed apiVersions, deprecated fields and annotations, controller names) are
// data here, so a phrasing, a severity or a newly deprecated annotation is a content change.
import { z } from "zod";
import { ANALYSIS_RULE_IDS } from "../domain/analysis/ruleIds.js";
import { FINDING_CATEGORIES, FINDING_SEVERITIES, type AnalysisRule } from "../domain/analysis/issues.js";
import type { KnowledgeSnapshot } from "../domain/knowledge.js";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug");
const nonEmpty = z.string().trim().min(1);
const version = z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'must be a version such as "1.22"');
const kinds = z.array(z.string().regex(/^[A-Z][A-Za-z]+$/, "must be a Kind such as Service")).min(1);

const apiVersionSchema = z.strictObject({
  apiVersion: z.string().regex(/^([a-z0-9.-]+\/)?v\d+((alpha|beta)\d+)?$/, "must be an apiVersion such as networking.k8s.io/v1beta1"),
  kinds,
  deprecatedIn: version.optional(),
  removedIn: version.optional(),
  replacement: nonEmpty,
});

const versionedItemSchema = z
  .strictObject({
    kinds,
    path: z.string().regex(/^[a-zA-Z]+(\[\])?(\.[a-zA-Z]+(\[\])?)*$/, "must be a dotted field path such as spec.ports[].appProtocol").optional(),
    value: nonEmpty.optional(),
    annotation: z.string().regex(/^[a-z0-9.-]+\/[A-Za-z0-9._*-]*$/, "must be an annotation key (a trailing * matches a prefix)").optional(),
    concept: slug.optional(),
    introducedIn: version.optional(),
    deprecatedIn: version.optional(),
    replacement: nonEmpty.optional(),
    allowed: z.array(nonEmpty).min(1).optional(),
  })
  .refine((item) => (item.path === undefined) !== (item.annotation === undefined), "give exactly one of path and annotation");

export const analysisRuleSchema = z.strictObject({
  id: slug,
  category: z.enum(FINDING_CATEGORIES),
  severity: z.enum(FINDING_SEVERITIES),
  title: nonEmpty.max(120),
  message: nonEmpty,
  fix: nonEmpty,
  sources: z.array(slug).min(1),
  concepts: z.array(slug).default([]),
  apiVersions: z.array(apiVersionSchema).optional(),
  items: z.array(versionedItemSchema).optional(),
  values: z.array(nonEmpty).optional(),
});

export type AnalysisRuleEntry = z.infer<typeof analysisRuleSchema>;
// The content type must be usable where the domain expects its interface.
export const asDomainRule = (entry: AnalysisRuleEntry): AnalysisRule => entry;

/** Sources and concepts exist, item concepts have lifecycles, and every rule the code reports has an entry. */
export function checkAnalysisRules(entries: readonly AnalysisRule[], knowledge: KnowledgeSnapshot): string[] {
  const problems: string[] = [];
  const ids = new Set(entries.map((e) => e.id));
  for (const id of ANALYSIS_RULE_IDS) if (!ids.has(id)) problems.push(`rule "${id}" is reported by the analysis code but has no entry`);
  for (const id of ids) if (!(ANALYSIS_RULE_IDS as readonly string[]).includes(id)) problems.push(`rule "${id}" has an entry but no check reports it`);
  entries.forEach((entry) => {
    const where = `rule ${entry.id}`;
    for (const id of entry.sources) if (!knowledge.sourcesById.has(id)) problems.push(`${where}: unknown source "${id}"`);
    for (const s of entry.concepts) if (!knowledge.conceptsBySlug.has(s)) problems.push(`${where}: unknown concept "${s}"`);
    for (const [i, item] of (entry.items ?? []).entries()) {
      if (!item.concept) {
        if (!item.introducedIn && !item.deprecatedIn && !item.allowed) problems.push(`${where}: item ${i + 1} needs a concept with a lifecycle or its own versions`);
        continue;
      }
      const concept = knowledge.conceptsBySlug.get(item.concept);
      if (!concept) problems.push(`${where}: item ${i + 1}: unknown concept "${item.concept}"`);
      else if (!concept.lifecycle) problems.push(`${where}: item ${i + 1}: concept "${item.concept}" has no lifecycle to decide by`);
    }
  });
  return problems;
}
