// Request logs and Prometheus metrics for GraphQL operations: one plugin sees every operation
// Apollo runs; answers from the response cache are counted separately.
import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { DomainError } from "../domain/errors.js";
import type { Context } from "./context.js";

/** Operation names come from clients: only tidy names become label values, and only so many. */
const MAX_OPERATION_LABELS = 200;

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  readonly requests = new Counter({
    name: "graphql_requests_total",
    help: "GraphQL operations by operation name and outcome (success or error).",
    labelNames: ["operation", "outcome"],
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: "graphql_request_duration_seconds",
    help: "Time from receiving a GraphQL operation to sending its answer.",
    labelNames: ["operation"],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: "graphql_errors_total",
    help: "GraphQL errors by extensions.code.",
    labelNames: ["code"],
    registers: [this.registry],
  });
  readonly cacheHits = new Counter({
    name: "graphql_response_cache_hits_total",
    help: "Answers served from the response cache without running the operation.",
    registers: [this.registry],
  });

  constructor(knowledgeVersion: string) {
    new Gauge({
      name: "knowledge_base_info",
      help: "The knowledge base version this process serves (always 1).",
      labelNames: ["version"],
      registers: [this.registry],
    }).set({ version: knowledgeVersion }, 1);
    collectDefaultMetrics({ register: this.registry });
  }

  operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (!/^[A-Za-z_]\w{0,63}$/.test(name)) return "invalid";
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return "other";
    this.operations.add(name);
    return name;
  }
}

function errorCode(error: unknown): string {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return original.code;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === "string" ? code : "INTERNAL_SERVER_ERROR";
}

export function observabilityPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const codes: string[] = [];
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) codes.push(errorCode(error));
        },
        async willSendResponse({ request, operationName }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const operation = metrics.operationLabel(operationName ?? request.operationName);
          metrics.requests.inc({ operation, outcome: codes.length ? "error" : "success" });
          metrics.duration.observe({ operation }, seconds);
          for (const code of codes) metrics.errors.inc({ code });
          contextValue.logger.info(
            { operationName: operationName ?? request.operationName ?? null, durationMs: Math.round(seconds * 1e5) / 100, errorCodes: codes },
            codes.length ? "graphql operation failed" : "graphql operation",
          );
        },
      };
    },
  };
}
