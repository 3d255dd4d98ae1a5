// Content kinds that are read whole: guides, phrase vocabularies, annotation mappings, manifest
// rules. Each has a folder under prisma/content/ whose YAML files are lists of entries. The seed
// validates them with the entry schema, checks their references against the rest of the knowledge,
// and stores each kind as one JSON document; the server validates it again when it reads it.
//
// Adding a kind: write its entry schema, add it here and to ContentDocuments (src/domain/knowledge.ts).
import { z } from "zod";
import type { ContentDocuments, KnowledgeSnapshot } from "../domain/knowledge.js";
import { askVocabularySchema, checkAskVocabulary } from "./askVocabularySchema.js";
import { checkGuideReferences, guideSchema } from "./guideSchema.js";
import { checkCoverage, coverageSchema } from "./coverageSchema.js";
import { checkFamilies, familySchema } from "./familySchema.js";
import { checkInterpretation, interpretationEntrySchema } from "./interpretationSchema.js";
import { checkIngressMigration, ingressMigrationSchema } from "./migrationSchema.js";
import { analysisRuleSchema, checkAnalysisRules } from "./analysisSchema.js";

export interface ContentDocumentKind<T> {
  /** Folder under prisma/content/ holding the YAML files of this kind. */
  readonly folder: string;
  readonly entry: z.ZodType<T, unknown>;
  /** Entries named by this field must be unique across the folder (reported with the file). */
  readonly idField?: string;
  /** Cross-references (concepts, sources, dimensions) checked against the knowledge they will run on. */
  readonly check?: (entries: readonly T[], knowledge: KnowledgeSnapshot) => string[];
}

type Registry = { readonly [K in keyof ContentDocuments]: ContentDocumentKind<ContentDocuments[K][number]> };

export const CONTENT_DOCUMENTS: Registry = {
  guides: {
    folder: "guides",
    entry: guideSchema,
    idField: "slug",
    check: (entries, knowledge) => [...checkSlugAndSourceReferences(entries, knowledge), ...checkGuideReferences(entries)],
  },
  askVocabulary: { folder: "ask", entry: askVocabularySchema, check: checkAskVocabulary },
  families: { folder: "families", entry: familySchema, idField: "slug", check: checkFamilies },
  coverage: { folder: "coverage", entry: coverageSchema, check: checkCoverage },
  interpretation: { folder: "interpretation", entry: interpretationEntrySchema, check: checkInterpretation },
  ingressMigration: { folder: "migration", entry: ingressMigrationSchema, check: checkIngressMigration },
  analysisRules: { folder: "analysis", entry: analysisRuleSchema, idField: "id", check: checkAnalysisRules },
};

export type ContentDocumentName = keyof ContentDocuments;
export const CONTENT_DOCUMENT_NAMES = Object.keys(CONTENT_DOCUMENTS) as ContentDocumentName[];

/** The validated entries of one kind read back from the store (a tampered row fails here). */
export function parseContentDocument<K extends ContentDocumentName>(name: K, json: string): ContentDocuments[K] {
  return z.array(CONTENT_DOCUMENTS[name].entry).parse(JSON.parse(json)) as ContentDocuments[K];
}

/** For entries that cite `sources` and name `concepts` by slug: both must exist. */
export function checkSlugAndSourceReferences(
  entries: readonly { readonly slug?: string; readonly concepts?: readonly string[]; readonly sources?: readonly string[] }[],
  knowledge: KnowledgeSnapshot,
): string[] {
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}${entry.slug ? ` (${entry.slug})` : ""}`;
    for (const slug of entry.concepts ?? []) if (!knowledge.conceptsBySlug.has(slug)) problems.push(`${where}: unknown concept "${slug}"`);
    for (const id of entry.sources ?? []) if (!knowledge.sourcesById.has(id)) problems.push(`${where}: unknown source "${id}"`);
  });
  return problems;
}
