// Generates resolver and context types from schema.graphql; mappers point GraphQL types at the
// domain types the resolvers actually return.
import type { CodegenConfig } from "@graphql-codegen/cli";

const domain = "../domain/knowledge.js";
const config: CodegenConfig = {
  schema: "schema.graphql",
  generates: {
    // The example frontend client's operation types (examples/client).
    "examples/client/generated/": {
      documents: ["examples/client/operations.ts"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true },
    },
    "src/generated/graphql.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        contextType: "../server/context.js#Context",
        useIndexSignature: false,
        enumsAsTypes: true,
        useTypeImports: true,
        mapperTypeSuffix: "Model",
        immutableTypes: true,
        strictScalars: true,
        scalars: { ID: "string" },
        mappers: {
          Concept: "../schema/mappers.js#ConceptAtVersion",
          ServiceType: `${domain}#ServiceType`,
          Source: `${domain}#Source`,
          Dimension: `${domain}#Dimension`,
          Capability: `${domain}#Capability`,
          ComparisonFact: `${domain}#ComparisonFact`,
          Lifecycle: "../schema/mappers.js#LifecycleAtVersion",
          RelatedConcept: "../domain/related.js#RelatedConcept",
          Comparison: "../domain/compare.js#Comparison",
          ComparisonRow: "../domain/compare.js#ComparisonRow",
          RecommendedOption: "../domain/recommend/index.js#RecommendedOption",
          Recommendation: "../domain/recommend/index.js#Recommendation",
          QuestionRecommendation: "../domain/recommend/index.js#QuestionRecommendation",
          KnowledgeBase: "../domain/export.js#KnowledgeStats",
          Answer: "../domain/ask/index.js#Answer",
          SearchHit: "../domain/search/search.js#SearchHit",
          ConceptConnection: "../schema/mappers.js#ConceptPage",
          ConceptEdge: "../schema/mappers.js#ConceptPageEdge",
          PageInfo: "../schema/mappers.js#AnyPage",
          Guide: `${domain}#Guide`,
          GuideCause: `${domain}#GuideCause`,
          GuideConnection: "../schema/mappers.js#GuidePage",
          GuideEdge: "../schema/mappers.js#GuidePageEdge",
          GuideSearchHit: "../domain/search/search.js#GuideHit",
        },
      },
    },
  },
};
export default config;
