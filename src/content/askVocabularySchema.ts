// The shape of prisma/content/ask/*.yaml: how `ask` recognises the kind of question (yes/no,
// how-to, troubleshooting) and which comparison dimension a phrase names. Adding a phrasing is a
// change to this data, not to code.
import { z } from "zod";
import type { AskVocabularyEntry, KnowledgeSnapshot } from "../domain/knowledge.js";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug");
const pattern = z
  .string()
  .min(1)
  .max(300)
  .refine((p) => {
    try {
      new RegExp(p, "i");
      return true;
    } catch {
      return false;
    }
  }, "must be a valid regular expression");

export const askVocabularySchema = z.discriminatedUnion("use", [
  z.strictObject({
    use: z.literal("QUESTION_KIND"),
    kind: z.enum(["YES_NO", "HOW_TO", "TROUBLESHOOTING"]),
    /** Case-insensitive regular expressions tried on the whole question (whitespace collapsed). */
    patterns: z.array(pattern).min(1),
  }),
  z.strictObject({
    use: z.literal("FILLER"),
    /** Words that carry no topic in a question ("does", "have", "possible"); ask leaves them out when it looks for answers. */
    words: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9']+$/, "must be one lower-case word")).min(1),
  }),
  z.strictObject({
    use: z.literal("DIMENSION"),
    dimension: slug,
    /** Lower-case words or phrases that name the dimension in a question ("udp", "sticky sessions"). */
    phrases: z.array(z.string().trim().min(1).max(60)).min(1),
  }),
]);
export type AskVocabularyEntryInput = z.infer<typeof askVocabularySchema>;

export function checkAskVocabulary(entries: readonly AskVocabularyEntry[], knowledge: KnowledgeSnapshot): string[] {
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    if (entry.use === "DIMENSION" && !knowledge.dimensionsBySlug.has(entry.dimension)) {
      problems.push(`entry ${index + 1}: unknown dimension "${entry.dimension}"`);
    }
  });
  return problems;
}
