// Errors the domain raises on purpose. The server maps them to GraphQL errors in one place
// (src/server/errors.ts); anything else is an unknown error and is masked.
export type DomainErrorCode = "BAD_USER_INPUT" | "NOT_FOUND";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The argument or input field at fault, e.g. "requirements.externalIp". */
    readonly field?: string,
    /** Extra machine-readable detail, e.g. suggested names. */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const badInput = (message: string, field?: string, details?: Record<string, unknown>) =>
  new DomainError("BAD_USER_INPUT", message, field, details);
