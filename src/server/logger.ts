// Structured JSON logs; LOG_FORMAT=pretty for humans in development.
import { pino, type Logger } from "pino";
import type { Config } from "../config.js";

/** Longer strings in a log line are cut: a client chooses some of them (an operation name, a slug). */
export const MAX_LOG_STRING = 256;

function truncated(value: unknown): unknown {
  return typeof value === "string" && value.length > MAX_LOG_STRING ? `${value.slice(0, MAX_LOG_STRING)}... (${value.length} characters)` : value;
}

/** Cuts long strings among a log line's fields (one level deep: error objects keep their shape). */
export function truncateLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(fields)) {
    const cut = truncated(value);
    if (cut !== value) (copy ??= { ...fields })[key] = cut;
  }
  return copy ?? fields;
}

export function createLogger(config: Pick<Config, "LOG_LEVEL" | "LOG_FORMAT">): Logger {
  return pino({
    level: config.LOG_LEVEL,
    formatters: { log: truncateLogFields },
    ...(config.LOG_FORMAT === "pretty" ? { transport: { target: "pino-pretty", options: { colorize: true } } } : {}),
  });
}
