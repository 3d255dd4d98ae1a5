// Structured content of the MCP tools: zod output schemas (published as JSON Schema) and the
// mappers from domain objects to plain JSON. Every mapper's result is parsed by its schema before
// it is returned, so structuredContent always has exactly the published shape.
import { z } from "zod";
import type { Answer } from "../domain/ask/index.js";
import { findGuide, guideSteps } from "../domain/guides/index.js";
import type { Comparison } from "../domain/compare.js";
import type { Concept, Guide, KnowledgeSnapshot, Source } from "../domain/knowledge.js";
import { statusAt } from "../domain/lifecycle.js";
import type { QuestionRecommendation, Recommendation, RecommendedOption } from "../domain/recommend/index.js";
import { relatedConcepts } from "../domain/related.js";
import { uniqueSources } from "../domain/sources.js";
import type { SearchHit } from "../domain/search/search.js";
import { statusAtKubernetesVersion } from "../domain/versions.js";

export const sourceSchema = z.object({
  url: z.string().describe("The official page's URL, with an anchor to the section where there is one."),
  title: z.string().describe("The page's title."),
});

export const conceptBriefSchema = z.object({
  slug: z.string().describe("Lowercase identifier, e.g. `cluster-ip`; pass it to get_concept."),
  name: z.string().describe("Display name as Kubernetes writes it."),
  kind: z.string().describe("RESOURCE, SERVICE_TYPE, SERVICE_VARIANT, FIELD, COMPONENT, MECHANISM, TOOL, IMPLEMENTATION or API."),
  summary: z.string().describe("One or two plain-text sentences."),
});

const lifecycleSchema = z.object({
  track: z.string().describe("KUBERNETES, GATEWAY_API or PROJECT: which version line the versions refer to."),
  introducedIn: z.string().nullable(),
  betaIn: z.string().nullable(),
  stableIn: z.string().nullable(),
  deprecatedIn: z.string().nullable(),
  removedIn: z.string().nullable(),
  channel: z.string().nullable().describe("For Gateway API kinds: STANDARD or EXPERIMENTAL."),
  status: z.string().describe("ALPHA, BETA, GA, DEPRECATED or REMOVED in the newest version known."),
  statusAt: z.string().nullable().describe("The stage at the requested Kubernetes version; null when it did not exist yet."),
  note: z.string().nullable(),
  sources: z.array(sourceSchema),
});

export const conceptDetailSchema = conceptBriefSchema.extend({
  aliases: z.array(z.string()),
  tags: z.array(z.string()),
  body: z.string().describe("The full explanation in Markdown."),
  sources: z.array(sourceSchema),
  lifecycle: lifecycleSchema.nullable(),
  related: z.array(z.object({ type: z.string(), direction: z.enum(["OUTGOING", "INCOMING"]), slug: z.string(), name: z.string() })),
  capabilities: z.array(z.object({ dimension: z.string(), value: z.string(), note: z.string(), sources: z.array(sourceSchema) })),
  exampleManifest: z.string().nullable(),
});

const optionSchema = z.object({
  option: z.string().describe("The networking option, e.g. LOAD_BALANCER or GATEWAY_HTTP_ROUTE."),
  serviceType: z.string().nullable().describe("The Service type to create; null only for NO_SERVICE."),
  score: z.number(),
  conceptSlug: z.string().nullable(),
  reasons: z.array(z.object({ text: z.string(), sources: z.array(sourceSchema) })),
  settings: z.array(z.object({ path: z.string(), value: z.string(), why: z.string() })),
  manifest: z.string().describe("Kubernetes YAML documents separated by ---."),
});

export const recommendationSchema = z.object({
  summary: z.string().describe("Two or three plain sentences."),
  best: optionSchema,
  alternatives: z.array(optionSchema),
  rejected: z.array(z.object({ option: z.string(), reason: z.string(), sources: z.array(sourceSchema) })),
  warnings: z.array(z.string()),
});

export const searchOutput = {
  hits: z.array(
    conceptBriefSchema.extend({
      score: z.number().describe("Relevance; only the order means anything."),
      snippet: z.string().describe("The best matching passage, matched words marked **like this**."),
      matchedFields: z.array(z.string()),
      sources: z.array(sourceSchema),
    }),
  ),
};

export const conceptOutput = { concept: conceptDetailSchema };

export const compareOutput = {
  left: conceptBriefSchema,
  right: conceptBriefSchema,
  summary: z.string().describe("Two or three plain sentences."),
  rows: z.array(
    z.object({
      dimension: z.string(),
      left: z.string().nullable().describe("YES, NO, PARTIAL, DEPENDS or null when unknown."),
      right: z.string().nullable(),
      leftNote: z.string().nullable(),
      rightNote: z.string().nullable(),
    }),
  ),
  statements: z.array(z.object({ statement: z.string(), dimension: z.string(), sources: z.array(sourceSchema) })),
  sources: z.array(sourceSchema),
};

export const recommendOutput = { recommendation: recommendationSchema };

export const questionRecommendationSchema = z.object({
  requirements: z
    .record(z.string(), z.unknown())
    .describe("The requirements understood, with every default applied: the fields of recommend_service_type."),
  assumptions: z.array(z.string()).describe("Defaults and guesses applied; check them."),
  unrecognized: z.array(z.string()).describe("Words that could not be placed; rephrase or call recommend_service_type."),
  recommendation: recommendationSchema,
  clarifyingQuestions: z
    .array(
      z.object({
        id: z.string(),
        question: z.string().describe("Ask it as it is."),
        field: z.string().describe("The recommend_service_type field the answer settles."),
        reason: z.enum(["UNKNOWN", "UNSURE", "CONTRADICTORY"]),
        options: z.array(
          z.object({
            value: z.string().describe("The value the answer gives `field`."),
            answer: z.string().describe("The answer in the user's words."),
            sets: z.array(z.object({ field: z.string(), value: z.string() })).describe("Every requirement the answer sets."),
            recommendedOption: z.string().describe("What would be recommended with this answer."),
            recommendedLabel: z.string(),
            assumed: z.boolean().describe("True for the answer the current recommendation assumed."),
          }),
        ),
      }),
    )
    .describe("Requirements left unknown or contradictory that change the answer; empty when the answer is confident."),
});

export const recommendFromQuestionOutput = questionRecommendationSchema.shape;

export const askOutput = {
  kind: z
    .enum(["RECOMMENDATION", "COMPARISON", "DEFINITION", "LIFECYCLE", "YES_NO", "HOW_TO", "TROUBLESHOOTING", "SEARCH", "NONE"])
    .describe("How the question was answered."),
  text: z.string().describe("At most three plain sentences, no Markdown."),
  sources: z.array(sourceSchema),
  concepts: z.array(conceptBriefSchema),
  followUps: z.array(z.string()).describe("Two to four questions to ask next."),
  recommendation: questionRecommendationSchema.nullable().describe("Set when the question asked what to use."),
  steps: z.array(z.string()).describe("How-to steps, or troubleshooting causes with their check commands and fixes, in order; empty otherwise."),
  guides: z.array(z.object({ slug: z.string(), kind: z.string(), title: z.string() })).describe("Guides worth reading, the one that answered first; get_guide shows one in full."),
};

/** One troubleshooting or how-to guide in full (get_guide) or as a hit (search_guides). */
export const guideSchemaOutput = z.object({
  slug: z.string(),
  kind: z.enum(["TROUBLESHOOTING", "HOW_TO"]),
  title: z.string(),
  summary: z.string().describe("What a chatbot says first, at most three sentences."),
  steps: z.array(z.string()).describe("Steps, or causes in order with their exact check commands and fixes."),
  exampleManifest: z.string().nullable(),
  concepts: z.array(z.string()).describe("Slugs of the concepts the guide is about (get_concept explains them)."),
  seeAlso: z.array(z.string()).describe("Slugs of guides to read next."),
  sources: z.array(sourceSchema),
});
export const getGuideOutput = { guide: guideSchemaOutput };
export const searchGuidesOutput = {
  hits: z.array(z.object({ slug: z.string(), kind: z.string(), title: z.string(), summary: z.string(), snippet: z.string(), score: z.number() })),
};

export function toGuideOutput(knowledge: KnowledgeSnapshot, guide: Guide) {
  return guideSchemaOutput.parse({
    slug: guide.slug,
    kind: guide.kind,
    title: guide.title,
    summary: guide.summary,
    steps: guideSteps(guide),
    exampleManifest: guide.exampleManifest ?? null,
    concepts: [...guide.concepts],
    seeAlso: [...guide.seeAlso],
    sources: guide.sources.flatMap((id) => {
      const s = knowledge.sourcesById.get(id);
      return s ? [toSource(s)] : [];
    }),
  });
}

export const toSource = (s: Source) => ({ url: s.url, title: s.title });


export const toConceptBrief = (c: Concept) => ({ slug: c.slug, name: c.name, kind: c.kind, summary: c.summary });

export function toConceptDetail(knowledge: KnowledgeSnapshot, c: Concept, version: string | undefined) {
  const l = c.lifecycle;
  return z.object(conceptOutput).parse({
    concept: {
      ...toConceptBrief(c),
      aliases: [...c.aliases],
      tags: [...c.tags],
      body: c.body,
      sources: c.sources.map(toSource),
      lifecycle: l && {
        ...l,
        status: statusAt(l) ?? "ALPHA",
        statusAt: statusAtKubernetesVersion(l, version),
        sources: l.sources.map(toSource),
      },
      related: relatedConcepts(knowledge, c.slug).map((r) => ({ type: r.type, direction: r.direction, slug: r.concept.slug, name: r.concept.name })),
      capabilities: [...(knowledge.capabilitiesByConcept.get(c.slug)?.values() ?? [])].map((cap) => ({
        dimension: knowledge.dimensionsBySlug.get(cap.dimensionSlug)?.name ?? cap.dimensionSlug,
        value: cap.value,
        note: cap.note,
        sources: cap.sources.map(toSource),
      })),
      exampleManifest: c.exampleManifest,
    },
  });
}

export function toSearchOutput(knowledge: KnowledgeSnapshot, hits: readonly SearchHit[]) {
  return z.object(searchOutput).parse({
    hits: hits.flatMap((hit) => {
      const c = knowledge.conceptsBySlug.get(hit.conceptSlug);
      return c ? [{ ...toConceptBrief(c), score: hit.score, snippet: hit.snippet, matchedFields: hit.matchedFields, sources: c.sources.map(toSource) }] : [];
    }),
  });
}

export function toCompareOutput(knowledge: KnowledgeSnapshot, comparison: Comparison) {
  const statements = comparison.statements.map((f) => ({
    statement: f.statement,
    dimension: knowledge.dimensionsBySlug.get(f.dimensionSlug)?.name ?? f.dimensionSlug,
    sources: f.sources.map(toSource),
  }));
  return z.object(compareOutput).parse({
    left: toConceptBrief(comparison.left),
    right: toConceptBrief(comparison.right),
    summary: comparison.summary,
    rows: comparison.rows.map((r) => ({ dimension: r.dimension.name, left: r.left, right: r.right, leftNote: r.leftNote, rightNote: r.rightNote })),
    statements,
    sources: uniqueSources([...comparison.statements.map((f) => f.sources), ...comparison.rows.map((r) => r.sources)]).map(toSource),
  });
}

const toOption = (o: RecommendedOption) => ({
  option: o.option,
  serviceType: o.serviceType,
  score: o.score,
  conceptSlug: o.conceptSlug,
  reasons: o.reasons.map((r) => ({ text: r.text, sources: r.sources.map(toSource) })),
  settings: o.settings.map((s) => ({ path: s.path, value: s.value, why: s.why })),
  manifest: o.manifest,
});

export const toRecommendation = (r: Recommendation) =>
  recommendationSchema.parse({
    summary: r.summary,
    best: toOption(r.best),
    alternatives: r.alternatives.map(toOption),
    rejected: r.rejected.map((x) => ({ option: x.option, reason: x.reason, sources: x.sources.map(toSource) })),
    warnings: [...r.warnings],
  });

export function toQuestionRecommendation(q: QuestionRecommendation) {
  const { assumptions, unrecognized, ...requirements } = q.requirements;
  return questionRecommendationSchema.parse({
    requirements: JSON.parse(JSON.stringify(requirements)) as Record<string, unknown>,
    assumptions: [...assumptions],
    unrecognized: [...unrecognized],
    recommendation: toRecommendation(q.recommendation),
    clarifyingQuestions: q.clarifyingQuestions.map((c) => ({ ...c, options: c.options.map((o) => ({ ...o, sets: o.sets.map((x) => ({ ...x })) })) })),
  });
}

export function toAskOutput(knowledge: KnowledgeSnapshot, answer: Answer) {
  return z.object(askOutput).parse({
    kind: answer.kind,
    text: answer.text,
    sources: answer.sources.map(toSource),
    concepts: answer.conceptSlugs.flatMap((slug) => {
      const c = knowledge.conceptsBySlug.get(slug);
      return c ? [toConceptBrief(c)] : [];
    }),
    followUps: [...answer.followUps],
    recommendation: answer.recommendation && toQuestionRecommendation(answer.recommendation),
    steps: [...answer.steps],
    guides: answer.guideSlugs.flatMap((slug) => {
      const g = findGuide(knowledge, slug);
      return g ? [{ slug: g.slug, kind: g.kind, title: g.title }] : [];
    }),
  });
}
