// Shapes that resolvers return for GraphQL types that have no domain type of their own.
import type { Concept, Guide, Lifecycle } from "../domain/knowledge.js";
import type { Page } from "../domain/paginate.js";

export type ConceptPage = Page<Concept>;
export type ConceptPageEdge = ConceptPage["items"][number];

/** A concept as asked for at a Kubernetes version (from `concept`/`concepts`), so `lifecycle.statusAt` can answer for it. */
export type ConceptAtVersion = Concept & { readonly atVersion?: string };
export type LifecycleAtVersion = Lifecycle & { readonly atVersion?: string };

export type GuidePage = Page<Guide>;
export type GuidePageEdge = GuidePage["items"][number];
/** pageInfo reads only cursors and flags, so any page will do. */
export type AnyPage = Page<unknown>;
