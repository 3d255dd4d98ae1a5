/** The database cannot be used as it is; the message is one line that says what to do. */
export class DatabaseUnusableError extends Error {
  override name = "DatabaseUnusableError";
}
