// Troubleshooting and how-to guides: lookup, listing with filters, and the plain-text steps that
// `ask`, GraphQL and MCP show. Pure functions over the snapshot's guides document.
import { badInput } from "../errors.js";
import type { Guide, KnowledgeSnapshot } from "../knowledge.js";
import { paginate, type Page } from "../paginate.js";

export type GuideKind = Guide["kind"];

const normalize = (s: string) => s.trim().toLowerCase();

/** A guide by its slug (case and surrounding spaces ignored); undefined when there is none. */
export function findGuide(knowledge: KnowledgeSnapshot, slug: string): Guide | undefined {
  const wanted = normalize(slug);
  return knowledge.documents.guides.find((g) => g.slug === wanted);
}

export interface GuideFilter {
  readonly kind?: GuideKind | null;
  /** Only guides about this concept (a slug). */
  readonly concept?: string | null;
}

/** Guides in slug order, filtered, as a Relay page. */
export function listGuides(knowledge: KnowledgeSnapshot, filter: GuideFilter | null | undefined, first: number, after?: string | null): Page<Guide> {
  if (filter?.concept && !knowledge.conceptsBySlug.has(filter.concept)) {
    throw badInput(`No concept has the slug "${filter.concept.slice(0, 60)}".`, "filter.concept");
  }
  const matching = [...knowledge.documents.guides]
    .filter((g) => (!filter?.kind || g.kind === filter.kind) && (!filter?.concept || g.concepts.includes(filter.concept)))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return paginate(matching, (g) => g.slug, first, after);
}

/**
 * What to do, as plain sentences a chatbot can read out: the steps of a how-to guide, or for a
 * troubleshooting guide its first checks and then each likely cause with its check commands and fix.
 */
export function guideSteps(guide: Guide): string[] {
  const steps = [...guide.steps];
  guide.causes.forEach((cause, i) => {
    const checks = cause.checks.map((c) => `\`${c}\``).join(", ");
    const signs = cause.signs ? ` ${cause.signs}` : "";
    steps.push(`Cause ${i + 1}: ${cause.cause} Check: ${checks}.${signs} Fix: ${cause.fix}`);
  });
  return steps;
}
