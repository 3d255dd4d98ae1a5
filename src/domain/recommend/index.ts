// Public entry points of the recommender. Everything here is pure: knowledge and rules come in
// as arguments, so the server decides where they are loaded from.
import type { KnowledgeSnapshot } from "../knowledge.js";
import { recommend, resolveRequirements } from "./engine.js";
import { clarifyingQuestions } from "./clarify.js";
import { interpretQuestion } from "./interpretQuestion.js";
import type { QuestionRecommendation } from "./requirements.js";
import type { RecommendationRules } from "./rules.js";

export { recommend, interpretQuestion };
export { NETWORKING_OPTIONS } from "./requirements.js";
export type {
  InterpretedQuestion,
  NetworkingOption,
  QuestionRecommendation,
  Reason,
  Recommendation,
  RecommendedOption,
  RejectedOption,
  Requirements,
  RequirementsInput,
  SpecSetting,
} from "./requirements.js";
export type { Condition, RecommendationRules } from "./rules.js";
export { ruleSourceProblems } from "./check.js";

export type { ClarifyingOption, ClarifyingQuestion } from "./clarify.js";
export type { InterpretationEntry } from "./phrases.js";

/**
 * Reads the question with the knowledge base's interpretation content (phrases, negation cues,
 * clarifying questions) and recommends; requirements that stay unknown or contradictory and would
 * change the answer come back as clarifying questions.
 */
export function recommendFromQuestion(question: string, knowledge: KnowledgeSnapshot, rules: RecommendationRules): QuestionRecommendation {
  const entries = knowledge.documents.interpretation;
  const interpreted = interpretQuestion(question, entries);
  const requirements = resolveRequirements(interpreted.requirements, knowledge, rules);
  const recommendation = recommend(interpreted.requirements, knowledge, rules);
  return {
    requirements: { ...requirements, assumptions: interpreted.assumptions, unrecognized: interpreted.unrecognized },
    recommendation,
    clarifyingQuestions: clarifyingQuestions(interpreted, entries, knowledge, rules, recommendation.best.option),
  };
}
