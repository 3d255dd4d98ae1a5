// A minimal typed GraphQL client a frontend can copy: fetch, one function, types from codegen.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export class GraphQLRequestError extends Error {
  constructor(readonly errors: readonly { message: string; extensions?: { code?: string } }[]) {
    super(errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; "));
    this.name = "GraphQLRequestError";
  }
}

export function createClient(endpoint: string, fetchFn: typeof fetch = fetch) {
  return async function request<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    ...[variables]: Variables extends Record<string, never> ? [] : [Variables]
  ): Promise<Result> {
    const response = await fetchFn(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await response.json()) as { data?: Result; errors?: GraphQLRequestError["errors"] };
    if (body.errors?.length || !body.data) throw new GraphQLRequestError(body.errors ?? [{ message: `HTTP ${response.status}` }]);
    return body.data;
  };
}
