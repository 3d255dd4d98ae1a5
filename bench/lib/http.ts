// The two request shapes of the mix (uncached POST, GET with an automatic persisted query) and the
// checks that a response is a 200 without GraphQL errors.
import { createHash } from "node:crypto";
import type { BenchQuery } from "../queries.js";

/**
 * "post": uncached (the real server runs with its response cache off); "get-apq" and
 * "post-repeat": the same request again and again, answered by the response cache.
 */
export type Variant = "post" | "get-apq" | "post-repeat";
export const VARIANT_LABELS: Record<Variant, string> = { post: "POST uncached", "get-apq": "GET APQ cached", "post-repeat": "POST repeated, cached" };

/** One HTTP request as autocannon sends it. */
export interface BenchRequest {
  readonly method: "POST" | "GET";
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function postRequest(q: BenchQuery, query = q.query): BenchRequest {
  return {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operationName: q.operationName, query, variables: q.variables ?? {} }),
  };
}

const persisted = (q: BenchQuery) => ({ persistedQuery: { version: 1, sha256Hash: sha256(q.query) } });

/** The POST that teaches a server the hash: the query plus the persistedQuery extension. */
export function apqRegisterRequest(q: BenchQuery): BenchRequest {
  return {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operationName: q.operationName, query: q.query, variables: q.variables ?? {}, extensions: persisted(q) }),
  };
}

/** GET with only the hash; Apollo's CSRF prevention wants apollo-require-preflight on a GET. */
export function apqGetRequest(q: BenchQuery): BenchRequest {
  const params = new URLSearchParams({
    operationName: q.operationName,
    variables: JSON.stringify(q.variables ?? {}),
    extensions: JSON.stringify(persisted(q)),
  });
  return { method: "GET", path: `/graphql?${params}`, headers: { "apollo-require-preflight": "true" } };
}

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly bytes: number;
}

export async function send(port: number, request: BenchRequest): Promise<Answer> {
  const response = await fetch(`http://127.0.0.1:${port}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  return { status: response.status, text, bytes: Buffer.byteLength(text) };
}

/** The reason an answer is not a successful GraphQL response, or null when it is. */
export function problem(answer: Answer): string | null {
  let parsed: { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] };
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    return `HTTP ${answer.status}, not JSON: ${answer.text.slice(0, 120)}`;
  }
  if (parsed.errors?.length) {
    const first = parsed.errors[0]!;
    const code = first.extensions?.code ? `${first.extensions.code}: ` : "";
    return `HTTP ${answer.status}, ${code}${first.message ?? "error"}`.slice(0, 200);
  }
  if (answer.status !== 200) return `HTTP ${answer.status}`;
  if (parsed.data === undefined || parsed.data === null) return "no data in the response";
  return null;
}

export function dataOf(answer: Answer): unknown {
  return (JSON.parse(answer.text) as { data: unknown }).data;
}
