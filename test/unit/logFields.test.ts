import { describe, expect, it } from "vitest";
import { MAX_LOG_STRING, truncateLogFields } from "../../src/server/logger.js";

describe("log fields a client chooses are cut", () => {
  it("cuts a 50 KB operation name and says how long it was", () => {
    const fields = truncateLogFields({ operationName: "Q".repeat(50_000), requestId: "abc" });
    expect(String(fields.operationName).length).toBeLessThan(MAX_LOG_STRING + 40);
    expect(fields.operationName).toMatch(/\(50000 characters\)$/);
    expect(fields.requestId).toBe("abc");
  });

  it("leaves short fields and non-strings as they are, without copying", () => {
    const fields = { operationName: "Concept", durationMs: 1.5, errorCodes: ["BAD_USER_INPUT"] };
    expect(truncateLogFields(fields)).toBe(fields);
  });
});
