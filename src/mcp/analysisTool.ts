// The MCP tool `analyze_manifests`: manifest analysis for chatbots, as text with citations and as
// structured content with the same data as the GraphQL field analyzeManifests.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { analyzeManifests, type Finding, type ManifestAnalysis } from "../domain/analysis/index.js";
import type { KnowledgeSnapshot } from "../domain/knowledge.js";

const sourceSchema = z.object({ url: z.string(), title: z.string() });

const findingSchema = z.object({
  category: z.string().describe("INVALID_YAML, SCHEMA_VIOLATION, UNSUPPORTED_API, DEPRECATED, INVALID_VALUE, SELECTOR_MATCHES_NOTHING, PORT_MISMATCH, DANGLING_REFERENCE, REFERENCE_NOT_ALLOWED, EXPOSED_TO_OUTSIDE, RETIRED_SOFTWARE or BEST_PRACTICE."),
  severity: z.enum(["ERROR", "WARNING", "INFO"]).describe("ERROR: the API server refuses it or traffic cannot reach any backend; WARNING: accepted but deprecated, risky or probably not meant; INFO: worth knowing."),
  rule: z.string().describe("The check's stable identifier, e.g. service-selector-no-pods."),
  message: z.string(),
  documentIndex: z.number().int().nullable().describe("The YAML document, counting from 0."),
  path: z.string().nullable().describe("Dotted path inside the object, e.g. spec.ports[0].targetPort."),
  fix: z.string(),
  sources: z.array(sourceSchema),
});

export const analyzeOutput = z.object({
  summary: z.string().describe("Plain sentences: what was analysed, counts by severity, first errors, checks not run."),
  kubernetesVersion: z.string(),
  gatewayApiVersion: z.string(),
  objects: z.array(
    z.object({
      documentIndex: z.number().int(),
      apiVersion: z.string().nullable(),
      kind: z.string().nullable(),
      name: z.string().nullable(),
      namespace: z.string().nullable(),
      explanation: z.string().describe("What the object does, who can reach it, ports, backends, policies."),
      concepts: z.array(z.string()).describe("Slugs of related concepts; pass them to get_concept."),
      findings: z.array(findingSchema),
    }),
  ),
  findings: z.array(findingSchema).describe("Every finding, errors first."),
});

const toFinding = (f: Finding) => ({ ...f, sources: f.sources.map((s) => ({ url: s.url, title: s.title })) });

export function toAnalyzeOutput(analysis: ManifestAnalysis): z.infer<typeof analyzeOutput> {
  return analyzeOutput.parse({
    summary: analysis.summary,
    kubernetesVersion: analysis.kubernetesVersion,
    gatewayApiVersion: analysis.gatewayApiVersion,
    objects: analysis.objects.map((o) => ({
      documentIndex: o.documentIndex,
      apiVersion: o.apiVersion,
      kind: o.kind,
      name: o.name,
      namespace: o.namespace,
      explanation: o.explanation,
      concepts: o.concepts.map((c) => c.slug),
      findings: o.findings.map(toFinding),
    })),
    findings: analysis.findings.map(toFinding),
  });
}

/** Readable text: summary, findings with fixes, the explanations, and numbered sources. */
export function analysisText(data: z.infer<typeof analyzeOutput>): string {
  const sources = [...new Map(data.findings.flatMap((f) => f.sources).map((s) => [s.url, s])).values()];
  const cite = (f: z.infer<typeof findingSchema>) => f.sources.map((s) => `[${sources.findIndex((x) => x.url === s.url) + 1}]`).join("");
  const lines = [
    data.summary,
    ...(data.findings.length ? ["", "Findings:"] : []),
    ...data.findings.slice(0, 40).map(
      (f) => `- ${f.severity} ${f.category} (${f.rule})${f.documentIndex !== null ? ` in document ${f.documentIndex}` : ""}${f.path ? ` at ${f.path}` : ""}: ${f.message} Fix: ${f.fix} ${cite(f)}`.trimEnd(),
    ),
    ...(data.findings.length > 40 ? [`- ... and ${data.findings.length - 40} more in structuredContent.`] : []),
    "",
    "Objects:",
    ...data.objects.slice(0, 50).map((o) => `- ${o.kind ?? "?"} ${o.namespace ? `${o.namespace}/` : ""}${o.name ?? "?"} (document ${o.documentIndex}): ${o.explanation}`),
    "",
    sources.length ? ["Sources:", ...sources.map((s, i) => `${i + 1}. ${s.title} — ${s.url}`)].join("\n") : "Sources: none.",
  ];
  return lines.join("\n");
}

export function registerAnalysisTool(server: McpServer, knowledge: KnowledgeSnapshot, onFailure: (error: unknown) => CallToolResult): void {
  server.registerTool(
    "analyze_manifests",
    {
      title: "Analyze Kubernetes networking manifests",
      description:
        "Explains, validates and lints the user's own manifests offline: Services, EndpointSlices, Ingresses, IngressClasses, NetworkPolicies, Gateway API objects (Gateway, HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute, ReferenceGrant, BackendTLSPolicy, ListenerSet) and the workloads whose Pod labels and ports they use. Checks the official API schemas (unknown fields are errors, Gateway API CEL rules included), removed and deprecated APIs at the chosen Kubernetes and Gateway API versions, selectors and ports against the Pods, backends, parents and ReferenceGrants across objects, and documented pitfalls; explains what each object does. Findings come errors first, each with a fix and official sources. Input over 1 MB or 500 documents is a BAD_USER_INPUT error.",
      inputSchema: {
        manifests: z.string().describe("The manifests: YAML documents separated by ---, or JSON (at most 1 MB and 500 documents)."),
        kubernetesVersion: z.string().optional().describe('The cluster\'s Kubernetes version, e.g. "1.33". Default: the newest the knowledge base knows.'),
        gatewayApiVersion: z.string().optional().describe('The installed Gateway API release, e.g. "1.5.0". Default: the newest the knowledge base knows.'),
      },
      outputSchema: analyzeOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async ({ manifests, kubernetesVersion, gatewayApiVersion }): Promise<CallToolResult> => {
      try {
        const data = toAnalyzeOutput(analyzeManifests(manifests, { kubernetesVersion, gatewayApiVersion }, knowledge));
        return { content: [{ type: "text", text: analysisText(data) }], structuredContent: data };
      } catch (error) {
        return onFailure(error);
      }
    },
  );
}
