// The MCP server: the knowledge service's questions as tools for chatbots and agents. Each tool
// calls the same domain functions as the GraphQL resolvers and answers twice: readable plain text
// with numbered citations in `content`, and the same data as `structuredContent`.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { ask } from "../domain/ask/index.js";
import { compareConcepts } from "../domain/compare.js";
import { DomainError } from "../domain/errors.js";
import type { KnowledgeSnapshot } from "../domain/knowledge.js";
import { findConcept, suggestConcepts } from "../domain/lookup.js";
import { recommend, recommendFromQuestion } from "../domain/recommend/index.js";
import { findGuide } from "../domain/guides/index.js";
import { search, searchGuides, type SearchIndex } from "../domain/search/search.js";
import { parseKubernetesVersion } from "../domain/versions.js";
import {
  askOutput,
  getGuideOutput,
  searchGuidesOutput,
  toGuideOutput,
  compareOutput,
  conceptOutput,
  recommendFromQuestionOutput,
  recommendOutput,
  searchOutput,
  toAskOutput,
  toCompareOutput,
  toConceptDetail,
  toQuestionRecommendation,
  toRecommendation,
  toSearchOutput,
} from "./output.js";
import { requirementsShape, toRequirementsInput } from "./requirementsSchema.js";
import { registerAnalysisTool } from "./analysisTool.js";
import { registerMigrateTool } from "./migrateTool.js";

export interface McpDeps {
  readonly knowledge: KnowledgeSnapshot;
  readonly searchIndex: SearchIndex;
  /** Called with errors that are not the caller's fault (they are answered without details). */
  readonly onError?: (error: unknown) => void;
}

export const SERVER_NAME = "k8s-networking-knowledge";
export const SERVER_VERSION = "0.1.0";

const INSTRUCTIONS = [
  "Answers questions about Kubernetes Services and their alternatives (Service types, kube-proxy, DNS, traffic policies, Ingress, Gateway API, MetalLB) from a curated knowledge base that cites the official documentation for every fact.",
  "Start with `ask` for a question in plain English; use `recommend_service_type` when the requirements are known, `compare` for two named concepts, `get_concept` or `search_concepts` to look things up, and `search_guides` and `get_guide` for troubleshooting and how-to guides with exact kubectl checks.",
  "To move Ingress manifests (ingress-nginx or others) to Gateway API, pass them to `migrate_ingress`.",
  "Quote the Sources lines when you repeat an answer.",
].join(" ");

type Cited = { readonly url: string; readonly title: string };

/** "Sources:\n1. Title — URL" for the citations behind a text. */
export function sourcesBlock(sources: readonly Cited[]): string {
  if (sources.length === 0) return "Sources: none.";
  return ["Sources:", ...sources.map((s, i) => `${i + 1}. ${s.title} — ${s.url}`)].join("\n");
}

const ok = <T extends Record<string, unknown>>(text: string, structuredContent: T): CallToolResult => ({
  content: [{ type: "text", text }],
  structuredContent,
});

/** Domain errors become tool errors that say the code, the field and what to fix; nothing is thrown. */
export function toolError(error: unknown, onError?: (error: unknown) => void): CallToolResult {
  if (error instanceof DomainError) {
    const suggestions = Array.isArray(error.details?.suggestions) ? (error.details.suggestions as unknown[]).map(String) : [];
    const lines = [
      `Error ${error.code}${error.field ? ` (field: ${error.field})` : ""}: ${error.message}`,
      ...(suggestions.length ? [`Suggestions: ${suggestions.join(", ")}`] : []),
    ];
    return { isError: true, content: [{ type: "text", text: lines.join("\n") }] };
  }
  onError?.(error);
  return { isError: true, content: [{ type: "text", text: "Error INTERNAL_SERVER_ERROR: the tool failed unexpectedly; try again later." }] };
}

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

export function createMcpServer(deps: McpDeps): McpServer {
  const { knowledge, searchIndex, onError } = deps;
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION }, { instructions: INSTRUCTIONS });
  const guard =
    <A>(run: (args: A) => CallToolResult) =>
    async (args: A): Promise<CallToolResult> => {
      try {
        return run(args);
      } catch (error) {
        return toolError(error, onError);
      }
    };

  server.registerTool(
    "search_concepts",
    {
      title: "Search the knowledge base",
      description:
        "Ranked full-text search over Kubernetes networking concepts (names, aliases, summaries, explanations and facts). Understands Kubernetes vocabulary (svc, LB, L4/L7, externalTrafficPolicy), typos and word forms. Ask in your own words, e.g. \"why is my LoadBalancer EXTERNAL-IP pending\". Returns the best concepts with a snippet and their official sources.",
      inputSchema: {
        query: z.string().max(500).describe("What to look for, in plain words or Kubernetes terms (at most 500 characters)."),
        first: z.number().int().optional().describe("How many hits to return, from 1 to 50 (default 10)."),
        kubernetesVersion: z.string().max(20).optional().describe('Only concepts that exist at this Kubernetes version, e.g. "1.30".'),
      },
      outputSchema: searchOutput,
      annotations: READ_ONLY,
    },
    guard(({ query, first, kubernetesVersion }) => {
      const data = toSearchOutput(knowledge, search(searchIndex, query, { first, kubernetesVersion }));
      const lines = data.hits.map((h, i) => `${i + 1}. ${h.name} (${h.slug}): ${h.summary}\n   Match: ${h.snippet}\n   Source: ${h.sources[0]?.title ?? "none"} — ${h.sources[0]?.url ?? ""}`);
      const text = data.hits.length ? [`${data.hits.length} result(s) for "${query}":`, ...lines].join("\n") : `Nothing in the knowledge base matches "${query}".`;
      return ok(text, data);
    }),
  );

  server.registerTool(
    "get_concept",
    {
      title: "Look up a concept",
      description:
        "One Kubernetes networking concept by slug, alias or Kubernetes spelling (`cluster-ip`, `svc`, `LB`, `LoadBalancer`, `externalTrafficPolicy`): its summary, full explanation, lifecycle (versions), relations, capabilities and official sources. An unknown name is a NOT_FOUND error that suggests the nearest names.",
      inputSchema: {
        slug: z.string().max(200).describe("A slug, alias or name, e.g. `headless-service`, `svc` or `externalTrafficPolicy`."),
        kubernetesVersion: z.string().max(20).optional().describe('A Kubernetes version such as "1.30"; when given, lifecycle.statusAt answers for that version.'),
      },
      outputSchema: conceptOutput,
      annotations: READ_ONLY,
    },
    guard(({ slug, kubernetesVersion }) => {
      const version = kubernetesVersion ? parseKubernetesVersion(kubernetesVersion, "kubernetesVersion") : undefined;
      const concept = findConcept(knowledge, slug);
      if (!concept) {
        const suggestions = suggestConcepts(knowledge, slug);
        throw new DomainError("NOT_FOUND", `No concept is called "${slug}".${suggestions.length ? ` Did you mean ${suggestions.join(", ")}?` : ""}`, "slug", { suggestions });
      }
      const data = toConceptDetail(knowledge, concept, version);
      const c = data.concept;
      const l = c.lifecycle;
      const lifecycle = l
        ? `Lifecycle (${l.track}): ${[["introduced", l.introducedIn], ["beta", l.betaIn], ["GA", l.stableIn], ["deprecated", l.deprecatedIn], ["removed", l.removedIn]]
            .filter(([, v]) => v)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ") || "no versions recorded"}; status ${l.status}${version ? `; at ${version}: ${l.statusAt ?? "did not exist yet"}` : ""}.`
        : "Lifecycle: no versioned lifecycle.";
      const text = [
        `${c.name} (${c.slug}, ${c.kind})`,
        c.summary,
        c.aliases.length ? `Also called: ${c.aliases.join(", ")}.` : "",
        lifecycle,
        c.related.length ? `Related: ${c.related.slice(0, 8).map((r) => `${r.type} ${r.direction === "OUTGOING" ? "→" : "←"} ${r.slug}`).join("; ")}.` : "",
        sourcesBlock(c.sources),
      ]
        .filter(Boolean)
        .join("\n");
      return ok(text, data);
    }),
  );

  server.registerTool(
    "compare",
    {
      title: "Compare two concepts",
      description:
        "Compares two Kubernetes networking concepts, named by slug or alias (e.g. `ingress` and `gateway-api`, `ClusterIP` and `NodePort`), dimension by dimension, with the curated comparison statements, a short summary and the official sources. An unknown name is a BAD_USER_INPUT error that suggests the nearest names.",
      inputSchema: {
        left: z.string().max(200).describe("The first concept: a slug, alias or name such as `ingress`."),
        right: z.string().max(200).describe("The second concept: a slug, alias or name such as `gateway-api`."),
      },
      outputSchema: compareOutput,
      annotations: READ_ONLY,
    },
    guard(({ left, right }) => {
      const data = toCompareOutput(knowledge, compareConcepts(knowledge, left, right));
      const rows = data.rows
        .filter((r) => r.left !== r.right)
        .slice(0, 8)
        .map((r) => `- ${r.dimension}: ${data.left.name} ${r.left ?? "unknown"}, ${data.right.name} ${r.right ?? "unknown"}`);
      const text = [`${data.left.name} vs ${data.right.name}`, data.summary, ...(rows.length ? ["Differences:", ...rows] : []), sourcesBlock(data.sources)].join("\n");
      return ok(text, data);
    }),
  );

  server.registerTool(
    "recommend_service_type",
    {
      title: "Recommend how to expose a workload",
      description:
        "Recommends how to expose or reach a workload from structured requirements: a Service type (ClusterIP, headless, NodePort, LoadBalancer, ExternalName, selector-less), an Ingress, a Gateway API route, or nothing. Answers with the best option, ranked alternatives, rejected options with the reason and official source, warnings, the spec fields to set and a ready-to-apply manifest. Only `clients` is required. Invalid input (bad CIDR, IP, hostname, port or version) is a BAD_USER_INPUT error naming the field.",
      inputSchema: requirementsShape,
      outputSchema: recommendOutput,
      annotations: READ_ONLY,
    },
    guard((args) => {
      const recommendation = toRecommendation(recommend(toRequirementsInput(args), knowledge, knowledge.recommendationRules));
      return ok(recommendationText(recommendation), { recommendation });
    }),
  );

  server.registerTool(
    "recommend_from_question",
    {
      title: "Recommend from a plain-English question",
      description:
        'Reads a plain-English description of a workload (e.g. "expose 12 HTTP microservices on AWS under one domain", "bare metal, no load balancer, UDP game server", "VMs next to the cluster must reach it, node ports are not allowed") with the knowledge base\'s phrase patterns, including negation and descriptions of the situation, and recommends like recommend_service_type. Shows the requirements understood, the assumptions made, the words it could not place, and clarifyingQuestions: questions to ask the user back when something that changes the answer (who connects, whether a load balancer exists, where TLS ends) was left unknown or contradictory, each option with what it would recommend.',
      inputSchema: {
        question: z.string().max(500).describe("The question, in English (at most 500 characters)."),
      },
      outputSchema: recommendFromQuestionOutput,
      annotations: READ_ONLY,
    },
    guard(({ question }) => {
      const data = toQuestionRecommendation(recommendFromQuestion(question, knowledge, knowledge.recommendationRules));
      const text = [
        recommendationText(data.recommendation),
        data.assumptions.length ? `Assumed: ${data.assumptions.join(" ")}` : "",
        data.unrecognized.length ? `Not understood: ${data.unrecognized.join(", ")}` : "",
        ...data.clarifyingQuestions.map(
          (c) => `To be sure, ask: ${c.question}\n${c.options.map((o) => `- ${o.answer} -> ${o.recommendedLabel}${o.assumed ? " (assumed above)" : ""}`).join("\n")}`,
        ),
      ]
        .filter(Boolean)
        .join("\n");
      return ok(text, data);
    }),
  );

  server.registerTool(
    "ask",
    {
      title: "Ask a question",
      description:
        "Answers a plain-English question about Kubernetes networking in at most three plain sentences composed from the knowledge base (no language model), with the official sources, the concepts used and 2-4 follow-up questions. Handles what-should-I-use questions (with a full recommendation), comparisons (X vs Y), definitions (what is X), versions (when was X added, is X deprecated), yes/no questions (can Ingress carry UDP?), how-to and troubleshooting questions (with the guide's steps and exact kubectl checks) and anything else from the sentences that state it.",
      inputSchema: {
        question: z.string().max(500).describe("The question, in English (at most 500 characters)."),
      },
      outputSchema: askOutput,
      annotations: READ_ONLY,
    },
    guard(({ question }) => {
      const data = toAskOutput(knowledge, ask(question, knowledge, searchIndex));
      const text = [
        data.text,
        data.steps.length ? `Steps:\n${data.steps.map((s, i) => `${i + 1}. ${s}`).join("\n")}` : "",
        data.guides.length ? `Guides: ${data.guides.map((g) => `${g.title} (get_guide slug "${g.slug}")`).join("; ")}` : "",
        sourcesBlock(data.sources),
        data.followUps.length ? `You could also ask:\n${data.followUps.map((q) => `- ${q}`).join("\n")}` : "",
      ]
        .filter(Boolean)
        .join("\n");
      return ok(text, data);
    }),
  );

  server.registerTool(
    "search_guides",
    {
      title: "Search troubleshooting and how-to guides",
      description:
        "Ranked search over troubleshooting guides (symptom, likely causes in order, exact kubectl checks, fixes) and how-to guides (steps and an example manifest) about Kubernetes Services, DNS, load balancers, Ingress and Gateway API. Describe the symptom or task in your own words, e.g. \"service has no endpoints\" or \"redirect http to https with gateway api\".",
      inputSchema: {
        query: z.string().max(500).describe("The symptom or task, in plain words (at most 500 characters)."),
        first: z.number().int().optional().describe("How many guides to return, from 1 to 50 (default 5)."),
      },
      outputSchema: searchGuidesOutput,
      annotations: READ_ONLY,
    },
    guard(({ query, first }) => {
      const hits = searchGuides(searchIndex, query, { first: first ?? 5 }).flatMap((h) => {
        const g = findGuide(knowledge, h.guideSlug);
        return g ? [{ slug: g.slug, kind: g.kind, title: g.title, summary: g.summary, snippet: h.snippet, score: h.score }] : [];
      });
      const text = hits.length
        ? [`${hits.length} guide(s) for "${query}":`, ...hits.map((h, i) => `${i + 1}. ${h.title} [${h.kind}] (${h.slug}): ${h.summary}`)].join("\n")
        : `No guide matches "${query}".`;
      return ok(text, { hits });
    }),
  );

  server.registerTool(
    "get_guide",
    {
      title: "Read a guide",
      description:
        "One troubleshooting or how-to guide by slug (from ask or search_guides): summary, the steps or the likely causes in order with their exact check commands and fixes, an example manifest, related concepts and official sources. An unknown slug is a NOT_FOUND error.",
      inputSchema: { slug: z.string().max(200).describe("The guide's slug, e.g. `service-has-no-endpoints`.") },
      outputSchema: getGuideOutput,
      annotations: READ_ONLY,
    },
    guard(({ slug }) => {
      const guide = findGuide(knowledge, slug);
      if (!guide) throw new DomainError("NOT_FOUND", `No guide is called "${slug.slice(0, 80)}".`, "slug");
      const data = toGuideOutput(knowledge, guide);
      const text = [
        `${data.title} [${data.kind}]`,
        data.summary,
        data.steps.map((s, i) => `${i + 1}. ${s}`).join("\n"),
        data.exampleManifest ? `Example:\n${data.exampleManifest}` : "",
        sourcesBlock(data.sources),
      ]
        .filter(Boolean)
        .join("\n");
      return ok(text, { guide: data });
    }),
  );

  registerAnalysisTool(server, knowledge, (error) => toolError(error, onError));
  registerMigrateTool(server, knowledge, (error) => toolError(error, onError));

  return server;
}

function recommendationText(r: ReturnType<typeof toRecommendation>): string {
  const sources = [...new Map([...r.best.reasons.flatMap((x) => x.sources)].map((s) => [s.url, s])).values()];
  return [
    r.summary,
    `Best: ${r.best.option}${r.best.serviceType ? ` (Service type ${r.best.serviceType})` : ""}.`,
    ...r.best.reasons.slice(0, 3).map((x) => `- ${x.text}`),
    r.alternatives.length ? `Alternatives: ${r.alternatives.map((a) => a.option).join(", ")}.` : "",
    r.rejected.length ? `Ruled out:\n${r.rejected.map((x) => `- ${x.option}: ${x.reason}`).join("\n")}` : "",
    r.warnings.length ? `Warnings:\n${r.warnings.map((w) => `- ${w}`).join("\n")}` : "",
    r.best.settings.length ? `Settings: ${r.best.settings.map((s) => `${s.path}: ${s.value}`).join("; ")}.` : "",
    r.best.manifest ? `Manifest:\n${r.best.manifest}` : "",
    sourcesBlock(sources),
  ]
    .filter(Boolean)
    .join("\n");
}
