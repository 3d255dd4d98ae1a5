// Global object identification: node(id:) and the Node interface.
import type { Resolvers } from "../generated/graphql.js";
import { fromGlobalId, type NodeType } from "../domain/ids.js";
import type { KnowledgeSnapshot, ServiceTypeName } from "../domain/knowledge.js";

const typeOf = new WeakMap<object, NodeType>();

function findNode(knowledge: KnowledgeSnapshot, id: string): { type: NodeType; value: object } | null {
  const parsed = fromGlobalId(id);
  if (!parsed) return null;
  const { type, key } = parsed;
  const value: object | undefined = {
    Concept: () => knowledge.conceptsBySlug.get(key),
    ServiceType: () => knowledge.serviceTypesByName.get(key as ServiceTypeName),
    Source: () => knowledge.sourcesById.get(key),
    Dimension: () => knowledge.dimensionsBySlug.get(key),
    Capability: () => {
      const [concept = "", dimension = ""] = key.split(":");
      return knowledge.capabilitiesByConcept.get(concept)?.get(dimension);
    },
    ComparisonFact: () => knowledge.comparisonsById.get(key),
    Guide: () => knowledge.documents.guides.find((g) => g.slug === key),
  }[type]();
  return value ? { type, value } : null;
}

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_, { id }, { knowledge }) => {
      const found = findNode(knowledge, id);
      if (!found) return null;
      // Snapshot objects are shared and frozen in spirit; remember the type beside them instead of tagging them.
      typeOf.set(found.value, found.type);
      return found.value as never;
    },
  },
  Node: {
    __resolveType: (value) => typeOf.get(value as object) ?? null,
  },
};
