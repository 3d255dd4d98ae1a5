// (a) The floor: a bare node:http server that answers every request with a precomputed body of the
// same bytes the real server sends for the query under test (set by the parent before each run).
import http from "node:http";
import { onParentMessage, send } from "./ipc.js";

let body = Buffer.from("{}");

const server = http.createServer((req, res) => {
  // Read the request like a real server must, then answer.
  req.on("data", () => {});
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length });
    res.end(body);
  });
});

onParentMessage((message: { type: string; body?: string }) => {
  if (message.type === "setBody" && typeof message.body === "string") body = Buffer.from(message.body);
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  send({ type: "ready", port: typeof address === "object" && address ? address.port : 0 });
});
