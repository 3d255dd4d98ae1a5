// Answers a plain-English question in at most three plain sentences, composed only from the
// knowledge base (summaries, capability notes, comparison statements, recommendation summaries),
// with the sources behind the text and questions to ask next. Deterministic: patterns, lookups and
// search, no language model and no network.
import { compareConcepts } from "../compare.js";
import { DomainError, badInput } from "../errors.js";
import type { Concept, Guide, KnowledgeSnapshot, Lifecycle, Source } from "../knowledge.js";
import { statusAt } from "../lifecycle.js";
import { findConcept } from "../lookup.js";
import { recommendFromQuestion, type QuestionRecommendation } from "../recommend/index.js";
import { validateQuestion } from "../recommend/validate.js";
import type { SearchIndex } from "../search/search.js";
import { uniqueSources } from "../sources.js";
import { normalizeKubernetesVersion, statusAtKubernetesVersion } from "../versions.js";
import { findGuide, guideSteps } from "../guides/index.js";
import { rankGuides, type GuideHit } from "../search/search.js";
import { classify } from "./classify.js";
import { retrieveSentences } from "./facts.js";
import { followUpsFor } from "./followUps.js";
import { cleanSubject, definedConcept, namedConcepts, resolveSubject, safeSearch, searchSubject } from "./resolve.js";
import { firstSentence, limitSentences, plain, sentencesOf } from "./text.js";
import { questionSignals, topicWords } from "./vocabulary.js";
import { yesNoAnswer } from "./yesNo.js";

export { classify } from "./classify.js";
export { mentions, namedConcepts, resolveSubject } from "./resolve.js";

/** Which way the question was answered. */
export type AnswerKind =
  | "RECOMMENDATION"
  | "COMPARISON"
  | "DEFINITION"
  | "LIFECYCLE"
  | "YES_NO"
  | "HOW_TO"
  | "TROUBLESHOOTING"
  | "SEARCH"
  | "NONE";

export interface Answer {
  readonly kind: AnswerKind;
  /** At most three plain sentences, no Markdown. */
  readonly text: string;
  /** The official pages behind the text, without repeats. */
  readonly sources: readonly Source[];
  /** The concepts the answer is about, most relevant first. */
  readonly conceptSlugs: readonly string[];
  /** Two to four questions this function can answer next. */
  readonly followUps: readonly string[];
  /** Set exactly when the question asked what to use. */
  readonly recommendation: QuestionRecommendation | null;
  /** How-to steps, or troubleshooting checks and fixes in order; empty unless a guide answered. */
  readonly steps: readonly string[];
  /** Guides worth reading, the one that answered first (slugs). */
  readonly guideSlugs: readonly string[];
}

const MAX_SENTENCES = 3;
/** A guide answers only when it covers this share of the question's (idf-weighted) words... */
const GUIDE_COVERAGE = 0.6;
/** ...and scores at least this much (BM25F over the guides; questions and titles weigh most). */
const GUIDE_SCORE = 12;
/** Below this share of the question's known words, no concept answers it: say so instead of guessing. */
const ANSWER_COVERAGE = 0.6;
/** ...and below this share (by idf weight) of words the knowledge base knows at all, the question is off topic. */
const KNOWN_SHARE = 0.3;
/** How much more of the question a guide must cover than the best concept to answer a question that asks no how or why. */
const GUIDE_MARGIN = 0.1;
/** The share of a what-to-use question a how-to guide must cover to answer it instead of the recommender. */
const HOW_TO_OVER_RECOMMENDATION = 0.8;

const unique = (items: readonly string[]) => [...new Set(items)];

export function ask(question: string, knowledge: KnowledgeSnapshot, searchIndex: SearchIndex): Answer {
  const q = validateQuestion(question);
  const classified = classify(q);
  const signals = questionSignals(knowledge, q);
  const topic = topicWords(knowledge, q);
  // Ranked on first use: a what-to-use question answered by the recommender never needs them.
  let ranked: RankedGuide[] | undefined;
  const guideHits = () => (ranked ??= safeGuideSearch(searchIndex, topic));
  const answer = (partial: Draft): Answer => {
    const concepts = unique(partial.conceptSlugs).flatMap((slug) => knowledge.conceptsBySlug.get(slug) ?? []);
    const related = partial.kind === "RECOMMENDATION" ? [] : guideHits().filter(strong).map((h) => h.guideSlug);
    const guideSlugs = unique([...(partial.guideSlugs ?? []), ...related]).slice(0, 3);
    const extra = partial.guideSlugs?.length
      ? (findGuide(knowledge, partial.guideSlugs[0]!)?.seeAlso ?? []).flatMap((slug) => findGuide(knowledge, slug)?.questions.find((g) => g.endsWith("?")) ?? [])
      : [];
    return {
      kind: partial.kind,
      text: limitSentences(partial.text, MAX_SENTENCES),
      sources: uniqueSources([partial.sources.flatMap((s) => (typeof s === "string" ? (knowledge.sourcesById.get(s) ?? []) : [s]))]),
      conceptSlugs: unique(partial.conceptSlugs),
      followUps: followUpsFor(knowledge, partial.kind, concepts, q, extra),
      recommendation: partial.recommendation,
      steps: partial.steps ?? [],
      guideSlugs,
    };
  };

  if (classified.comparison) {
    const { phrases, explicit } = classified.comparison;
    // Names first; search only for a side that names nothing, and never for the other side's concept.
    let left = resolveSubject(knowledge, searchIndex, phrases[0], false);
    let right = resolveSubject(knowledge, searchIndex, phrases[1], false);
    if (explicit) {
      left ??= searchSubject(knowledge, searchIndex, phrases[0], right?.slug);
      right ??= searchSubject(knowledge, searchIndex, phrases[1], left?.slug);
    }
    if (left && right && (explicit || left.slug !== right.slug)) return answer(comparisonAnswer(knowledge, left, right));
  }

  if (classified.kind === "LIFECYCLE") {
    const concept = namedConcepts(knowledge, q)[0] ?? resolveSubject(knowledge, searchIndex, q);
    if (concept) return answer(lifecycleAnswer(concept, q, signals.has("YES_NO")));
  }

  const asksHow = signals.has("HOW_TO") || signals.has("TROUBLESHOOTING");
  // A yes/no question about what a named concept can do.
  if (signals.has("YES_NO")) {
    const yesNo = yesNoAnswer(knowledge, q);
    if (yesNo) return answer({ kind: "YES_NO", text: yesNo.text, sources: yesNo.sources, conceptSlugs: yesNo.conceptSlugs, recommendation: null });
  }
  // A what-to-use question that asks no how is the recommender's, whatever the guides say.
  if (classified.kind === "RECOMMENDATION" && !asksHow) return answer(recommendationAnswer(knowledge, q));
  const top = guideHits()[0];
  const guide = top ? findGuide(knowledge, top.guideSlug) : undefined;
  const strongGuide = top !== undefined && strong(top);
  const fairGuide = top !== undefined && fair(top);

  // Something is broken: a fix, not a new design, answers it.
  if (guide && signals.has("TROUBLESHOOTING") && fairGuide) return answer(guideAnswer(guide));
  // "How do I expose..." is also a what-to-use question; a how-to guide wins only when it covers most of the question.
  if (classified.kind === "RECOMMENDATION") {
    if (guide && signals.has("HOW_TO") && strongGuide && top!.coverage >= HOW_TO_OVER_RECOMMENDATION) return answer(guideAnswer(guide));
    return answer(recommendationAnswer(knowledge, q));
  }
  if (guide && asksHow && fairGuide) return answer(guideAnswer(guide));

  switch (classified.kind) {
    case "DEFINITION": {
      // "What is X" defines X; "what is the default Service type" asks a fact, answered below.
      const concept = definedConcept(knowledge, classified.subject);
      if (concept) return answer(definitionAnswer(concept));
      break;
    }
    case "OTHER": {
      // A bare name ("headless service", "svc?") is a request for a definition.
      const subject = cleanSubject(q);
      const named = namedConcepts(knowledge, subject);
      const concept = findConcept(knowledge, subject) ?? (named.length === 1 && subject.split(" ").length <= 3 ? named[0] : undefined);
      if (concept) return answer(definitionAnswer(concept));
      break;
    }
    default:
      break;
  }
  const { draft: facts, coverage } = factAnswer(knowledge, searchIndex, topic);
  // No how or why in the wording: a guide answers when it covers at least as much of the question
  // as the concepts do, or when it is about the very concept the facts would come from (it says more
  // about it); "which port does the kube-proxy health check use" stays a fact.
  const sameTopic = facts.conceptSlugs[0] !== undefined && guide?.concepts.includes(facts.conceptSlugs[0]);
  if (guide && strongGuide && (facts.kind === "NONE" || sameTopic || top!.coverage > coverage + GUIDE_MARGIN)) return answer(guideAnswer(guide));
  // Rather than "nothing found", a guide that matches fairly well is the closest honest answer, and
  // "what is the purpose of X" is still about X.
  if (facts.kind === "NONE" && guide && fairGuide) return answer(guideAnswer(guide));
  if (facts.kind === "NONE" && classified.kind === "DEFINITION") {
    const concept = resolveSubject(knowledge, searchIndex, classified.subject, false);
    if (concept) return answer(definitionAnswer(concept));
  }
  return answer(facts);
}

/** A guide that answers the question on its own: most of its words, or a clear match on its phrasings. */
function strong(hit: RankedGuide): boolean {
  return (hit.coverage >= GUIDE_COVERAGE && hit.score >= GUIDE_SCORE) || (hit.coverage >= 0.4 && hit.score >= 40);
}

/** A guide good enough when the question asks how to do or fix something. */
function fair(hit: RankedGuide): boolean {
  return hit.coverage >= 0.25 && hit.score >= 20;
}


type RankedGuide = Pick<GuideHit, "guideSlug" | "score" | "coverage">;

function safeGuideSearch(index: SearchIndex, question: string): RankedGuide[] {
  try {
    return rankGuides(index, question.slice(0, 500), 3);
  } catch (error) {
    if (error instanceof DomainError) return [];
    throw error;
  }
}

function guideAnswer(guide: Guide): Draft {
  return {
    kind: guide.kind,
    text: [guide.summary],
    sources: guide.sources,
    conceptSlugs: [...guide.concepts],
    recommendation: null,
    steps: guideSteps(guide),
    guideSlugs: [guide.slug],
  };
}

interface Draft {
  readonly kind: AnswerKind;
  readonly text: readonly string[];
  /** Source ids (guides cite by id) or resolved sources. */
  readonly sources: readonly (Source | string)[];
  readonly conceptSlugs: readonly string[];
  readonly recommendation: QuestionRecommendation | null;
  readonly steps?: readonly string[];
  readonly guideSlugs?: readonly string[];
}

function comparisonAnswer(knowledge: KnowledgeSnapshot, left: Concept, right: Concept): Draft {
  const comparison = compareConcepts(knowledge, left.slug, right.slug);
  const statement = comparison.statements[0];
  // The curated statement says what sets the two apart; it goes first, then the summary's rows.
  const lead = statement ? firstSentence(statement.statement) : undefined;
  let text: string[] = lead ? [lead, ...sentencesOf(comparison.summary).filter((x) => x !== lead)] : [comparison.summary];
  let sources: Source[];
  if (left.slug === right.slug) {
    sources = [...left.sources];
  } else if (sentencesOf(comparison.summary).length > MAX_SENTENCES || (comparison.rows.every((r) => !r.left || !r.right) && !statement)) {
    // The summary fell back to both concepts' summaries: one sentence of each.
    text = [`${plain(left.name)}: ${firstSentence(left.summary)}`, `${plain(right.name)}: ${firstSentence(right.summary)}`];
    if (statement) text.push(firstSentence(statement.statement));
    sources = [...left.sources, ...right.sources, ...(statement?.sources ?? [])];
  } else {
    const decisive = comparison.rows
      .filter((row) => row.left && row.right && row.left !== row.right && (row.left === "YES" || row.right === "YES"))
      .slice(0, 2);
    sources = [...decisive.flatMap((row) => row.sources), ...(statement?.sources ?? [])];
    if (sources.length === 0) sources = [...left.sources, ...right.sources];
  }
  return { kind: "COMPARISON", text, sources, conceptSlugs: [left.slug, right.slug], recommendation: null };
}

function recommendationAnswer(knowledge: KnowledgeSnapshot, question: string): Draft {
  let result: QuestionRecommendation;
  try {
    result = recommendFromQuestion(question, knowledge, knowledge.recommendationRules);
  } catch (error) {
    // The interpreter read something impossible (port 99999, a loopback IP): the question is at fault.
    if (error instanceof DomainError) throw badInput(error.message, "question", error.details ? { ...error.details } : undefined);
    throw error;
  }
  const { best, alternatives } = result.recommendation;
  const bestConcept = best.conceptSlug ? knowledge.conceptsBySlug.get(best.conceptSlug) : undefined;
  const sources = [...(best.reasons[0]?.sources ?? []), ...(bestConcept?.sources.slice(0, 1) ?? [])];
  const conceptSlugs = [best.conceptSlug, ...alternatives.slice(0, 3).map((a) => a.conceptSlug)].filter((s): s is string => s !== null);
  return { kind: "RECOMMENDATION", text: [result.recommendation.summary], sources, conceptSlugs, recommendation: result };
}

function definitionAnswer(concept: Concept): Draft {
  return { kind: "DEFINITION", text: [concept.summary], sources: concept.sources, conceptSlugs: [concept.slug], recommendation: null };
}

const STAGE_WORDS: Record<string, string> = {
  ALPHA: "alpha",
  BETA: "beta",
  GA: "generally available (stable)",
  DEPRECATED: "deprecated",
  REMOVED: "removed",
};

/** "alpha in Kubernetes 1.29, beta in 1.31 and generally available in 1.33" and the like. */
function milestones(lifecycle: Lifecycle): string[] {
  const prefix = lifecycle.track === "KUBERNETES" ? "Kubernetes " : lifecycle.track === "GATEWAY_API" ? "Gateway API v" : "";
  const at = (v: string) => (lifecycle.track === "PROJECT" ? v : `${prefix}${v.replace(/^v/, "")}`);
  const steps: [string | null, string][] = [
    [lifecycle.introducedIn, "was introduced as alpha in"],
    [lifecycle.betaIn, "became beta in"],
    [lifecycle.stableIn, "became generally available (stable) in"],
    [lifecycle.deprecatedIn, "was deprecated in"],
    [lifecycle.removedIn, "was removed in"],
  ];
  return steps.filter(([v]) => v !== null).map(([v, words]) => `${words} ${at(v!)}`);
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "Is X deprecated / removed / stable / GA / beta?" as a stage asked about, for a Yes or No up front. */
const STAGE_ASKED: readonly [RegExp, (l: Lifecycle) => boolean][] = [
  [/\bdeprecated\b/i, (l) => l.deprecatedIn !== null],
  [/\bremoved\b/i, (l) => l.removedIn !== null],
  [/\b(?:stable|ga|generally available)\b/i, (l) => l.stableIn !== null],
];

function lifecycleAnswer(concept: Concept, question: string, yesNo = false): Draft {
  const name = plain(concept.name);
  const lifecycle = concept.lifecycle;
  if (!lifecycle) {
    return {
      kind: "LIFECYCLE",
      text: [`The knowledge base records no version milestones for ${name}: it is not a feature with its own alpha, beta and GA stages.`, concept.summary],
      sources: concept.sources,
      conceptSlugs: [concept.slug],
      recommendation: null,
    };
  }
  const text: string[] = [];
  const asked = yesNo ? STAGE_ASKED.find(([re]) => re.test(question)) : undefined;
  if (asked) text.push(asked[1](lifecycle) ? "Yes." : "No.");
  const versionMatch = /(?<![\d.])v?1\.\d{1,2}(?:\.\d{1,3})?(?![\d.])/.exec(question);
  const version = versionMatch ? normalizeKubernetesVersion(versionMatch[0]) : null;
  if (version && lifecycle.track === "KUBERNETES") {
    const stage = statusAtKubernetesVersion(lifecycle, version);
    text.push(stage ? `At Kubernetes ${version}, ${name} is ${STAGE_WORDS[stage]}.` : `${name} did not exist yet in Kubernetes ${version}.`);
  }
  const steps = milestones(lifecycle);
  if (steps.length) text.push(`${name} ${list(steps)}.`);
  else {
    const stage = statusAt(lifecycle);
    if (stage) text.push(`${name} is ${STAGE_WORDS[stage]}.`);
  }
  if (lifecycle.note) text.push(firstSentence(lifecycle.note));
  if (lifecycle.channel) text.push(`It is in the Gateway API ${lifecycle.channel === "STANDARD" ? "Standard" : "Experimental"} channel.`);
  text.push(concept.summary);
  const sources = lifecycle.sources.length ? lifecycle.sources : concept.sources;
  return { kind: "LIFECYCLE", text, sources, conceptSlugs: [concept.slug], recommendation: null };
}

/**
 * Anything else: the sentences that state the answer, from the concepts that cover the question.
 * When nothing covers enough of it, say so and name the closest topics instead of guessing.
 */
function factAnswer(knowledge: KnowledgeSnapshot, index: SearchIndex, question: string): { draft: Draft; coverage: number } {
  let retrieval;
  try {
    retrieval = retrieveSentences(index, question.slice(0, 500), 2);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
  const top = retrieval?.hits[0];
  if (!retrieval || !top || top.coverage < ANSWER_COVERAGE || retrieval.knownShare < KNOWN_SHARE || retrieval.sentences.length === 0) {
    const closest = (retrieval?.hits ?? []).slice(0, 3).flatMap((h) => knowledge.conceptsBySlug.get(h.slug) ?? []);
    const topics = closest.map((c) => plain(c.name));
    const draft: Draft = {
      kind: "NONE",
      text: [
        "The knowledge base has no answer to that question.",
        topics.length
          ? `The closest topics it covers are ${list(topics)}.`
          : "It covers Kubernetes Services and their alternatives: the Service types, kube-proxy, DNS, traffic policies, Ingress, Gateway API and MetalLB.",
      ],
      sources: [],
      conceptSlugs: closest.map((c) => c.slug),
      recommendation: null,
    };
    return { draft, coverage: top?.coverage ?? 0 };
  }
  const text: string[] = [];
  const sources: Source[] = [];
  const conceptSlugs: string[] = [];
  for (const sentence of retrieval.sentences) {
    const concept = knowledge.conceptsBySlug.get(sentence.slug)!;
    text.push(conceptSlugs.includes(concept.slug) ? sentence.text : withSubject(concept, sentence.text));
    const backing = sentence.field === "facts" ? factBehind(knowledge, concept.slug, sentence.text) : undefined;
    sources.push(...(backing?.sources ?? concept.sources));
    conceptSlugs.push(concept.slug);
    if (backing?.otherSlug) conceptSlugs.push(backing.otherSlug);
  }
  for (const hit of retrieval.hits.slice(0, 3)) conceptSlugs.push(hit.slug);
  const coverage = Math.max(...retrieval.hits.slice(0, 3).map((h) => h.coverage));
  return { draft: { kind: "SEARCH", text, sources, conceptSlugs, recommendation: null }, coverage };
}

/** A sentence quoted on its own names what it is about: "Cloud Provider KIND: Gives kind clusters...". */
function withSubject(concept: Concept, sentence: string): string {
  const lower = sentence.toLowerCase();
  const names = [plain(concept.name), concept.slug, ...concept.aliases].map((n) => n.toLowerCase());
  return names.some((n) => lower.includes(n)) ? sentence : `${plain(concept.name)}: ${sentence}`;
}

/** The capability note or comparison statement a sentence comes from, with its sources. */
function factBehind(knowledge: KnowledgeSnapshot, slug: string, sentence: string): { sources: readonly Source[]; otherSlug?: string } | undefined {
  for (const capability of knowledge.capabilitiesByConcept.get(slug)?.values() ?? []) {
    if (plain(capability.note).includes(sentence)) return { sources: capability.sources };
  }
  for (const fact of knowledge.comparisonsByConcept.get(slug) ?? []) {
    if (plain(fact.statement).includes(sentence)) return { sources: fact.sources, otherSlug: fact.leftSlug === slug ? fact.rightSlug : fact.leftSlug };
  }
  return undefined;
}
