// The MCP tool `migrate_ingress`: the Ingress to Gateway API migration for chatbots, as text with
// citations and as structured content with the same data as the GraphQL field migrateIngress.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { KnowledgeSnapshot } from "../domain/knowledge.js";
import { migrateIngress, type IngressMigration } from "../domain/migrate/index.js";
import { MIGRATION_OUTCOMES } from "../domain/migrate/rules.js";

const sourceSchema = z.object({ url: z.string(), title: z.string() });

export const migrateOutput = z.object({
  summary: z.string().describe("Two or three plain sentences: what was produced, how the annotations fared, what to do next."),
  manifests: z.string().describe("The Gateway API objects as YAML documents separated by ---."),
  annotations: z
    .array(
      z.object({
        ingress: z.string().describe("The Ingress, as namespace/name."),
        annotation: z.string(),
        value: z.string(),
        outcome: z.enum(MIGRATION_OUTCOMES).describe("TRANSLATED, PARTIAL (written, but behaves differently), NOT_TRANSLATED (nothing holds it) or IGNORED (nothing to carry over)."),
        gatewayField: z.string().nullable().describe("The Gateway API object and field it became, or null."),
        note: z.string().describe("What behaves differently; for annotations that do not carry over, the nearest option."),
        sources: z.array(sourceSchema),
      }),
    )
    .describe("One entry per annotation on each input Ingress."),
  warnings: z.array(z.string()).describe("Behaviour changes to check after the switch, each with its source URL."),
});

export function toMigrateOutput(result: IngressMigration): z.infer<typeof migrateOutput> {
  return migrateOutput.parse({
    summary: result.summary,
    manifests: result.manifests,
    annotations: result.annotations.map((a) => ({ ...a, sources: a.sources.map((s) => ({ url: s.url, title: s.title })) })),
    warnings: result.warnings,
  });
}

/** Readable text: summary, annotations that need attention, warnings, the YAML and numbered sources. */
export function migrationText(data: z.infer<typeof migrateOutput>): string {
  const sources = [...new Map(data.annotations.flatMap((a) => a.sources).map((s) => [s.url, s])).values()];
  const cite = (a: z.infer<typeof migrateOutput>["annotations"][number]) => a.sources.map((s) => `[${sources.findIndex((x) => x.url === s.url) + 1}]`).join("");
  const lines = [
    data.summary,
    "",
    "Annotations:",
    ...data.annotations.map((a) => `- ${a.ingress} ${a.annotation}: ${a.outcome}${a.gatewayField ? ` -> ${a.gatewayField}` : ""}. ${a.note} ${cite(a)}`.trimEnd()),
    ...(data.warnings.length ? ["", "Warnings:", ...data.warnings.map((w) => `- ${w}`)] : []),
    "",
    "Gateway API manifests:",
    data.manifests,
    sources.length ? ["Sources:", ...sources.map((s, i) => `${i + 1}. ${s.title} — ${s.url}`)].join("\n") : "Sources: none.",
  ];
  return lines.join("\n");
}

export function registerMigrateTool(server: McpServer, knowledge: KnowledgeSnapshot, onFailure: (error: unknown) => CallToolResult): void {
  server.registerTool(
    "migrate_ingress",
    {
      title: "Migrate Ingress to Gateway API",
      description:
        "Converts the user's Ingress manifests (ingress-nginx, the retired controller, or another controller) into Gateway API v1.6.1 objects: a Gateway per IngressClass with HTTP and HTTPS listeners, HTTPRoutes that keep the Ingress path semantics, GRPCRoutes for gRPC backends, TLSRoutes for SSL passthrough, BackendTLSPolicies for HTTPS backends and ReferenceGrants. Reports every annotation with what it became (TRANSLATED, PARTIAL, NOT_TRANSLATED with the nearest option, or IGNORED) and warns about ingress-nginx behaviours that change (case-insensitive prefix regex matching, use-regex applying to the whole host, rewrite-target implying regex, trailing-slash redirects, URL normalisation), each with what to check and an official source. Input over 1 MB or 500 documents, or without an Ingress, is a BAD_USER_INPUT error.",
      inputSchema: {
        manifests: z.string().describe("The manifests: Ingresses, plus Services (for named ports) and IngressClasses if you have them; YAML documents separated by ---, or JSON (at most 1 MB and 500 documents)."),
        gatewayName: z.string().optional().describe("Put every route on one Gateway with this name. Default: one Gateway per IngressClass."),
        gatewayNamespace: z.string().optional().describe("The Gateway's namespace. Default: where most of the class's Ingresses are."),
        gatewayClassName: z.string().optional().describe("The GatewayClass of the Gateway API implementation (kubectl get gatewayclass). Default: the IngressClass name, with a warning."),
        allowExperimental: z.boolean().optional().describe("Allow Experimental channel fields (HTTPRoute sessionPersistence for cookie affinity). Default false."),
      },
      outputSchema: migrateOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async ({ manifests, gatewayName, gatewayNamespace, gatewayClassName, allowExperimental }): Promise<CallToolResult> => {
      try {
        const data = toMigrateOutput(migrateIngress(manifests, { gatewayName, gatewayNamespace, gatewayClassName, allowExperimental }, knowledge));
        return { content: [{ type: "text", text: migrationText(data) }], structuredContent: data };
      } catch (error) {
        return onFailure(error);
      }
    },
  );
}
