// Yes/no questions about what a concept can do ("Can I use UDP with Ingress?"), answered from the
// capability concept x dimension: YES -> "Yes", PARTIAL -> "Yes, partly", DEPENDS -> "It depends",
// NO -> "No", followed by the capability's note and, for a no, the options that can.
import type { Capability, CapabilityValue, Concept, KnowledgeSnapshot, Source } from "../knowledge.js";
import { mentions } from "./resolve.js";
import { plain, sentencesOf } from "./text.js";
import { namedDimensions, normalizeText, yesNoClauses } from "./vocabulary.js";

const OPENING: Record<CapabilityValue, string> = { YES: "Yes", PARTIAL: "Yes, partly", DEPENDS: "It depends", NO: "No" };
const VALUE_RANK: Record<CapabilityValue, number> = { YES: 3, PARTIAL: 2, DEPENDS: 1, NO: 0 };
/** As an alternative to offer, DEPENDS (usually "depends on the provider") is nearly as good as YES. */
const ALTERNATIVE_VALUE: Record<CapabilityValue, number> = { YES: 3, DEPENDS: 2, PARTIAL: 1.5, NO: 0 };
/** Concepts too broad to carry a yes/no about a feature when a more specific one is named. */
const GENERIC = new Set(["service", "pod"]);

export interface YesNoDraft {
  readonly text: string[];
  readonly sources: Source[];
  readonly conceptSlugs: string[];
  readonly capability: Capability;
}

/** Question wording that turns a capability's yes into a no ("a listener that does not set allowedRoutes"). */
const NEGATED = /\b(?:not|n't|never|without|no)\b/i;

/**
 * The capability the question asks about: a concept named in a yes/no sentence of the question that
 * has a capability on a dimension the question names. With several dimensions ("TCP on the same IP"),
 * every one must hold, so the weakest capability answers.
 */
function capabilityAsked(knowledge: KnowledgeSnapshot, question: string): { concept: Concept; capability: Capability } | undefined {
  const dimensions = namedDimensions(knowledge, question);
  if (dimensions.length === 0) return undefined;
  const phrases = new Set(dimensions.map((d) => d.phrase));
  for (const clause of yesNoClauses(knowledge, question)) {
    if (NEGATED.test(clause)) continue;
    const unique = [...new Map(mentions(knowledge, clause).map((m) => [m.concept.slug, m.concept])).values()];
    // A concept named by the dimension's own word ("UDP" may name UDPRoute) is what is asked about, not who.
    const namedByPhrase = (c: Concept) => [c.name, c.slug, ...c.aliases].some((n) => phrases.has(normalizeText(n).trim()));
    const others = unique.filter((c) => !namedByPhrase(c));
    const candidates = others.length ? others : unique;
    const specific = [...candidates.filter((c) => !GENERIC.has(c.slug)), ...candidates.filter((c) => GENERIC.has(c.slug))];
    for (const concept of specific) {
      const capabilities = dimensions.flatMap(({ dimension }) => knowledge.capabilitiesByConcept.get(concept.slug)?.get(dimension) ?? []);
      const weakest = capabilities.reduce<Capability | undefined>((w, c) => (!w || VALUE_RANK[c.value] < VALUE_RANK[w.value] ? c : w), undefined);
      if (weakest) return { concept, capability: weakest };
    }
  }
  return undefined;
}

/**
 * Options (from the recommendation rules) that do what the concept cannot, best first: its
 * alternatives before others, and never one that cannot serve the clients the concept serves.
 */
function alternatives(knowledge: KnowledgeSnapshot, concept: Concept, dimension: string): { slug: string; label: string; capability: Capability }[] {
  const related = new Set(
    (knowledge.relationsByConcept.get(concept.slug) ?? [])
      .filter((r) => r.type === "ALTERNATIVE_TO" || r.type === "SUPERSEDED_BY")
      .map((r) => (r.fromSlug === concept.slug ? r.toSlug : r.fromSlug)),
  );
  const reachOf = (slug: string) => knowledge.capabilitiesByConcept.get(slug)?.get("internet-clients")?.value;
  const reach = reachOf(concept.slug);
  const out: { slug: string; label: string; capability: Capability; score: number; order: number }[] = [];
  knowledge.recommendationRules.options.forEach((option, order) => {
    const slug = option.concept;
    if (!slug || slug === concept.slug) return;
    const capability = knowledge.capabilitiesByConcept.get(slug)?.get(dimension);
    if (!capability || capability.value === "NO") return;
    const optionReach = reachOf(slug);
    if (reach && reach !== "NO" && optionReach === "NO") return;
    // What the option can do counts most; then being an alternative to the concept, serving the same
    // clients, and the rules' own preference for simpler options (baseScore).
    const score = 2 * ALTERNATIVE_VALUE[capability.value] + (related.has(slug) ? 1 : 0) + (optionReach === reach ? 1 : 0) + 0.5 * (option.baseScore ?? 0);
    out.push({ slug, label: option.label, capability, score, order });
  });
  return out.sort((a, b) => b.score - a.score || a.order - b.order).slice(0, 2);
}

const firstSentences = (text: string, n: number) => sentencesOf(text).slice(0, n).join(" ");
/** An ordinary first word ("Only", "A CNAME...") is lower-cased after "No: for X,"; names and acronyms are not. */
const LOWER_FIRST = /^(?:[A-Z][a-z]|(?:A|I)\s)/;

export function yesNoAnswer(knowledge: KnowledgeSnapshot, question: string): YesNoDraft | undefined {
  const asked = capabilityAsked(knowledge, question);
  if (!asked) return undefined;
  const { concept, capability } = asked;
  const name = plain(concept.name);
  const note = firstSentences(capability.note, 2).replace(/\.$/, "");
  // Lower-case the note's first letter unless it starts an acronym or a name ("HTTP", "NodePort").
  const lead = LOWER_FIRST.test(note) && !/^[A-Z][a-z]+[A-Z]/.test(note) ? note.charAt(0).toLowerCase() + note.slice(1) : note;
  const text = [`${OPENING[capability.value]}: for ${name}, ${lead}.`];
  const sources: Source[] = [...capability.sources];
  const conceptSlugs = [concept.slug];
  // After "it depends", only options that plainly can are worth naming, and only in place of another
  // option: a setting that depends (externalTrafficPolicy) is not replaced by a Service type.
  const isOption = knowledge.recommendationRules.options.some((o) => o.concept === concept.slug);
  if (capability.value === "NO" || (capability.value === "DEPENDS" && isOption)) {
    const options = alternatives(knowledge, concept, capability.dimensionSlug).filter((o) => capability.value === "NO" || o.capability.value === "YES");
    if (options.length) {
      // A DEPENDS option is offered with its condition, so "can" does not overclaim.
      const label = (o: (typeof options)[number]) =>
        o.capability.value === "DEPENDS" ? `${o.label} (where supported)` : o.capability.value === "PARTIAL" ? `${o.label} (partly)` : o.label;
      text.push(`${options.length > 1 ? "Options" : "An option"} that can: ${options.map(label).join(" or ")}.`);
      for (const o of options) {
        conceptSlugs.push(o.slug);
        sources.push(...o.capability.sources);
      }
    }
  }
  return { text, sources, conceptSlugs, capability };
}
