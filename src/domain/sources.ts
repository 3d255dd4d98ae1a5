import type { Source } from "./knowledge.js";

/** The sources of several facts, each page once, in first-cited order. */
export function uniqueSources(lists: Iterable<readonly Source[] | undefined>): Source[] {
  const byUrl = new Map<string, Source>();
  for (const list of lists) for (const source of list ?? []) if (!byUrl.has(source.url)) byUrl.set(source.url, source);
  return [...byUrl.values()];
}
