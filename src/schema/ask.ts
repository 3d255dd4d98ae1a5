// The chatbot entry point: one question in, a short cited answer out.
import type { Resolvers } from "../generated/graphql.js";
import { ask } from "../domain/ask/index.js";
import { findGuide } from "../domain/guides/index.js";

export const askResolvers: Resolvers = {
  Query: {
    ask: (_, { question }, { knowledge, searchIndex }) => ask(question, knowledge, searchIndex),
  },
  Answer: {
    concepts: (answer, _, { knowledge }) => answer.conceptSlugs.map((slug) => knowledge.conceptsBySlug.get(slug)!),
    guides: (answer, _, { knowledge }) => answer.guideSlugs.flatMap((slug) => findGuide(knowledge, slug) ?? []),
  },
};
