// Troubleshooting and how-to guides: lookup, listing and search.
import type { Resolvers } from "../generated/graphql.js";
import { findGuide, guideSteps, listGuides } from "../domain/guides/index.js";
import { toGlobalId } from "../domain/ids.js";
import { searchGuides } from "../domain/search/search.js";

export const guideResolvers: Resolvers = {
  Query: {
    guide: (_, { slug }, { knowledge }) => findGuide(knowledge, slug) ?? null,
    guides: (_, { first, after, filter }, { knowledge }) => listGuides(knowledge, filter, first ?? 20, after),
    searchGuides: (_, { query, first }, { searchIndex }) => searchGuides(searchIndex, query, { first: first ?? 5 }),
  },
  Guide: {
    id: (g) => toGlobalId("Guide", g.slug),
    plainSteps: (g) => guideSteps(g),
    exampleManifest: (g) => g.exampleManifest ?? null,
    concepts: (g, _, { knowledge }) => g.concepts.flatMap((slug) => knowledge.conceptsBySlug.get(slug) ?? []),
    seeAlso: (g, _, { knowledge }) => g.seeAlso.flatMap((slug) => findGuide(knowledge, slug) ?? []),
    sources: (g, _, { knowledge }) => g.sources.flatMap((id) => knowledge.sourcesById.get(id) ?? []),
  },
  GuideCause: {
    signs: (c) => c.signs ?? null,
  },
  GuideConnection: {
    edges: (page) => page.items,
    nodes: (page) => page.items.map((edge) => edge.node),
    pageInfo: (page) => page,
  },
  GuideSearchHit: {
    guide: (hit, _, { knowledge }) => findGuide(knowledge, hit.guideSlug)!,
  },
};
