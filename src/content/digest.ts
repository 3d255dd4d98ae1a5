// The knowledge version: a digest of the knowledge itself, not of the files it came from. The seed
// stores it; the server recomputes it from what it read, so a row changed by hand after seeding is
// noticed instead of being served under the old version (and the old ETags).
import { createHash } from "node:crypto";
import type { KnowledgeData } from "../domain/snapshot.js";

/** JSON with object keys sorted: the store and the files build the same records with keys in other orders. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Order-independent where the store's order differs from the files' (records sorted by their JSON). */
export function knowledgeDigest(data: KnowledgeData): string {
  const hash = createHash("sha256");
  const add = (label: string, items: readonly unknown[], ordered = false) => {
    const lines = items.map(canonicalJson);
    if (!ordered) lines.sort();
    hash.update(label).update("\0");
    for (const line of lines) hash.update(line).update("\n");
  };
  add("sources", data.sources);
  add("dimensions", data.dimensions, true);
  add("concepts", data.concepts);
  add("relations", data.relations);
  add("capabilities", data.capabilities);
  add("comparisons", data.comparisons);
  add("serviceTypes", data.serviceTypes);
  add("recommendationRules", [data.recommendationRules]);
  for (const [name, entries] of Object.entries(data.documents).sort(([a], [b]) => a.localeCompare(b))) {
    add(`documents.${name}`, entries as readonly unknown[]);
  }
  return hash.digest("hex").slice(0, 16);
}
