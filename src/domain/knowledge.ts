// The in-memory read model of the knowledge base. Built once at start-up from the store
// (or, in unit tests, straight from the content files) and never mutated afterwards.
import type { AnalysisRule } from "./analysis/issues.js";
import type { IngressMigrationEntry } from "./migrate/rules.js";
import type { InterpretationEntry } from "./recommend/phrases.js";
import type { RecommendationRules } from "./recommend/rules.js";

export type ConceptKind =
  | "RESOURCE"
  | "SERVICE_TYPE"
  | "SERVICE_VARIANT"
  | "FIELD"
  | "COMPONENT"
  | "MECHANISM"
  | "TOOL"
  | "IMPLEMENTATION"
  | "API";
export type RelationType =
  | "BUILDS_ON"
  | "ALTERNATIVE_TO"
  | "PART_OF"
  | "ROUTES_TO"
  | "REQUIRES"
  | "SUPERSEDED_BY"
  | "CONFIGURES"
  | "IMPLEMENTS";
export type CapabilityValue = "YES" | "NO" | "PARTIAL" | "DEPENDS";
export type LifecycleTrack = "KUBERNETES" | "GATEWAY_API" | "PROJECT";
export type LifecycleStatus = "ALPHA" | "BETA" | "GA" | "DEPRECATED" | "REMOVED";
export type ServiceTypeName = "CLUSTER_IP" | "NODE_PORT" | "LOAD_BALANCER" | "EXTERNAL_NAME";

export interface Source {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly section: string | null;
  /** ISO date the citation was last checked against the documentation, when recorded. */
  readonly checked: string | null;
}

export interface Dimension {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
}

export interface Lifecycle {
  readonly track: LifecycleTrack;
  readonly introducedIn: string | null;
  readonly betaIn: string | null;
  readonly stableIn: string | null;
  readonly deprecatedIn: string | null;
  readonly removedIn: string | null;
  readonly channel: "STANDARD" | "EXPERIMENTAL" | null;
  readonly note: string | null;
  readonly sources: readonly Source[];
}

export interface Relation {
  readonly type: RelationType;
  readonly fromSlug: string;
  readonly toSlug: string;
  readonly note: string | null;
}

export interface Capability {
  readonly conceptSlug: string;
  readonly dimensionSlug: string;
  readonly value: CapabilityValue;
  readonly note: string;
  readonly sources: readonly Source[];
}

export interface ComparisonFact {
  readonly id: string;
  readonly leftSlug: string;
  readonly rightSlug: string;
  readonly dimensionSlug: string;
  readonly statement: string;
  readonly kubernetesVersion: string | null;
  readonly sources: readonly Source[];
}

export interface Concept {
  readonly slug: string;
  readonly name: string;
  readonly kind: ConceptKind;
  readonly summary: string;
  readonly body: string;
  readonly aliases: readonly string[];
  readonly tags: readonly string[];
  readonly sources: readonly Source[];
  readonly lifecycle: Lifecycle | null;
  readonly exampleManifest: string | null;
}

export interface ServiceType {
  readonly name: ServiceTypeName;
  readonly kubernetesName: string;
  readonly conceptSlug: string;
  readonly buildsOn: ServiceTypeName | null;
  readonly allocatesClusterIp: boolean;
  readonly allocatesNodePort: boolean;
  readonly provisionsLoadBalancer: boolean;
  readonly reachableFrom: readonly string[];
  readonly protocols: readonly string[];
  readonly requirements: readonly string[];
  readonly useCases: readonly string[];
  readonly limitations: readonly string[];
  readonly exampleManifest: string;
  readonly sources: readonly Source[];
}

/** A troubleshooting or how-to guide (prisma/content/guides/). Sources, concepts and seeAlso are ids. */
export interface Guide {
  readonly slug: string;
  readonly kind: "TROUBLESHOOTING" | "HOW_TO";
  readonly title: string;
  readonly summary: string;
  readonly questions: readonly string[];
  readonly keywords: readonly string[];
  /** How-to: the steps in order. Troubleshooting: first checks whatever the cause (may be empty). */
  readonly steps: readonly string[];
  /** Troubleshooting: likely causes, most common first (empty for how-to guides). */
  readonly causes: readonly GuideCause[];
  readonly exampleManifest?: string | undefined;
  readonly concepts: readonly string[];
  readonly seeAlso: readonly string[];
  readonly sources: readonly string[];
}

/** One likely cause in a troubleshooting guide: the commands that confirm it, what they show, the fix. */
export interface GuideCause {
  readonly cause: string;
  readonly checks: readonly string[];
  readonly signs?: string | undefined;
  readonly fix: string;
}

/**
 * Words and patterns `ask` reads questions with (prisma/content/ask/): which kind of answer a
 * question wants, and which comparison dimension a phrase names ("UDP" names udp-traffic).
 */
export type AskVocabularyEntry =
  | { readonly use: "QUESTION_KIND"; readonly kind: "YES_NO" | "HOW_TO" | "TROUBLESHOOTING"; readonly patterns: readonly string[] }
  | { readonly use: "FILLER"; readonly words: readonly string[] }
  | { readonly use: "DIMENSION"; readonly dimension: string; readonly phrases: readonly string[] };

/**
 * Content kinds read whole (src/content/documents.ts), each the validated entries of its folder.
 * Entries cite sources and concepts by id; resolve them through the snapshot's indexes.
 */
export interface ContentDocuments {
  readonly guides: readonly Guide[];
  readonly askVocabulary: readonly AskVocabularyEntry[];
  /** Groups of concepts compared with each other and the dimensions that apply (prisma/content/families/). */
  readonly families: readonly ComparisonFamily[];
  /** Exactly one entry: the versions the content covers and when it was last checked (prisma/content/coverage/). */
  readonly coverage: readonly KnowledgeCoverage[];
  /** How recommendFromQuestion reads requirements in users' words: phrases, negation cues, clarifying questions (prisma/content/interpretation/). */
  readonly interpretation: readonly InterpretationEntry[];
  /** ingress-nginx annotation mappings and the behaviour notes migrateIngress warns with (prisma/content/migration/). */
  readonly ingressMigration: readonly IngressMigrationEntry[];
  /** The checks of manifest analysis: category, severity, texts, sources and the lists they read (prisma/content/analysis/). */
  readonly analysisRules: readonly AnalysisRule[];
}

/** Concepts users compare with each other; each has a capability on every dimension listed. */
export interface ComparisonFamily {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly concepts: readonly string[];
  readonly dimensions: readonly string[];
}

/** What the knowledge base covers: the newest Kubernetes and Gateway API versions, and when it was last checked. */
export interface KnowledgeCoverage {
  readonly kubernetesVersion: string;
  readonly gatewayApiVersion: string;
  readonly lastChecked: string;
}

/** Everything the resolvers and the domain logic read, with the indexes they need. */
export interface KnowledgeSnapshot {
  readonly version: string;
  readonly seededAt: Date;
  readonly concepts: readonly Concept[];
  readonly conceptsBySlug: ReadonlyMap<string, Concept>;
  /** Lower-cased aliases, names and slugs to concept slugs. */
  readonly conceptSlugByName: ReadonlyMap<string, string>;
  readonly dimensions: readonly Dimension[];
  readonly dimensionsBySlug: ReadonlyMap<string, Dimension>;
  readonly relations: readonly Relation[];
  readonly relationsByConcept: ReadonlyMap<string, readonly Relation[]>;
  readonly capabilities: readonly Capability[];
  readonly capabilitiesByConcept: ReadonlyMap<string, ReadonlyMap<string, Capability>>;
  readonly comparisons: readonly ComparisonFact[];
  readonly comparisonsByConcept: ReadonlyMap<string, readonly ComparisonFact[]>;
  readonly comparisonsById: ReadonlyMap<string, ComparisonFact>;
  readonly serviceTypes: readonly ServiceType[];
  readonly serviceTypesByName: ReadonlyMap<ServiceTypeName, ServiceType>;
  readonly sources: readonly Source[];
  readonly sourcesById: ReadonlyMap<string, Source>;
  /** The data that drives the recommendation engine (prisma/content/recommendation/rules.yaml). */
  readonly recommendationRules: RecommendationRules;
  readonly documents: ContentDocuments;
}
