// What the API says about the knowledge base's coverage and its sources' checked dates, through the
// real server and its seeded database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("knowledgeBase", () => {
  it("says which Kubernetes and Gateway API versions the content covers and when it was last checked", async () => {
    const { status, body } = await server.graphql(`{ knowledgeBase { kubernetesVersion gatewayApiVersion lastChecked } }`);
    expect(status).toBe(200);
    expect(body.data!.knowledgeBase).toEqual({ kubernetesVersion: "1.37", gatewayApiVersion: "1.6.1", lastChecked: "2026-12-03" });
  });

  it("gives every source of a concept its checked date", async () => {
    const { body } = await server.graphql(`{ concept(slug: "service-name-validation") { sources { url checked } lifecycle { stableIn statusAt(kubernetesVersion: "1.36") } } }`);
    const concept = body.data!.concept;
    expect(concept.lifecycle).toEqual({ stableIn: "1.37", statusAt: "BETA" });
    expect(concept.sources.length).toBeGreaterThan(0);
    for (const source of concept.sources) expect(source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("reports MetalLB as implementing the LoadBalancer type", async () => {
    const { body } = await server.graphql(`{ concept(slug: "metallb") { related { type direction concept { slug } } } }`);
    expect(body.data!.concept.related).toContainEqual({ type: "IMPLEMENTS", direction: "OUTGOING", concept: { slug: "load-balancer" } });
  });
});
