// Recommendations from structured requirements or from a plain-English question.
import type { Resolvers } from "../generated/graphql.js";
import { recommend, recommendFromQuestion } from "../domain/recommend/index.js";

export const recommendResolvers: Resolvers = {
  Query: {
    recommendServiceType: (_, { requirements }, { knowledge }) => recommend(requirements, knowledge, knowledge.recommendationRules),
    recommendFromQuestion: (_, { question }, { knowledge }) => recommendFromQuestion(question, knowledge, knowledge.recommendationRules),
  },
  RecommendedOption: {
    concept: (option, _, { knowledge }) => (option.conceptSlug ? (knowledge.conceptsBySlug.get(option.conceptSlug) ?? null) : null),
  },
};
