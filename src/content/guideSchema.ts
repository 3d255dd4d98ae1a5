// The shape of prisma/content/guides/*.yaml: troubleshooting and how-to guides written from the
// official docs. A guide answers a question of its own kind ("why does X not work", "how do I Y").
// Troubleshooting guides list the likely causes in the order worth checking, each with the exact
// commands that confirm or rule it out and the fix; how-to guides list steps and may carry a manifest.
import { z } from "zod";
import type { Guide } from "../domain/knowledge.js";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug");
const nonEmpty = z.string().trim().min(1);
/** One plain sentence or two: no Markdown headings or lists, so chatbots can say it as it is. */
const sentence = nonEmpty.max(500).refine((s) => !/^\s*(#|[-*] )/.test(s), "must be plain text, not Markdown");

export const GUIDE_KINDS = ["TROUBLESHOOTING", "HOW_TO"] as const;

/** A likely cause of a symptom: how to confirm it and how to fix it. */
export const guideCauseSchema = z.strictObject({
  /** What is wrong, as a statement ("The Service selector matches no Pod labels"). */
  cause: sentence,
  /** Exact commands that show whether this is the cause, in the order to run them. */
  checks: z.array(nonEmpty.max(300)).min(1),
  /** What the output looks like when this is the cause. */
  signs: sentence.optional(),
  /** What to change. */
  fix: sentence,
});

export const guideSchema = z
  .strictObject({
    slug,
    kind: z.enum(GUIDE_KINDS),
    title: nonEmpty.max(120),
    /** Plain text, at most three sentences: what a chatbot says first. */
    summary: nonEmpty.max(400),
    /** How people ask for this guide, in their own words; search and `ask` match on them. */
    questions: z.array(nonEmpty.max(200)).min(2),
    /** Words people use for this symptom or task that the questions do not already say (error texts, field names). */
    keywords: z.array(nonEmpty.max(80)).default([]),
    /** How-to: what to do, in order. Troubleshooting: first checks that apply whatever the cause (optional). */
    steps: z.array(sentence).default([]),
    /** Troubleshooting: the likely causes, most common first. */
    causes: z.array(guideCauseSchema).default([]),
    exampleManifest: nonEmpty.optional(),
    /** Concepts the guide is about, most central first. */
    concepts: z.array(slug).default([]),
    /** Guides worth reading next (slugs in prisma/content/guides/). */
    seeAlso: z.array(slug).default([]),
    sources: z.array(slug).min(1),
  })
  .superRefine((guide, ctx) => {
    if (guide.kind === "TROUBLESHOOTING" && guide.causes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["causes"], message: "a TROUBLESHOOTING guide needs at least one cause" });
    }
    if (guide.kind === "HOW_TO" && guide.steps.length === 0) {
      ctx.addIssue({ code: "custom", path: ["steps"], message: "a HOW_TO guide needs at least one step" });
    }
    if (guide.kind === "HOW_TO" && guide.causes.length > 0) {
      ctx.addIssue({ code: "custom", path: ["causes"], message: "only TROUBLESHOOTING guides list causes" });
    }
    if (guide.seeAlso.includes(guide.slug)) ctx.addIssue({ code: "custom", path: ["seeAlso"], message: "a guide cannot refer to itself" });
  });
export type GuideEntry = z.infer<typeof guideSchema>;

/** Guides name other guides in `seeAlso`; those must exist too. */
export function checkGuideReferences(entries: readonly Guide[]): string[] {
  const slugs = new Set(entries.map((g) => g.slug));
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    for (const other of entry.seeAlso) if (!slugs.has(other)) problems.push(`entry ${index + 1} (${entry.slug}): unknown guide "${other}" in seeAlso`);
  });
  return problems;
}
