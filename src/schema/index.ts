// All resolvers, one module per area of the schema.
import type { Resolvers } from "../generated/graphql.js";
import { analysisResolvers } from "./analysis.js";
import { askResolvers } from "./ask.js";
import { compareResolvers } from "./compare.js";
import { conceptResolvers } from "./concepts.js";
import { guideResolvers } from "./guides.js";
import { migrateResolvers } from "./migrate.js";
import { nodeResolvers } from "./node.js";
import { recommendResolvers } from "./recommend.js";
import { searchResolvers } from "./search.js";
import { serviceTypeResolvers } from "./serviceTypes.js";

const areas: Resolvers[] = [conceptResolvers, serviceTypeResolvers, compareResolvers, searchResolvers, recommendResolvers, askResolvers, nodeResolvers, guideResolvers, analysisResolvers, migrateResolvers];

export const resolvers: Resolvers = areas.reduce<Resolvers>((merged, area) => {
  for (const [type, fields] of Object.entries(area)) {
    const target = merged as Record<string, object>;
    target[type] = { ...(target[type] ?? {}), ...fields };
  }
  return merged;
}, {});
