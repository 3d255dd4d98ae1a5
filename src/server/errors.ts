// The one place errors become GraphQL errors: domain errors get their code, GraphQL's own errors
// keep theirs, and anything unknown is logged (by the plugin below) and masked.
import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { DomainError } from "../domain/errors.js";
import type { Context } from "./context.js";

const MASKED: GraphQLFormattedError["extensions"] = { code: "INTERNAL_SERVER_ERROR" };

function isKnown(error: unknown): boolean {
  if (error instanceof DomainError) return true;
  return error instanceof GraphQLError && typeof error.extensions.code === "string" && error.extensions.code !== "INTERNAL_SERVER_ERROR";
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...original.details },
    };
  }
  if (isKnown(original) || (formatted.extensions?.code && formatted.extensions.code !== "INTERNAL_SERVER_ERROR")) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: MASKED };
}

/** Logs unknown errors with the request id so a masked answer can be traced. */
export const logUnknownErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue, operationName }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (isKnown(original) || (error.extensions?.code && error.extensions.code !== "INTERNAL_SERVER_ERROR")) continue;
          contextValue.logger.error({ err: original, requestId: contextValue.requestId, operationName }, "unexpected error");
        }
      },
    };
  },
};
