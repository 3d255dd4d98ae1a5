// Lifecycle stages and version arithmetic for Kubernetes and Gateway API versions.
import type { Lifecycle, LifecycleStatus } from "./knowledge.js";

/** Compares dotted versions numerically ("1.9" < "1.10"); dates written YYYY-MM compare too. */
export function compareVersions(a: string, b: string): number {
  // Every recommendation compares versions: digits and separators are compared in place,
  // without splitting; anything else takes the general path.
  if (DIGITS_AND_SEPARATORS.test(a) && DIGITS_AND_SEPARATORS.test(b)) {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      let x = 0;
      let y = 0;
      for (; i < a.length && a.charCodeAt(i) >= 48 && a.charCodeAt(i) <= 57; i++) x = x * 10 + a.charCodeAt(i) - 48;
      for (; j < b.length && b.charCodeAt(j) >= 48 && b.charCodeAt(j) <= 57; j++) y = y * 10 + b.charCodeAt(j) - 48;
      if (x !== y) return x - y;
      i++;
      j++;
    }
    return 0;
  }
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

const DIGITS_AND_SEPARATORS = /^[0-9.-]*$/;

const STAGES: readonly [keyof Lifecycle, LifecycleStatus][] = [
  ["removedIn", "REMOVED"],
  ["deprecatedIn", "DEPRECATED"],
  ["stableIn", "GA"],
  ["betaIn", "BETA"],
  ["introducedIn", "ALPHA"],
];

/**
 * The stage reached at `version`, or the latest stage recorded when no version is given.
 * Returns null when the thing did not exist yet at that version.
 */
export function statusAt(lifecycle: Lifecycle, version?: string): LifecycleStatus | null {
  for (const [field, status] of STAGES) {
    const since = lifecycle[field] as string | null;
    if (since !== null && (version === undefined || compareVersions(version, since) >= 0)) return status;
  }
  // With no recorded start (e.g. only a deprecation), the thing existed as GA before its first milestone.
  const start = lifecycle.introducedIn ?? lifecycle.betaIn ?? lifecycle.stableIn;
  return start === null ? "GA" : null;
}
