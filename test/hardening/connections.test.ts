// Slow and greedy clients: headers that never finish, and more connections than the server keeps.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let port: number;

beforeAll(async () => {
  server = await startTestServer({ HEADERS_TIMEOUT_MS: 1000, REQUEST_TIMEOUT_MS: 2000, MAX_CONNECTIONS: 3 });
  port = Number(new URL(server.url).port);
});
afterAll(() => server.stop());

/** Opens a connection and resolves with what the server sent before closing it, or "open" after `waitMs`. */
function connectAndWait(send: string, waitMs: number): Promise<{ closed: boolean; received: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    const timer = setTimeout(() => {
      resolve({ closed: false, received });
      socket.destroy();
    }, waitMs);
    socket.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ closed: true, received });
    });
    socket.on("error", () => {});
    socket.write(send);
  });
}

describe("HEADERS_TIMEOUT_MS", () => {
  it("drops a client that never finishes its headers (Node's default waits 60 s)", async () => {
    const result = await connectAndWait("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", 8000);
    expect(result.closed).toBe(true);
    expect(result.received).toMatch(/^HTTP\/1\.1 408/);
  }, 15_000);
});

describe("MAX_CONNECTIONS", () => {
  it("closes connections beyond the cap at once and keeps serving the others", async () => {
    const held = await Promise.all(
      Array.from({ length: 3 }, () => {
        const socket = net.connect(port, "127.0.0.1");
        socket.on("error", () => {});
        return new Promise<net.Socket>((resolve) => socket.once("connect", () => resolve(socket)));
      }),
    );
    try {
      // Give the server a moment to count them.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const extra = await connectAndWait("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n", 3000);
      expect(extra.closed).toBe(true);
      expect(extra.received).toBe("");
    } finally {
      for (const socket of held) socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
