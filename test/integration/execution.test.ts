// The server executes operations with graphql-jit. Every answer must be what graphql-js itself
// gives for the same schema, resolvers and context: data, error messages, paths and codes.
import { makeExecutableSchema } from "@graphql-tools/schema";
import { graphql, isEnumType, isScalarType, isSpecifiedScalarType } from "graphql";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../src/domain/search/search.js";
import { resolvers } from "../../src/schema/index.js";
import { formatError } from "../../src/server/errors.js";
import { typeDefs } from "../../src/server/app.js";
import { compilerLoaded, loadCompiler } from "../../src/server/jitGateway.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const CASES: [string, string, Record<string, unknown>?][] = [
  ["service types with attributes", "{ serviceTypes { id name kubernetesName buildsOn { name } reachableFrom concept { slug } sources { url } } }"],
  ["a concept with related concepts", '{ concept(slug: "LB") { id kind lifecycle { track status statusAt(kubernetesVersion: "1.20") } related { type direction concept { slug } } capabilities { dimension { slug } value } } }'],
  ["pages of concepts", "query($after: String) { concepts(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug } } } }", { after: null }],
  ["a comparison", 'query($l: String!, $r: String!) { compare(left: $l, right: $r) { summary rows { dimension { slug } left right } statements { statement kubernetesVersion } } }', { l: "ingress", r: "gateway-api" }],
  ["nodes through the interface", '{ a: node(id: "bm90LWEtbm9kZQ") { id } b: serviceTypes { id } }'],
  ["a recommendation", "query($r: ServiceRequirementsInput!) { recommendServiceType(requirements: $r) { summary warnings best { option score settings { path value } manifest } rejected { option } } }", { r: { clients: "INTERNET", protocols: ["UDP"] } }],
  ["search", 'query { search(query: "client ip", first: 3) { score snippet matchedFields concept { slug } } }'],
  ["a domain error next to data", '{ serviceTypes { name } compare(left: "nope", right: "svc") { summary } }'],
  ["a domain error in a list", '{ concepts(first: 500) { totalCount } }'],
  ["an invalid enum in variables", "query($t: ServiceTypeName!) { serviceType(name: $t) { name } }", { t: "NOPE" }],
  ["a missing required variable", "query($t: ServiceTypeName!) { serviceType(name: $t) { name } }", {}],
  ["a wrong type in an input object", "query($r: ServiceRequirementsInput!) { recommendServiceType(requirements: $r) { summary } }", { r: { clients: "INTERNET", servicePort: "eighty" } }],
  ["__typename and aliases", '{ __typename x: serviceType(name: NODE_PORT) { __typename n: name } }'],
];

describe("graphql-jit execution matches graphql-js", () => {
  let server: TestServer;
  let reference: (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

  beforeAll(async () => {
    // Every operation compiled on its first run, so every case below runs on graphql-jit.
    server = await startTestServer({ RESPONSE_CACHE_MAX_ENTRIES: 0, JIT_COMPILE_AFTER_RUNS: 1 });
    // The server loads graphql-jit a second after it starts; these tests need it now.
    await loadCompiler();
    expect(compilerLoaded()).toBe(true);
    const schema = makeExecutableSchema({ typeDefs, resolvers });
    const searchIndex = buildSearchIndex(server.knowledge);
    const contextValue = { knowledge: server.knowledge, searchIndex, requestId: "reference", logger: pino({ level: "silent" }) };
    reference = async (source, variableValues) => {
      const result = await graphql({ schema, source, variableValues, contextValue });
      // As the server words errors: formatted by the same formatError, without locations.
      if (!("data" in result)) return { requestErrors: result.errors!.map((e) => e.message) };
      return JSON.parse(
        JSON.stringify({
          ...(result.errors ? { errors: result.errors.map((e) => ({ ...formatError(e.toJSON(), e), locations: undefined })) } : {}),
          data: result.data,
        }),
      );
    };
  });
  afterAll(() => server.stop());

  it("needs no output coercion of leaves, which graphql-jit is told to skip", () => {
    const types = Object.values(makeExecutableSchema({ typeDefs, resolvers }).getTypeMap()).filter((t) => !t.name.startsWith("__"));
    expect(types.filter((t) => isScalarType(t) && !isSpecifiedScalarType(t)).map((t) => t.name)).toEqual([]);
    const renamed = types.filter(isEnumType).flatMap((t) => t.getValues().filter((v) => v.value !== v.name).map((v) => `${t.name}.${v.name}`));
    expect(renamed).toEqual([]);
  });

  it.each(CASES)("%s", async (_, query, variables) => {
    const actual = (await server.graphql(query, variables)).body;
    const expected = (await reference(query, variables)) as { requestErrors?: string[] };
    const withoutLocations = JSON.parse(JSON.stringify(actual, (key, value) => (key === "locations" ? undefined : value)));
    if (expected.requestErrors) {
      // Variable errors: graphql-js's messages, with the BAD_USER_INPUT code Apollo gives them.
      expect(withoutLocations.data).toBeUndefined();
      expect(withoutLocations.errors.map((e: { message: string }) => e.message)).toEqual(expected.requestErrors);
      for (const error of withoutLocations.errors) expect(error.extensions.code).toBe("BAD_USER_INPUT");
      return;
    }
    expect(withoutLocations).toEqual(expected);
  });
});

describe("graphql-jit's compile budget", () => {
  // Each compilation keeps heap for good (see JIT_MAX_COMPILATIONS), so compiling is rationed.
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ RESPONSE_CACHE_MAX_ENTRIES: 0, JIT_COMPILE_AFTER_RUNS: 2, JIT_MAX_COMPILATIONS: 3 });
    await loadCompiler();
  });
  afterAll(() => server.stop());

  it("compiles an operation on its second run, and never a one-off document", async () => {
    await server.graphql('{ a1: serviceTypes { name } }');
    expect(server.app.jitCompilations()).toBe(0);
    await server.graphql('{ a1: serviceTypes { name } }');
    expect(server.app.jitCompilations()).toBe(1);
    await server.graphql('{ a1: serviceTypes { name } }');
    expect(server.app.jitCompilations()).toBe(1);
  });

  it("stops compiling at the budget and still answers every operation the same way", async () => {
    const answers: unknown[] = [];
    for (let i = 2; i <= 6; i++) {
      const query = `{ a${i}: serviceTypes { name } }`;
      await server.graphql(query);
      answers.push((await server.graphql(query)).body.data);
    }
    expect(server.app.jitCompilations()).toBe(3);
    expect(answers.map((data) => Object.values(data as Record<string, unknown>)[0])).toEqual(Array(5).fill(answers.map((d) => Object.values(d as Record<string, unknown>)[0])[0]));
  });
});
