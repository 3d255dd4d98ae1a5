// Full-text search over the knowledge base.
import type { Resolvers } from "../generated/graphql.js";
import { search } from "../domain/search/search.js";

export const searchResolvers: Resolvers = {
  Query: {
    search: (_, { query, first, kubernetesVersion }, { searchIndex }) =>
      search(searchIndex, query, { first: first ?? undefined, kubernetesVersion: kubernetesVersion ?? undefined }),
  },
  SearchHit: {
    concept: (hit, _, { knowledge }) => knowledge.conceptsBySlug.get(hit.conceptSlug)!,
  },
};
