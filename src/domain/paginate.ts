// Relay-style forward pagination over an already sorted list, with opaque cursors.
import { badInput } from "./errors.js";

export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  readonly items: readonly { cursor: string; node: T }[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly totalCount: number;
}

export function encodeCursor(key: string): string {
  return Buffer.from(`cursor:${key}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): string {
  const decoded = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  if (!decoded.startsWith("cursor:")) throw badInput(`"${cursor.slice(0, 60)}" is not a cursor from this API.`, "after");
  return decoded.slice("cursor:".length);
}

export function paginate<T>(items: readonly T[], keyOf: (item: T) => string, first: number, after?: string | null): Page<T> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}.`, "first");
  }
  let start = 0;
  if (after) {
    const key = decodeCursor(after);
    // Keys are sorted, so a cursor whose item has since disappeared still resumes at the right place.
    start = items.findIndex((item) => keyOf(item) > key);
    if (start < 0) start = items.length;
  }
  const slice = items.slice(start, start + first);
  return {
    items: slice.map((node) => ({ cursor: encodeCursor(keyOf(node)), node })),
    hasNextPage: start + first < items.length,
    hasPreviousPage: start > 0,
    totalCount: items.length,
  };
}
