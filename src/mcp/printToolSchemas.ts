// Prints OpenAI-style function definitions for `ask` and `recommendServiceType`, with the JSON
// Schema generated from the same zod schemas the MCP server publishes. docs/chatbots.md pastes
// the output. Run: npx tsx src/mcp/printToolSchemas.ts
import { z } from "zod";
import { requirementsSchema } from "./requirementsSchema.js";

const askParameters = z.object({
  question: z.string().describe("The user's question about Kubernetes networking, in English (at most 500 characters)."),
});

/** JSON Schema without the $schema line, as function-calling APIs expect it. */
function parameters(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-7" }) as Record<string, unknown>;
  return rest;
}

const toolDefinitions = [
  {
    type: "function",
    function: {
      name: "ask",
      description:
        "Answers a question about Kubernetes networking (Services, kube-proxy, DNS, traffic policies, Ingress, Gateway API, MetalLB) in at most three plain sentences from a curated knowledge base, with official sources and follow-up questions. Use it for definitions, comparisons, versions and what-should-I-use questions.",
      parameters: parameters(askParameters),
    },
  },
  {
    type: "function",
    function: {
      name: "recommendServiceType",
      description:
        "Recommends how to expose or reach a Kubernetes workload (a Service type, an Ingress, a Gateway API route, or nothing) from structured requirements. Returns the best option with reasons and sources, ranked alternatives, rejected options, warnings and a manifest. Only `clients` is required; leave out what the user did not say.",
      parameters: parameters(requirementsSchema),
    },
  },
] as const;

process.stdout.write(`${JSON.stringify(toolDefinitions, null, 2)}\n`);
