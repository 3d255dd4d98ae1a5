// The one place errors become GraphQL errors: domain errors get their code, GraphQL's own errors
// keep theirs, and anything unknown is logged (by the plugin below) and masked.
import type { ApolloServerPlugin } from "@apollo/server";
import type { ServerResponse } from "node:http";
import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { DomainError } from "../domain/errors.js";
import type { Context } from "./context.js";

const MASKED: GraphQLFormattedError["extensions"] = { code: "INTERNAL_SERVER_ERROR" };

function isKnown(error: unknown): boolean {
  if (error instanceof DomainError) return true;
  return error instanceof GraphQLError && typeof error.extensions.code === "string" && error.extensions.code !== "INTERNAL_SERVER_ERROR";
}

/** Apollo marks some request errors (e.g. a persisted-query hash that does not match) only with a 4xx status. */
function isClientError(error: unknown): boolean {
  const status = error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;
  return status !== undefined && status >= 400 && status < 500;
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
  if (isClientError(original)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: "BAD_REQUEST" } };
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
          if (isKnown(original) || isClientError(original) || (error.extensions?.code && error.extensions.code !== "INTERNAL_SERVER_ERROR")) continue;
          contextValue.logger.error({ err: original, requestId: contextValue.requestId, operationName }, "unexpected error");
        }
      },
    };
  },
};

/** Body-parser and routing failures, answered as GraphQL-shaped JSON instead of Express's HTML page. */
const HTTP_ERRORS = {
  "entity.too.large": { status: 413, code: "PAYLOAD_TOO_LARGE", message: "The request body is too large." },
  "entity.parse.failed": { status: 400, code: "BAD_REQUEST", message: "The request body is not valid JSON." },
  "encoding.unsupported": { status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "The request body's encoding is not supported." },
  "charset.unsupported": { status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "The request body's charset is not supported." },
  "request.aborted": { status: 400, code: "BAD_REQUEST", message: "The request was aborted." },
  "request.size.invalid": { status: 400, code: "BAD_REQUEST", message: "The request body's size does not match its Content-Length." },
  internal: { status: 500, code: "INTERNAL_SERVER_ERROR", message: "Internal server error" },
} as const satisfies Record<string, { status: number; code: string; message: string }>;

type HttpErrorType = keyof typeof HTTP_ERRORS;

/** Answers with one of the HTTP_ERRORS by its body-parser type, e.g. "entity.parse.failed". */
export function sendHttpError(res: ServerResponse, type: HttpErrorType): void {
  const known = HTTP_ERRORS[type];
  const body = JSON.stringify({ errors: [{ message: known.message, extensions: { code: known.code } }] });
  res.writeHead(known.status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) }).end(body);
}

export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: string }).type ?? "";
    if (Object.hasOwn(HTTP_ERRORS, type)) {
      sendHttpError(res, type as HttpErrorType);
      return;
    }
    // Other client errors from body parsing (e.g. a body that does not inflate as its Content-Encoding says).
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      res.status(status).json({ errors: [{ message: "The request body could not be read.", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    const requestId = res.getHeader("x-request-id");
    logger.error({ err: error, requestId, path: req.path }, "unexpected error");
    sendHttpError(res, "internal");
  };
}
