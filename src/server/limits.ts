// Limits on what one request may ask for. Depth, aliases, directives and cost come from GraphQL
// Armor; tokens use graphql-js's own parse option (Armor's token limit turns syntax errors into
// HTTP 500); string lengths are checked here, in arguments and variables alike.
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, Kind, visit, type DocumentNode, type ValidationRule } from "graphql";
import type { Config } from "../config.js";

export type LimitSettings = Pick<
  Config,
  "MAX_QUERY_DEPTH" | "MAX_ALIASES" | "MAX_DIRECTIVES" | "MAX_TOKENS" | "MAX_COST" | "MAX_STRING_LENGTH" | "MAX_MANIFEST_LENGTH"
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

/**
 * Arguments that carry a user's manifests (analyzeManifests, migrateIngress) are YAML files, not
 * names: they get MAX_MANIFEST_LENGTH instead of MAX_STRING_LENGTH, and the domain bounds the work
 * on them (documents, nesting, aliases).
 */
const MANIFEST_ARGUMENT = "manifests";

interface StringLiterals {
  /** The longest string literal outside a manifests argument. */
  readonly longest: number;
  readonly longestManifest: number;
  /** Variables passed as a manifests argument. */
  readonly manifestVariables: ReadonlySet<string>;
}

// Apollo reuses the parsed document of a query it has seen, so the walk happens once per query text.
const literalsOf = new WeakMap<DocumentNode, StringLiterals>();

function stringLiterals(document: DocumentNode): StringLiterals {
  const known = literalsOf.get(document);
  if (known) return known;
  let longest = 0;
  let longestManifest = 0;
  const manifestVariables = new Set<string>();
  const manifestLiterals = new Set<unknown>();
  visit(document, {
    [Kind.ARGUMENT]: (node) => {
      if (node.name.value !== MANIFEST_ARGUMENT) return;
      if (node.value.kind === Kind.VARIABLE) manifestVariables.add(node.value.name.value);
      else if (node.value.kind === Kind.STRING) manifestLiterals.add(node.value);
    },
    [Kind.STRING]: (node) => {
      if (manifestLiterals.has(node)) longestManifest = Math.max(longestManifest, node.value.length);
      else longest = Math.max(longest, node.value.length);
    },
  });
  const literals = { longest, longestManifest, manifestVariables };
  literalsOf.set(document, literals);
  return literals;
}

function refuse(what: string, maxLength: number): GraphQLError {
  return new GraphQLError(`${what} in this request is longer than ${maxLength} characters.`, {
    extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
  });
}

/**
 * Refuses any string argument or variable longer than MAX_STRING_LENGTH with BAD_USER_INPUT, and
 * manifests longer than MAX_MANIFEST_LENGTH.
 */
export function stringLengthLimit(maxLength: number, maxManifestLength: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const literals = stringLiterals(document);
          let longest = literals.longest;
          let longestManifest = literals.longestManifest;
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            if (literals.manifestVariables.has(name) && typeof value === "string") longestManifest = Math.max(longestManifest, value.length);
            else longest = Math.max(longest, longestString(value));
          }
          if (longest > maxLength) throw refuse("A string", maxLength);
          if (longestManifest > maxManifestLength) throw refuse("The manifests", maxManifestLength);
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
