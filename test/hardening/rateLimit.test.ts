// Per-client-IP token buckets: RATE_LIMIT_BURST requests pass at once, the next gets 429 with
// Retry-After and a coded GraphQL error; probes are never limited; X-Forwarded-For counts only
// with TRUST_PROXY; and with the default settings nothing is limited.
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

const LIMITED = { RATE_LIMIT_PER_MINUTE: 60, RATE_LIMIT_BURST: 5 };
const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

async function start(settings: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(settings);
  servers.push(server);
  return server;
}

let counter = 0;
/** A POST with a new document each time, so no cache can answer it without the limiter seeing it. */
async function post(server: TestServer, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: `{ q${counter++}: serviceTypes { name } }` }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

async function statuses(count: number, send: () => Promise<{ status: number }>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await send()).status);
  return out;
}

describe("with RATE_LIMIT_PER_MINUTE=60 and RATE_LIMIT_BURST=5", () => {
  it("lets 5 quick requests through and answers the 6th with 429, Retry-After and RATE_LIMITED", async () => {
    const server = await start(LIMITED);
    expect(await statuses(5, () => post(server))).toEqual([200, 200, 200, 200, 200]);
    const limited = await post(server);
    expect(limited.status).toBe(429);
    const retryAfter = limited.headers.get("retry-after");
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("content-type")).toMatch(/json/);
    const body = JSON.parse(limited.text);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(typeof body.errors[0].message).toBe("string");
    expect(body.data ?? null).toBeNull();
  });

  it("never limits /healthz, /readyz (or /metrics) even when the client's bucket is empty", async () => {
    const server = await start(LIMITED);
    await statuses(6, () => post(server));
    expect((await post(server)).status).toBe(429);
    for (const path of ["/healthz", "/readyz", "/metrics"]) {
      expect(await statuses(20, () => fetch(`${server.url}${path}`).then(async (r) => (await r.arrayBuffer(), r))), path).toEqual(Array(20).fill(200));
    }
  });

  it("counts GET requests answered from the response cache as well", async () => {
    const server = await start(LIMITED);
    const get = () =>
      fetch(`${server.url}/graphql?query=${encodeURIComponent("{ serviceTypes { name } }")}`, { headers: { "apollo-require-preflight": "true" } }).then(async (r) => (await r.arrayBuffer(), r));
    const answers = await statuses(6, get);
    expect(answers.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[5]).toBe(429);
  });

  it("with TRUST_PROXY=loopback, gives each X-Forwarded-For address its own bucket", async () => {
    const server = await start({ ...LIMITED, TRUST_PROXY: "loopback" });
    const from = (ip: string) => () => post(server, { "x-forwarded-for": ip });
    expect(await statuses(6, from("203.0.113.1"))).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await statuses(6, from("203.0.113.2"))).toEqual([200, 200, 200, 200, 200, 429]);
    // The proxy itself (no X-Forwarded-For) is yet another client.
    expect((await post(server)).status).toBe(200);
  });

  it("without TRUST_PROXY, ignores X-Forwarded-For: all addresses share the connection's bucket", async () => {
    const server = await start(LIMITED);
    const from = (ip: string) => () => post(server, { "x-forwarded-for": ip });
    expect(await statuses(5, from("203.0.113.1"))).toEqual([200, 200, 200, 200, 200]);
    expect((await from("203.0.113.2")()).status).toBe(429);
    expect((await post(server)).status).toBe(429);
  });
});

describe("with the default settings", () => {
  it("never answers 429 to 50 quick requests", async () => {
    const server = await start(undefined);
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(server)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
  });
});
