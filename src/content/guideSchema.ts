// The shape of prisma/content/guides/*.yaml: troubleshooting and how-to guides written from the
// official docs. A guide answers a question of its own kind ("why does X not work", "how do I Y").
import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug");
const nonEmpty = z.string().trim().min(1);

export const GUIDE_KINDS = ["TROUBLESHOOTING", "HOW_TO"] as const;

export const guideSchema = z.strictObject({
  slug,
  kind: z.enum(GUIDE_KINDS),
  title: nonEmpty,
  /** Plain text, at most three sentences: what a chatbot says first. */
  summary: nonEmpty.max(400),
  /** How people ask for this guide, in their own words; search and `ask` match on them. */
  questions: z.array(nonEmpty).min(1),
  /** In order: what to do (how-to) or what to check (troubleshooting), each a plain sentence. */
  steps: z.array(nonEmpty).min(1),
  exampleManifest: nonEmpty.optional(),
  concepts: z.array(slug).default([]),
  sources: z.array(slug).min(1),
});
export type GuideEntry = z.infer<typeof guideSchema>;
