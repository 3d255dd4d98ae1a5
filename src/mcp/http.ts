// The MCP server over Streamable HTTP, stateless: every POST gets its own McpServer and transport
// (the SDK's documented stateless pattern; cheap, because the knowledge snapshot and search index
// are shared). Mount it behind express.json():
//   app.use("/mcp", express.json({ limit: "100kb" }), mcpHttpHandler({ knowledge, searchIndex }));
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import express, { type Request, type Response } from "express";
import { createMcpServer, type McpDeps } from "./server.js";

/** A JSON-RPC error body, as MCP clients expect it even outside a request. */
const rpcError = (code: number, message: string) => ({ jsonrpc: "2.0", error: { code, message }, id: null });

export function mcpHttpHandler(deps: McpDeps): express.Router {
  const router = express.Router();

  router.post("/", async (req: Request, res: Response) => {
    const server = createMcpServer(deps);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch (error) {
      deps.onError?.(error);
      if (!res.headersSent) res.status(500).json(rpcError(-32603, "Internal server error"));
    }
  });

  // Stateless: no server-initiated stream (GET) and no session to end (DELETE).
  const notAllowed = (_req: Request, res: Response) => {
    res.status(405).set("Allow", "POST").json(rpcError(-32000, "Method not allowed: this MCP endpoint is stateless; send requests with POST."));
  };
  router.get("/", notAllowed);
  router.delete("/", notAllowed);
  return router;
}
