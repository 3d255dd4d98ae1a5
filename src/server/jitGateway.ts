// Runs operations with graphql-jit instead of graphql-js's interpreter. graphql-js walks the
// schema for every field of every answer; graphql-jit compiles each distinct operation into a
// function once. Apollo Server takes a custom executor only through its gateway interface, so
// this is a "gateway" with one fixed schema. Parsing, validation (with the limits), plugins and
// error formatting stay Apollo's. graphql-jit (with fast-json-stringify and ajv) takes a while to
// load, so it is loaded after start-up (see `loadCompiler`); until then graphql-js executes.
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { type DocumentNode, type ExecutionResult, execute, GraphQLError, type GraphQLSchema, printSchema } from "graphql";
import { getVariableValues } from "graphql/execution/values.js";
import type { CompiledQuery } from "graphql-jit";

let jit: typeof import("graphql-jit") | undefined;
let loading: Promise<void> | undefined;

export const compilerLoaded = (): boolean => jit !== undefined;

/** Loads graphql-jit once; operations are compiled from then on. */
export function loadCompiler(): Promise<void> {
  return (loading ??= import("graphql-jit").then((module) => {
    jit = module;
  }));
}

export interface CompileBudget {
  /**
   * How many operations graphql-jit may compile in the life of the process. Each compilation keeps
   * about 20-75 KB of heap that is never given back, even once the operation is forgotten (measured:
   * bench/soak.ts, and a loop of compileQuery alone grows by 19 KB per distinct document), so a
   * stream of distinct documents would exhaust the heap. Past the budget, graphql-js executes.
   */
  readonly maxCompilations: number;
  /** Operations run this many times before they are compiled: one-off documents never are. */
  readonly compileAfterRuns: number;
}

interface OperationEntry {
  runs: number;
  compiled?: CompiledQuery | ExecutionResult;
}

/** Operations by document and operation name; Apollo reuses the parsed document of a query it has seen. */
const operationsOf = new WeakMap<DocumentNode, Map<string, OperationEntry>>();

/** The compiled operation, or undefined when graphql-js should run this one. */
function compiled(
  { compileQuery }: typeof import("graphql-jit"),
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
  budget: CompileBudget & { used: number },
): CompiledQuery | ExecutionResult | undefined {
  let byName = operationsOf.get(document);
  if (!byName) operationsOf.set(document, (byName = new Map()));
  const key = operationName ?? "";
  let operation = byName.get(key);
  if (!operation) byName.set(key, (operation = { runs: 0 }));
  if (operation.compiled) return operation.compiled;
  if (++operation.runs < budget.compileAfterRuns || budget.used >= budget.maxCompilations) return undefined;
  budget.used++;
  // Leaves are written as the resolvers return them, without graphql-js's output coercion: its
  // per-leaf checks allocated error paths for every field of every answer (concept: +21 % req/s).
  // Safe here because resolver types are generated from the schema, enum values are their own
  // names and there are no custom scalars (asserted in test/integration/execution.test.ts).
  return (operation.compiled = compileQuery(schema, document, operationName ?? undefined, { disableLeafSerialization: true }));
}

/**
 * graphql-jit's errors have no `extensions` (and it cannot be set); Apollo's error handling and
 * ours read `extensions.code`. Rebuilt as graphql-js would build them, with the same locations.
 */
function withExtensions(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((error) => !error.extensions)) return result;
  const errors = result.errors.map((error) => {
    if (error.extensions) return error;
    const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError });
    (copy as { locations: GraphQLError["locations"] }).locations = error.locations;
    return copy;
  });
  return { ...result, errors };
}

export function jitGateway(schema: GraphQLSchema, compileBudget: CompileBudget): GatewayInterface & { compilations(): number } {
  const budget = { ...compileBudget, used: 0 };
  const executor: GatewayExecutor = async (requestContext) => {
    // graphql-js executes until graphql-jit is loaded, for operations not worth (or past the
    // budget for) compiling, and to word the error when no operation matches the operation name.
    // (requestContext.operationName is the resolved operation's name; the request's is the one asked for.)
    const query = jit && requestContext.operation ? compiled(jit, schema, requestContext.document, requestContext.operationName, budget) : undefined;
    if (!jit || !query) {
      const { document, request, context } = requestContext;
      return execute({ schema, document, operationName: request.operationName, variableValues: request.variables, contextValue: context });
    }
    // Not compilable: the errors say why, as graphql-js would.
    if (!jit.isCompiledQuery(query)) return withExtensions(query);
    const variables = requestContext.request.variables ?? {};
    const result = await query.query(undefined, requestContext.context, variables);
    if (result.errors?.length && !("data" in result)) {
      // Invalid variables. graphql-js's errors point at the variable definition, which is how
      // Apollo recognises them as BAD_USER_INPUT (HTTP 400), and its messages name the bad value.
      const coerced = getVariableValues(schema, requestContext.operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    return withExtensions(result);
  };
  return {
    /** How much of the budget is spent. */
    compilations: () => budget.used,
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}
