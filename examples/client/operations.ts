// The operations a frontend sends. `graphql()` is generated from schema.graphql, so each document
// carries its result and variable types.
import { graphql } from "./generated/index.js";

export const ServiceTypesQuery = graphql(`
  query ServiceTypes {
    serviceTypes {
      id
      name
      kubernetesName
      buildsOn { name }
      reachableFrom
    }
  }
`);

export const ConceptQuery = graphql(`
  query Concept($slug: String!) {
    concept(slug: $slug) {
      id
      name
      summary
      related { type direction concept { slug name } }
      sources { url title }
    }
  }
`);

export const SearchQuery = graphql(`
  query Search($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      score
      snippet
      concept { slug name }
    }
  }
`);

export const RecommendQuery = graphql(`
  query Recommend($requirements: ServiceRequirementsInput!) {
    recommendServiceType(requirements: $requirements) {
      summary
      warnings
      best { option serviceType manifest settings { path value } }
      rejected { option reason }
    }
  }
`);
