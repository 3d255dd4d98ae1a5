// The example frontend client (examples/client), with its generated types, against the real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLRequestError, createClient } from "../../examples/client/client.js";
import { ConceptQuery, RecommendQuery, SearchQuery, ServiceTypesQuery } from "../../examples/client/operations.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let request: ReturnType<typeof createClient>;
beforeAll(async () => {
  server = await startTestServer();
  request = createClient(`${server.url}/graphql`);
});
afterAll(() => server.stop());

describe("the example typed client", () => {
  it("lists Service types", async () => {
    const { serviceTypes } = await request(ServiceTypesQuery);
    expect(serviceTypes.map((t) => t.kubernetesName)).toEqual(["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]);
  });

  it("fetches a concept with its relations", async () => {
    const { concept } = await request(ConceptQuery, { slug: "LB" });
    expect(concept?.name).toMatch(/LoadBalancer/);
    expect(concept?.related.length).toBeGreaterThan(0);
  });

  it("searches and recommends", async () => {
    const { search } = await request(SearchQuery, { query: "sticky sessions", first: 3 });
    expect(search.map((h) => h.concept.slug)).toContain("session-affinity");
    const { recommendServiceType } = await request(RecommendQuery, { requirements: { clients: "IN_CLUSTER", protocols: ["HTTP"] } });
    expect(recommendServiceType.best.option).toBe("CLUSTER_IP");
  });

  it("raises coded errors", async () => {
    const failure = await request(RecommendQuery, { requirements: { clients: "INTERNET", servicePort: 0 } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphQLRequestError);
    expect((failure as GraphQLRequestError).errors[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
