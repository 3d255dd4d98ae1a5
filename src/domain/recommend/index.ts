// Public entry points of the recommender. Everything here is pure: knowledge and rules come in
// as arguments, so the server decides where they are loaded from.
import type { KnowledgeSnapshot } from "../knowledge.js";
import { recommend, resolveRequirements } from "./engine.js";
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

export function recommendFromQuestion(question: string, knowledge: KnowledgeSnapshot, rules: RecommendationRules): QuestionRecommendation {
  const interpreted = interpretQuestion(question);
  const requirements = resolveRequirements(interpreted.requirements, knowledge, rules);
  return {
    requirements: { ...requirements, assumptions: interpreted.assumptions, unrecognized: interpreted.unrecognized },
    recommendation: recommend(interpreted.requirements, knowledge, rules),
  };
}
