// Manifest analysis: the user's manifests in, the domain's analysis out.
import type { Resolvers } from "../generated/graphql.js";
import { analyzeManifests } from "../domain/analysis/index.js";

export const analysisResolvers: Resolvers = {
  Query: {
    analyzeManifests: (_, { manifests, kubernetesVersion, gatewayApiVersion }, { knowledge }) =>
      analyzeManifests(manifests, { kubernetesVersion, gatewayApiVersion }, knowledge),
  },
};
