// Limits on what one request may ask for. Depth, aliases, directives and cost come from GraphQL
// Armor; tokens use graphql-js's own parse option (Armor's token limit turns syntax errors into
// HTTP 500); string lengths are checked here, in arguments and variables alike.
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, Kind, visit, type DocumentNode, type ValidationRule } from "graphql";
import type { Config } from "../config.js";

export type LimitSettings = Pick<
  Config,
  "MAX_QUERY_DEPTH" | "MAX_ALIASES" | "MAX_DIRECTIVES" | "MAX_TOKENS" | "MAX_COST" | "MAX_STRING_LENGTH"
>;

export function armorProtection(settings: LimitSettings) {
  return new ApolloArmor({
    maxDepth: { n: settings.MAX_QUERY_DEPTH },
    // `__typename` aliases count too: each still costs a field in the answer (Armor exempts them by default).
    maxAliases: { n: settings.MAX_ALIASES, allowList: [] },
    maxDirectives: { n: settings.MAX_DIRECTIVES },
    costLimit: { maxCost: settings.MAX_COST },
    maxTokens: { enabled: false },
    // A public, explorable schema: "Did you mean…?" helps far more than it reveals.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/** Iterative, so a hostile, deeply nested variable cannot overflow the stack. */
function longestString(root: unknown): number {
  let longest = 0;
  const pending: unknown[] = [root];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === "string") longest = Math.max(longest, value.length);
    else if (Array.isArray(value)) for (const item of value) pending.push(item);
    else if (value && typeof value === "object") for (const item of Object.values(value)) pending.push(item);
  }
  return longest;
}

// Apollo reuses the parsed document of a query it has seen, so the walk happens once per query text.
const longestLiteralOf = new WeakMap<DocumentNode, number>();

function longestLiteral(document: DocumentNode): number {
  const known = longestLiteralOf.get(document);
  if (known !== undefined) return known;
  let longest = 0;
  visit(document, {
    [Kind.STRING]: (node) => {
      longest = Math.max(longest, node.value.length);
    },
  });
  longestLiteralOf.set(document, longest);
  return longest;
}

/** Refuses any string argument or variable longer than MAX_STRING_LENGTH with BAD_USER_INPUT. */
export function stringLengthLimit(maxLength: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          if (Math.max(longestLiteral(document), longestString(request.variables)) > maxLength) {
            throw new GraphQLError(`A string in this request is longer than ${maxLength} characters.`, {
              extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * The schema is read-only: a mutation or subscription is a client mistake, refused at validation
 * (graphql-js would otherwise fail it during execution with an error that has no code).
 */
export const queriesOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== "query") {
      context.reportError(new GraphQLError(`This API is read-only: it has no ${node.operation}s, only queries.`, { nodes: [node] }));
    }
  },
});
