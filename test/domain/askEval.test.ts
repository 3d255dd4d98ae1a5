// ask() measured on real questions from public threads (test/domain/askEval.cases.ts): each answer
// is graded against a rubric from the official docs. The pass rate and the retrieval rate (the
// rubric's facts appear in the top 5 concept or guide search hits) are floors; the cases that fail
// today are listed by id below and asserted to fail, so a fix shows up as a test to update.
import { describe, expect, it } from "vitest";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { ask, type Answer } from "../../src/domain/ask/index.js";
import { guideSteps } from "../../src/domain/guides/index.js";
import { buildSearchIndex, search, searchGuides } from "../../src/domain/search/search.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";
import { EVAL_CASES, LATE_CASES, LATE_CASES_2, LATE_CASES_3, type EvalCase } from "./askEval.cases.js";

const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
const index = buildSearchIndex(knowledge);

/** Cases ask() does not yet answer acceptably (see the report in the pull request). */
const KNOWN_FAILURES: ReadonlySet<string> = new Set([
  // The service-selector guide says a selector picks Pods in its own namespace, but the ReferenceGrant guide outranks it.
  "dns-selector-other-namespace",
  // Read as a what-to-use question; the recommendation names ClusterIP without saying port-forward.
  "kind-access-services",
  // No capability covers choosing a nodePort, and the targetPort guide outranks the nodePort facts.
  "late2-nodeport-equals-targetport",
  // No capability of a Gateway listener covers Secrets in other namespaces, so a ListenerSet summary answers.
  "late3-listener-secret-namespace",
]);
/** Floors: raise them when answers improve, never lower them to hide a regression. */
const MIN_ACCEPTABLE = 153;
const MIN_FACTS_IN_TOP5 = 157;

const answerText = (a: Answer) => [a.text, ...a.steps].join("\n");

function grade(c: EvalCase, a: Answer): string[] {
  const text = answerText(a);
  const problems: string[] = [];
  if (a.kind === "NONE") problems.push("answered NONE");
  for (const re of c.must) if (!re.test(re.source.startsWith("^") ? a.text : text)) problems.push(`missing ${re}`);
  for (const re of c.mustNot ?? []) if (re.test(re.source.startsWith("^") ? a.text : text)) problems.push(`claims ${re}`);
  return problems;
}

/** Whether every fact of the rubric is in the top 5 concept hits (summary, body, capability notes) or the top 5 guide hits. */
function factsInTop5(c: EvalCase): boolean {
  const concepts = search(index, c.question, { first: 5 }).flatMap((h) => {
    const concept = knowledge.conceptsBySlug.get(h.conceptSlug)!;
    const facts = [...(knowledge.capabilitiesByConcept.get(concept.slug)?.values() ?? [])].map((x) => x.note);
    return [concept.summary, concept.body, ...facts];
  });
  const guides = searchGuides(index, c.question, { first: 5 }).flatMap((h) => {
    const guide = knowledge.documents.guides.find((g) => g.slug === h.guideSlug)!;
    return [guide.summary, ...guideSteps(guide)];
  });
  const corpus = [...concepts, ...guides].join("\n");
  // A pattern anchored at the start is about how the answer opens ("No"), not a fact to retrieve.
  return c.must.filter((re) => !re.source.startsWith("^")).every((re) => re.test(corpus));
}

const results = EVAL_CASES.map((c) => {
  const answer = ask(c.question, knowledge, index);
  return { c, answer, problems: grade(c, answer), retrieved: factsInTop5(c) };
});

describe("ask() on real questions", () => {
  it("has at least 100 cases, each with a source link, a question in its own words and a rubric", () => {
    expect(EVAL_CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(EVAL_CASES.map((c) => c.id)).size).toBe(EVAL_CASES.length);
    for (const c of EVAL_CASES) {
      expect(c.source, c.id).toMatch(/^https:\/\//);
      expect(c.must.length, c.id).toBeGreaterThan(0);
    }
  });

  it("lists only known failures that exist", () => {
    for (const id of KNOWN_FAILURES) expect(EVAL_CASES.some((c) => c.id === id), id).toBe(true);
  });

  it(`answers at least ${MIN_ACCEPTABLE} of ${EVAL_CASES.length} acceptably and finds the facts in the top 5 hits for at least ${MIN_FACTS_IN_TOP5}`, () => {
    const passed = results.filter((r) => r.problems.length === 0).length;
    const retrieved = results.filter((r) => r.retrieved).length;
    const late = new Set([...LATE_CASES, ...LATE_CASES_2, ...LATE_CASES_3].map((c) => c.id));
    const latePassed = results.filter((r) => late.has(r.c.id) && r.problems.length === 0).length;
    // Measured before any change made for them: the first late batch 19/22 (then a selector hint in
    // the NodePort guide, "what can cause" as a troubleshooting cue, a "find a pod by name" phrasing),
    // the second 9/11 (then cost words for yes/no and coverage measured on known words only).
    console.info(`ask eval: ${passed}/${results.length} acceptable (late cases ${latePassed}/${late.size}), facts in top 5 for ${retrieved}/${results.length}`);
    expect(passed).toBeGreaterThanOrEqual(MIN_ACCEPTABLE);
    expect(retrieved).toBeGreaterThanOrEqual(MIN_FACTS_IN_TOP5);
  });

  describe.each(results.map((r) => [r.c.id, r] as const))("%s", (id, r) => {
    const check = () => expect(r.problems, `${r.c.question}\n-> [${r.answer.kind}] ${r.answer.text}`).toEqual([]);
    if (KNOWN_FAILURES.has(id)) it.fails("is a known failure", check);
    else it("is answered acceptably", check);
  });
});
