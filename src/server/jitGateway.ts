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

/** Compiled operations by document and operation name; Apollo reuses the parsed document of a query it has seen. */
const compiledOf = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();

function compiled(
  { compileQuery }: typeof import("graphql-jit"),
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
): CompiledQuery | ExecutionResult {
  let byName = compiledOf.get(document);
  if (!byName) compiledOf.set(document, (byName = new Map()));
  const key = operationName ?? "";
  let entry = byName.get(key);
  // Leaves are written as the resolvers return them, without graphql-js's output coercion: its
  // per-leaf checks allocated error paths for every field of every answer (concept: +21 % req/s).
  // Safe here because resolver types are generated from the schema, enum values are their own
  // names and there are no custom scalars (asserted in test/integration/execution.test.ts).
  if (!entry) byName.set(key, (entry = compileQuery(schema, document, operationName ?? undefined, { disableLeafSerialization: true })));
  return entry;
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

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const executor: GatewayExecutor = async (requestContext) => {
    // graphql-js executes until graphql-jit is loaded, and words the error when no operation
    // matches the operation name. (requestContext.operationName is the resolved operation's
    // name; the request's is the one asked for.)
    if (!jit || !requestContext.operation) {
      const { document, request, context } = requestContext;
      return execute({ schema, document, operationName: request.operationName, variableValues: request.variables, contextValue: context });
    }
    const query = compiled(jit, schema, requestContext.document, requestContext.operationName);
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
