// Answers a plain-English question in at most three plain sentences, composed only from the
// knowledge base (summaries, capability notes, comparison statements, recommendation summaries),
// with the sources behind the text and questions to ask next. Deterministic: patterns, lookups and
// search, no language model and no network.
import { compareConcepts } from "../compare.js";
import { DomainError, badInput } from "../errors.js";
import type { Concept, KnowledgeSnapshot, Lifecycle, Source } from "../knowledge.js";
import { statusAt } from "../lifecycle.js";
import { findConcept } from "../lookup.js";
import { recommendFromQuestion, type QuestionRecommendation } from "../recommend/index.js";
import { validateQuestion } from "../recommend/validate.js";
import type { SearchIndex } from "../search/search.js";
import { ELLIPSIS } from "../search/snippet.js";
import { uniqueSources } from "../sources.js";
import { normalizeKubernetesVersion, statusAtKubernetesVersion } from "../versions.js";
import { classify } from "./classify.js";
import { followUpsFor } from "./followUps.js";
import { cleanSubject, namedConcepts, resolveSubject, safeSearch, searchSubject } from "./resolve.js";
import { firstSentence, limitSentences, plain, sentencesOf } from "./text.js";

export { classify } from "./classify.js";
export { mentions, namedConcepts, resolveSubject } from "./resolve.js";

/** Which way the question was answered. */
export type AnswerKind = "RECOMMENDATION" | "COMPARISON" | "DEFINITION" | "LIFECYCLE" | "SEARCH" | "NONE";

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
}

const MAX_SENTENCES = 3;


const unique = (items: readonly string[]) => [...new Set(items)];

export function ask(question: string, knowledge: KnowledgeSnapshot, searchIndex: SearchIndex): Answer {
  const q = validateQuestion(question);
  const classified = classify(q);
  const answer = (partial: Omit<Answer, "followUps" | "text"> & { text: readonly string[] }): Answer => {
    const concepts = unique(partial.conceptSlugs).flatMap((slug) => knowledge.conceptsBySlug.get(slug) ?? []);
    return {
      ...partial,
      text: limitSentences(partial.text, MAX_SENTENCES),
      sources: uniqueSources([partial.sources]),
      conceptSlugs: unique(partial.conceptSlugs),
      followUps: followUpsFor(knowledge, partial.kind, concepts, q),
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

  switch (classified.kind) {
    case "RECOMMENDATION":
      return answer(recommendationAnswer(knowledge, q));
    case "LIFECYCLE": {
      const concept = namedConcepts(knowledge, q)[0] ?? resolveSubject(knowledge, searchIndex, q);
      if (concept) return answer(lifecycleAnswer(concept, q));
      break;
    }
    case "DEFINITION": {
      const concept = resolveSubject(knowledge, searchIndex, classified.subject);
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
  }
  return answer(searchAnswer(knowledge, searchIndex, q));
}

type Draft = Omit<Answer, "followUps" | "text"> & { text: readonly string[] };

function comparisonAnswer(knowledge: KnowledgeSnapshot, left: Concept, right: Concept): Draft {
  const comparison = compareConcepts(knowledge, left.slug, right.slug);
  const statement = comparison.statements[0];
  let text: string[] = [comparison.summary];
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

function lifecycleAnswer(concept: Concept, question: string): Draft {
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

function searchAnswer(knowledge: KnowledgeSnapshot, index: SearchIndex, question: string): Draft {
  const hits = safeSearch(index, question, 3);
  const top = hits[0];
  const concept = top ? knowledge.conceptsBySlug.get(top.conceptSlug) : undefined;
  if (!top || !concept) {
    return {
      kind: "NONE",
      text: [
        "The knowledge base has nothing on that.",
        "It covers Kubernetes Services and their alternatives: the Service types, kube-proxy, DNS, traffic policies, Ingress, Gateway API and MetalLB.",
      ],
      sources: [],
      conceptSlugs: [],
      recommendation: null,
    };
  }
  const text = [concept.summary];
  const sources: Source[] = [...concept.sources];
  const conceptSlugs = [concept.slug];
  const extra = snippetSentence(index, top.conceptSlug, top.snippet);
  if (extra && sentencesOf(concept.summary).length < MAX_SENTENCES && addsSomething(concept.summary, top.snippet)) {
    text.push(extra);
    const backing = factBehind(knowledge, concept.slug, extra);
    if (backing) {
      sources.unshift(...backing.sources);
      if (backing.otherSlug) conceptSlugs.push(backing.otherSlug);
    }
  }
  return { kind: "SEARCH", text, sources, conceptSlugs, recommendation: null };
}

/** Whether the snippet matched query words that the summary does not contain. */
function addsSomething(summary: string, snippet: string): boolean {
  const said = plain(summary).toLowerCase();
  const marked = [...snippet.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => (m[1] ?? "").toLowerCase());
  return marked.some((word) => !said.includes(word));
}

/** The whole sentence a snippet was cut from, without the ** marks. */
function snippetSentence(index: SearchIndex, slug: string, snippet: string): string | undefined {
  let fragment = plain(snippet);
  if (fragment.startsWith(ELLIPSIS)) fragment = fragment.slice(ELLIPSIS.length);
  if (fragment.endsWith(ELLIPSIS)) fragment = fragment.slice(0, -ELLIPSIS.length);
  fragment = fragment.trim();
  if (!fragment) return undefined;
  const doc = index.docs.find((d) => d.slug === slug);
  const sentence = doc?.sentences.find((s) => s.field !== "summary" && plain(s.text).includes(fragment));
  if (!sentence) return undefined;
  const text = plain(sentence.text);
  // A sentence that needs its neighbours ("It…", "This…") or is a list item is not worth quoting alone.
  if (text.length > 300 || !/[.!?)]$/.test(text) || /^(?:It|This|That|These|They|Both)\b/.test(text)) return undefined;
  return text;
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
