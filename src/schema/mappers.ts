// Shapes that resolvers return for GraphQL types that have no domain type of their own.
import type { Concept } from "../domain/knowledge.js";
import type { Page } from "../domain/paginate.js";

export type ConceptPage = Page<Concept>;
export type ConceptPageEdge = ConceptPage["items"][number];
