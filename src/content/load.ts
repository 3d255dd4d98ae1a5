// Reads and validates the knowledge content files. Every problem is reported with the file,
// the entry and the field, so a reviewer can fix a broken file without reading code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { PROJECT_ROOT } from "../config.js";
import { ruleSourceProblems, type RecommendationRules } from "../domain/recommend/index.js";
import { buildSnapshot } from "../domain/snapshot.js";
import { knowledgeDigest } from "./digest.js";
import { contentToKnowledgeData } from "./knowledgeData.js";
import type { ContentDocuments } from "../domain/knowledge.js";
import { CONTENT_DOCUMENTS, CONTENT_DOCUMENT_NAMES, type ContentDocumentName } from "./documents.js";
import { recommendationRulesSchema } from "./recommendationSchema.js";
import {
  capabilitiesFileSchema,
  comparisonsFileSchema,
  conceptsFileSchema,
  dimensionsFileSchema,
  serviceTypesFileSchema,
  sourcesFileSchema,
  type CapabilityEntry,
  type ComparisonEntry,
  type ConceptEntry,
  type DimensionEntry,
  type ServiceTypeEntry,
  type SourceEntry,
} from "./schema.js";

export interface Content {
  /** Digest of the knowledge (src/content/digest.ts): changes exactly when the knowledge changes. */
  readonly version: string;
  readonly sources: ReadonlyMap<string, SourceEntry>;
  readonly dimensions: readonly DimensionEntry[];
  readonly concepts: readonly ConceptEntry[];
  readonly serviceTypes: readonly ServiceTypeEntry[];
  readonly capabilities: readonly CapabilityEntry[];
  readonly comparisons: readonly ComparisonEntry[];
  readonly recommendationRules: RecommendationRules;
  readonly documents: ContentDocuments;
}

export class ContentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The knowledge content has ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
    this.name = "ContentError";
  }
}

export const DEFAULT_CONTENT_DIR = path.join(PROJECT_ROOT, "prisma", "content");

interface ContentFile {
  readonly relativePath: string;
  readonly text: string;
}

function listYamlFiles(dir: string, base: string): ContentFile[] {
  const files: ContentFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) files.push(...listYamlFiles(full, base));
    else if (/\.ya?ml$/.test(name)) files.push({ relativePath: path.relative(base, full), text: readFileSync(full, "utf8") });
  }
  return files;
}

function describeEntry(data: unknown, index: number | string): string {
  if (typeof index === "number" && Array.isArray(data)) {
    const entry = data[index] as Record<string, unknown> | undefined;
    const label = entry?.slug ?? entry?.name ?? (entry?.left && entry?.right ? `${entry.left} vs ${entry.right}` : entry?.concept);
    return label ? `entry ${index + 1} (${String(label)})` : `entry ${index + 1}`;
  }
  return `entry "${String(index)}"`;
}

function validateFile<S extends z.ZodType>(file: ContentFile, schema: S, problems: string[]): z.infer<S> | undefined {
  let data: unknown;
  try {
    data = parse(file.text, { maxAliasCount: 100 });
  } catch (error) {
    problems.push(`${file.relativePath}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    return undefined;
  }
  const result = schema.safeParse(data ?? []);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const [first, ...rest] = issue.path;
    const where = first === undefined ? "the file" : describeEntry(data, first as number | string);
    const field = rest.length ? `, field "${rest.join(".")}"` : "";
    problems.push(`${file.relativePath}: ${where}${field}: ${issue.message}`);
  }
  return undefined;
}

/** Loads prisma/content (or another directory), validates it and checks every cross-reference. */
export function loadContent(dir: string = DEFAULT_CONTENT_DIR): Content {
  const files = listYamlFiles(dir, dir);
  const problems: string[] = [];
  const sources = new Map<string, SourceEntry>();
  const dimensions: DimensionEntry[] = [];
  const concepts: ConceptEntry[] = [];
  const serviceTypes: ServiceTypeEntry[] = [];
  const capabilities: (CapabilityEntry & { file: string; index: number })[] = [];
  const comparisons: (ComparisonEntry & { file: string; index: number })[] = [];
  const conceptFile = new Map<string, string>();
  let recommendationRules: RecommendationRules | undefined;
  const documentFolders = new Map<string, ContentDocumentName>(CONTENT_DOCUMENT_NAMES.map((name) => [CONTENT_DOCUMENTS[name].folder, name]));
  const documents = Object.fromEntries(CONTENT_DOCUMENT_NAMES.map((name) => [name, [] as unknown[]])) as Record<ContentDocumentName, unknown[]>;
  const documentIds = new Map<string, string>();

  for (const file of files) {
    const [folder] = file.relativePath.split(path.sep);
    if (folder === "sources") {
      const data = validateFile(file, sourcesFileSchema, problems);
      for (const [id, source] of Object.entries(data ?? {})) {
        if (sources.has(id)) problems.push(`${file.relativePath}: source "${id}" is defined twice`);
        sources.set(id, source);
      }
    } else if (folder === "concepts") {
      const data = validateFile(file, conceptsFileSchema, problems) ?? [];
      for (const concept of data) conceptFile.set(concept.slug, file.relativePath);
      concepts.push(...data);
    } else if (folder === "capabilities") {
      (validateFile(file, capabilitiesFileSchema, problems) ?? []).forEach((c, index) =>
        capabilities.push({ ...c, file: file.relativePath, index }),
      );
    } else if (folder === "comparisons") {
      (validateFile(file, comparisonsFileSchema, problems) ?? []).forEach((c, index) =>
        comparisons.push({ ...c, file: file.relativePath, index }),
      );
    } else if (documentFolders.has(folder!) && file.relativePath !== folder) {
      const name = documentFolders.get(folder!)!;
      const kind = CONTENT_DOCUMENTS[name];
      const entries = (validateFile(file, z.array(kind.entry as z.ZodType), problems) ?? []) as Record<string, unknown>[];
      for (const entry of entries) {
        const id = kind.idField ? entry[kind.idField] : undefined;
        if (typeof id === "string") {
          const owner = documentIds.get(`${name}:${id}`);
          if (owner) problems.push(`${file.relativePath}: ${kind.idField} "${id}" is already used in ${owner}`);
          documentIds.set(`${name}:${id}`, file.relativePath);
        }
      }
      documents[name].push(...entries);
    } else if (file.relativePath === path.join("recommendation", "rules.yaml")) {
      recommendationRules = validateFile(file, recommendationRulesSchema, problems) as RecommendationRules | undefined;
    } else if (file.relativePath === "dimensions.yaml") {
      dimensions.push(...(validateFile(file, dimensionsFileSchema, problems) ?? []));
    } else if (file.relativePath === "service-types.yaml") {
      serviceTypes.push(...(validateFile(file, serviceTypesFileSchema, problems) ?? []));
    } else {
      problems.push(`${file.relativePath}: unexpected file; content lives in sources/, concepts/, capabilities/, comparisons/, ${CONTENT_DOCUMENT_NAMES.map((n) => `${CONTENT_DOCUMENTS[n].folder}/`).join(", ")}, dimensions.yaml, service-types.yaml and recommendation/rules.yaml`);
    }
  }

  checkReferences({ sources, dimensions, concepts, serviceTypes, capabilities, comparisons, conceptFile }, problems);
  if (!recommendationRules && !problems.some((p) => p.startsWith(path.join("recommendation", "rules.yaml")))) {
    problems.push("recommendation/rules.yaml: missing; the recommendation engine needs its rules");
  }
  if (problems.length || !recommendationRules) throw new ContentError(problems);

  const strip = <T extends { file: string; index: number }>({ file: _f, index: _i, ...rest }: T) => rest;
  const content: Content = {
    version: "",
    sources,
    dimensions,
    concepts,
    serviceTypes,
    capabilities: capabilities.map(strip),
    comparisons: comparisons.map(strip),
    recommendationRules,
    documents: documents as unknown as ContentDocuments,
  };
  // The rules cite sources, concepts and dimensions by id: check them against the knowledge they will run on.
  const data = contentToKnowledgeData(content, new Date(0));
  const knowledge = buildSnapshot(data);
  const referenceProblems = ruleSourceProblems(recommendationRules, knowledge).map((p) => `recommendation/${p}`);
  for (const name of CONTENT_DOCUMENT_NAMES) {
    const { folder, check } = CONTENT_DOCUMENTS[name];
    const entries = content.documents[name] as never[];
    for (const problem of check?.(entries, knowledge) ?? []) referenceProblems.push(`${folder}/: ${problem}`);
  }
  if (referenceProblems.length) throw new ContentError(referenceProblems);
  return { ...content, version: knowledgeDigest(data) };
}

function checkReferences(
  c: {
    sources: Map<string, SourceEntry>;
    dimensions: DimensionEntry[];
    concepts: ConceptEntry[];
    serviceTypes: ServiceTypeEntry[];
    capabilities: (CapabilityEntry & { file: string; index: number })[];
    comparisons: (ComparisonEntry & { file: string; index: number })[];
    conceptFile: Map<string, string>;
  },
  problems: string[],
): void {
  const slugs = new Set<string>();
  const names = new Map<string, string>();
  const dimensionSlugs = new Set(c.dimensions.map((d) => d.slug));
  const needSource = (where: string, ids: readonly string[]) => {
    for (const id of ids) if (!c.sources.has(id)) problems.push(`${where}: unknown source "${id}"`);
  };
  const needConcept = (where: string, slug: string) => {
    if (!slugs.has(slug)) problems.push(`${where}: unknown concept "${slug}"`);
  };
  const needDimension = (where: string, slug: string) => {
    if (!dimensionSlugs.has(slug)) problems.push(`${where}: unknown dimension "${slug}"`);
  };

  for (const concept of c.concepts) {
    if (slugs.has(concept.slug)) problems.push(`${c.conceptFile.get(concept.slug)}: concept "${concept.slug}" is defined twice`);
    slugs.add(concept.slug);
  }
  // Slugs, names and aliases share one case-insensitive namespace so a lookup is never ambiguous.
  for (const concept of c.concepts) {
    const where = `${c.conceptFile.get(concept.slug)}: concept "${concept.slug}"`;
    for (const name of new Set([concept.slug, concept.name, ...concept.aliases].map((n) => n.toLowerCase()))) {
      const owner = names.get(name);
      if (owner && owner !== concept.slug) problems.push(`${where}: name or alias "${name}" is already used by "${owner}"`);
      else names.set(name, concept.slug);
    }
    needSource(where, concept.sources);
    if (concept.lifecycle) needSource(`${where}, lifecycle`, concept.lifecycle.sources);
    concept.related.forEach((r, i) => needConcept(`${where}, field "related.${i}.to"`, r.to));
  }

  const seenTypes = new Set<string>();
  for (const type of c.serviceTypes) {
    const where = `service-types.yaml: ${type.name}`;
    if (seenTypes.has(type.name)) problems.push(`${where}: defined twice`);
    seenTypes.add(type.name);
    needConcept(`${where}, field "concept"`, type.concept);
    needSource(where, type.sources);
  }
  if (c.serviceTypes.length && seenTypes.size !== 4) problems.push(`service-types.yaml: must define all four Service types`);

  const capabilityKeys = new Set<string>();
  for (const cap of c.capabilities) {
    const where = `${cap.file}: entry ${cap.index + 1} (${cap.concept} / ${cap.dimension})`;
    needConcept(where, cap.concept);
    needDimension(where, cap.dimension);
    needSource(where, cap.sources);
    const key = `${cap.concept}/${cap.dimension}`;
    if (capabilityKeys.has(key)) problems.push(`${where}: a capability for this concept and dimension is defined twice`);
    capabilityKeys.add(key);
  }
  for (const cmp of c.comparisons) {
    const where = `${cmp.file}: entry ${cmp.index + 1} (${cmp.left} vs ${cmp.right})`;
    needConcept(where, cmp.left);
    needConcept(where, cmp.right);
    if (cmp.left === cmp.right) problems.push(`${where}: compares a concept with itself`);
    needDimension(where, cmp.dimension);
    needSource(where, cmp.sources);
  }
}
