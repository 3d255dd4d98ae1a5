// Kubernetes versions as users write them, and what exists at a given version.
import { badInput } from "./errors.js";
import type { Concept, Lifecycle, LifecycleStatus } from "./knowledge.js";
import { compareVersions, statusAt } from "./lifecycle.js";

/** "1.30", "v1.30" and "1.30.2" all mean minor version 1.30; anything else is not a version (null). */
export function normalizeKubernetesVersion(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const match = /^v?(1)\.(\d{1,2})(?:\.\d{1,3})?$/.exec(raw.trim());
  return match ? `${match[1]}.${Number(match[2])}` : null;
}

/** Like normalizeKubernetesVersion, but a malformed version is a BAD_USER_INPUT error on `field`. */
export function parseKubernetesVersion(input: string, field: string): string {
  const version = normalizeKubernetesVersion(input);
  if (version === null) throw badInput(`"${input.slice(0, 40)}" is not a Kubernetes version; write it like "1.30".`, field);
  return version;
}

const newestByConcepts = new WeakMap<readonly Concept[], string>();

/**
 * The newest Kubernetes version any lifecycle mentions: the default "now" of the knowledge base (1.37).
 * The content check ties it to prisma/content/coverage/ (src/content/coverageSchema.ts): it must equal
 * the covered version, and planned later releases stay in lifecycle notes, so this never runs ahead.
 */
export function newestKubernetesVersion(concepts: readonly Concept[]): string {
  let newest = newestByConcepts.get(concepts);
  if (newest === undefined) {
    const versions = concepts.flatMap((c) =>
      c.lifecycle?.track === "KUBERNETES"
        ? [c.lifecycle.introducedIn, c.lifecycle.betaIn, c.lifecycle.stableIn, c.lifecycle.deprecatedIn, c.lifecycle.removedIn]
        : [],
    );
    newest = versions.filter((v): v is string => v !== null).sort(compareVersions).at(-1) ?? "1.0";
    newestByConcepts.set(concepts, newest);
  }
  return newest;
}

/**
 * The stage at a Kubernetes version. Gateway API kinds and separate projects ship on their own
 * release lines, independent of the cluster's version, so for them this is their current stage.
 */
export function statusAtKubernetesVersion(lifecycle: Lifecycle, version: string | undefined): LifecycleStatus | null {
  return lifecycle.track === "KUBERNETES" ? statusAt(lifecycle, version) : statusAt(lifecycle);
}

/** Whether a concept can be used at that Kubernetes version (exists and is not removed). */
export function isAvailableIn(concept: Concept, version: string): boolean {
  if (!concept.lifecycle) return true;
  const status = statusAtKubernetesVersion(concept.lifecycle, version);
  return status !== null && status !== "REMOVED";
}
