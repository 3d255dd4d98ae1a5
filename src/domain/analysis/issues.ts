// What a check reports before it becomes a Finding: the rule's id (its texts, severity and sources
// are content: prisma/content/analysis/), where, and the values its message template names.
export interface Issue {
  readonly rule: string;
  /** Null for findings about the whole input. */
  readonly documentIndex: number | null;
  /** Index into the analysed objects, so the finding is also listed on its object. */
  readonly objectIndex: number | null;
  readonly path: string | null;
  readonly params: Readonly<Record<string, string | number>>;
}

export const FINDING_CATEGORIES = [
  "INVALID_YAML",
  "SCHEMA_VIOLATION",
  "UNSUPPORTED_API",
  "DEPRECATED",
  "INVALID_VALUE",
  "SELECTOR_MATCHES_NOTHING",
  "PORT_MISMATCH",
  "DANGLING_REFERENCE",
  "REFERENCE_NOT_ALLOWED",
  "EXPOSED_TO_OUTSIDE",
  "RETIRED_SOFTWARE",
  "BEST_PRACTICE",
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export const FINDING_SEVERITIES = ["ERROR", "WARNING", "INFO"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** A removed or deprecated apiVersion of some kinds (prisma/content/analysis/). */
export interface ApiVersionLifecycle {
  readonly apiVersion: string;
  readonly kinds: readonly string[];
  readonly deprecatedIn?: string | undefined;
  readonly removedIn?: string | undefined;
  readonly replacement: string;
}

/**
 * A field, field value or annotation whose availability or deprecation depends on the version.
 * With `concept`, that concept's lifecycle decides (the same data `concept.lifecycle` serves);
 * otherwise the versions given here do.
 */
export interface VersionedItem {
  readonly kinds: readonly string[];
  /** Dotted path from the object root; `[]` marks every list item (spec.ports[].appProtocol). */
  readonly path?: string | undefined;
  /** Only this value of the field. */
  readonly value?: string | undefined;
  /** An annotation key instead of a path; ends with `/` or `*` to match a prefix. */
  readonly annotation?: string | undefined;
  readonly concept?: string | undefined;
  readonly introducedIn?: string | undefined;
  readonly deprecatedIn?: string | undefined;
  readonly replacement?: string | undefined;
  /** The values the API server accepts for the field (enums the OpenAPI document does not list). */
  readonly allowed?: readonly string[] | undefined;
}

/** One check's texts and data, keyed by the id the code reports. */
export interface AnalysisRule {
  readonly id: string;
  readonly category: FindingCategory;
  readonly severity: FindingSeverity;
  /** What the check looks at, in a few words (listed when a check could not run). */
  readonly title: string;
  /** Template: `{name}` is replaced by the value the check reports under that name. */
  readonly message: string;
  readonly fix: string;
  readonly sources: readonly string[];
  readonly concepts: readonly string[];
  readonly apiVersions?: readonly ApiVersionLifecycle[] | undefined;
  readonly items?: readonly VersionedItem[] | undefined;
  /** A plain list the check reads (controller names, annotation prefixes...). */
  readonly values?: readonly string[] | undefined;
}
