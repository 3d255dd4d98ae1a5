// Objects built for every request must not be object literals with getters or setters. V8 gives
// each such literal a new accessor pair in the old generation; its closures then keep the whole
// request (variables, context, answer) alive through young collections until the next full one.
// Fixing the three places that did this cut promotion from 12.8 to 0.7 KB per recommendServiceType
// request and full collections from 9–15 to 1–3 per 4 s of load (README, Performance).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { HeaderMap } from "@apollo/server";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { recommend } from "../../src/domain/recommend/index.js";
import type { SearchIndex } from "../../src/domain/search/search.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";
import { RequestContext } from "../../src/server/context.js";

const ownAccessors = (value: object) =>
  Object.entries(Object.getOwnPropertyDescriptors(value))
    .filter(([, descriptor]) => descriptor.get || descriptor.set)
    .map(([name]) => name);

describe("objects built per request", () => {
  it("a recommended option renders its manifest lazily from a class accessor", () => {
    const knowledge = buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0)));
    const result = recommend({ clients: "INTERNET", protocols: ["HTTPS"], routing: ["HOST"] }, knowledge, knowledge.recommendationRules);
    for (const option of [result.best, ...result.alternatives]) {
      expect(ownAccessors(option), option.option).toEqual([]);
      // Only the answer's fields are own properties: nothing internal leaks into a spread or JSON.
      expect(Object.keys(option).sort()).toEqual(["conceptSlug", "option", "reasons", "score", "serviceType", "settings"]);
    }
    expect(result.best.manifest).toContain("kind: HTTPRoute");
    expect(result.best.manifest).toBe(result.best.manifest);
  });

  it("the resolver context looks the search index up through a class accessor", () => {
    let built = 0;
    const index = {} as SearchIndex;
    const context = new RequestContext(buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0))), () => (built++, index), "id", pino({ level: "silent" }));
    expect(ownAccessors(context)).toEqual([]);
    expect(built).toBe(0);
    expect(context.searchIndex).toBe(index);
    expect(built).toBe(1);
    // Apollo copies the context for every operation, as here: the copy must still find the index.
    const copy = Object.assign(Object.create(Object.getPrototypeOf(context) as object) as RequestContext, context);
    expect(copy.searchIndex).toBe(index);
  });

  // patches/@apollo+server+5.5.1.patch, applied by patch-package on every install.
  it("Apollo's gateway request context is patched, and the status still reaches Apollo's response", async () => {
    for (const build of ["esm", "cjs"]) {
      const file = path.join(PROJECT_ROOT, "node_modules", "@apollo", "server", "dist", build, "utils", "makeGatewayGraphQLRequestContext.js");
      const { makeGatewayGraphQLRequestContext } = (await import(pathToFileURL(file).href)) as {
        makeGatewayGraphQLRequestContext: (context: unknown, server: unknown, internals: unknown) => { response: { http: { status?: number; headers: { set(n: string, v: string): void } } } };
      };
      const apolloContext = { request: { query: "{ __typename }" }, response: { http: { status: undefined as number | undefined, headers: new HeaderMap() } } };
      const gateway = makeGatewayGraphQLRequestContext(apolloContext, { logger: console, cache: undefined }, { includeStacktraceInErrorResponses: false });
      expect(ownAccessors(gateway.response.http), build).toEqual([]);
      expect(gateway.response.http.status).toBeUndefined();
      gateway.response.http.status = 418;
      gateway.response.http.headers.set("x-from-gateway", "yes");
      expect(apolloContext.response.http.status).toBe(418);
      expect(apolloContext.response.http.headers.get("x-from-gateway")).toBe("yes");
      apolloContext.response.http.status = 200;
      expect(gateway.response.http.status).toBe(200);
    }
  });
});
