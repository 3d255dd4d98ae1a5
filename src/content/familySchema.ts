// The shape of prisma/content/families/*.yaml: groups of concepts that users compare with each
// other, and the dimensions that apply within each group. Every concept of a family must have a
// capability on every dimension of the family, so `compare` never shows an empty cell where the
// documentation gives an answer; a missing cell fails the content check.
import { z } from "zod";
import type { ComparisonFamily, KnowledgeSnapshot } from "../domain/knowledge.js";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug");
const nonEmpty = z.string().trim().min(1);

export const familySchema = z.strictObject({
  slug,
  name: nonEmpty,
  /** Why these concepts are compared, and why these dimensions (and not others) apply to them. */
  description: nonEmpty,
  concepts: z.array(slug).min(2),
  dimensions: z.array(slug).min(1),
});
export type FamilyEntry = z.infer<typeof familySchema>;

/** Unknown concepts or dimensions, duplicates, and every (concept, dimension) cell without a capability. */
export function checkFamilies(entries: readonly ComparisonFamily[], knowledge: KnowledgeSnapshot): string[] {
  const problems: string[] = [];
  for (const family of entries) {
    const where = `family "${family.slug}"`;
    for (const [field, list] of [["concepts", family.concepts], ["dimensions", family.dimensions]] as const) {
      const seen = new Set<string>();
      for (const item of list) {
        if (seen.has(item)) problems.push(`${where}: ${field} lists "${item}" twice`);
        seen.add(item);
      }
    }
    for (const concept of family.concepts) if (!knowledge.conceptsBySlug.has(concept)) problems.push(`${where}: unknown concept "${concept}"`);
    for (const dimension of family.dimensions) if (!knowledge.dimensionsBySlug.has(dimension)) problems.push(`${where}: unknown dimension "${dimension}"`);
    for (const concept of family.concepts) {
      if (!knowledge.conceptsBySlug.has(concept)) continue;
      const capabilities = knowledge.capabilitiesByConcept.get(concept);
      const missing = family.dimensions.filter((d) => knowledge.dimensionsBySlug.has(d) && !capabilities?.has(d));
      if (missing.length) problems.push(`${where}: concept "${concept}" has no capability on dimension(s) ${missing.map((d) => `"${d}"`).join(", ")}`);
    }
  }
  return problems;
}
