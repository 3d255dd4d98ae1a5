// The four Service types with their structured attributes.
import type { Resolvers } from "../generated/graphql.js";
import { toGlobalId } from "../domain/ids.js";

export const serviceTypeResolvers: Resolvers = {
  Query: {
    serviceTypes: (_, __, { knowledge }) => knowledge.serviceTypes,
    serviceType: (_, { name }, { knowledge }) => knowledge.serviceTypesByName.get(name) ?? null,
  },
  ServiceType: {
    id: (t) => toGlobalId("ServiceType", t.name),
    concept: (t, _, { knowledge }) => knowledge.conceptsBySlug.get(t.conceptSlug)!,
    buildsOn: (t, _, { knowledge }) => (t.buildsOn ? knowledge.serviceTypesByName.get(t.buildsOn)! : null),
    reachableFrom: (t) => t.reachableFrom as ("IN_CLUSTER" | "PRIVATE_NETWORK" | "INTERNET" | "NODE_NETWORK")[],
    protocols: (t) => t.protocols as ("TCP" | "UDP" | "SCTP")[],
  },
};
