// Structured JSON logs; LOG_FORMAT=pretty for humans in development.
import { pino, type Logger } from "pino";
import type { Config } from "../config.js";

export function createLogger(config: Pick<Config, "LOG_LEVEL" | "LOG_FORMAT">): Logger {
  return pino({
    level: config.LOG_LEVEL,
    ...(config.LOG_FORMAT === "pretty" ? { transport: { target: "pino-pretty", options: { colorize: true } } } : {}),
  });
}
