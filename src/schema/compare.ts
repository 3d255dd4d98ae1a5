// Side-by-side comparison of two concepts.
import type { Resolvers } from "../generated/graphql.js";
import { compareConcepts } from "../domain/compare.js";

export const compareResolvers: Resolvers = {
  Query: {
    compare: (_, { left, right }, { knowledge }) => compareConcepts(knowledge, left, right),
  },
};
