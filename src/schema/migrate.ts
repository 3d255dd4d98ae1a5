// Ingress to Gateway API migration: the user's manifests and options in, the domain's conversion out.
import type { Resolvers } from "../generated/graphql.js";
import { migrateIngress } from "../domain/migrate/index.js";

export const migrateResolvers: Resolvers = {
  Query: {
    migrateIngress: (_, { manifests, options }, { knowledge }) => migrateIngress(manifests, options, knowledge),
  },
};
