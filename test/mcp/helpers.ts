// Shared set-up for the MCP tests: a private copy of the template database, and the snapshot read
// from it exactly as the servers read it.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { inject } from "vitest";
import { prepareDatabase } from "../../src/db/prepare.js";
import { readKnowledge } from "../../src/db/readKnowledge.js";
import type { KnowledgeSnapshot } from "../../src/domain/knowledge.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";

export interface DatabaseCopy {
  readonly url: string;
  remove(): void;
}

export function copyTemplateDatabase(): DatabaseCopy {
  const dir = mkdtempSync(path.join(tmpdir(), "k8s-knowledge-mcp-"));
  const file = path.join(dir, "knowledge.db");
  copyFileSync(inject("templateDatabase"), file);
  return { url: `file:${file}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function loadSnapshot(databaseUrl: string): Promise<KnowledgeSnapshot> {
  const db = await prepareDatabase(databaseUrl);
  try {
    return buildSnapshot(await readKnowledge(db));
  } finally {
    await db.$disconnect();
  }
}

/** The text of a tool result's first content item. */
export function textOf(result: unknown): string {
  const content = (result as CallToolResult).content;
  const first = content[0];
  if (first?.type !== "text") throw new Error(`expected text content, got ${JSON.stringify(content)}`);
  return first.text;
}

/** Structured content, typed loosely for assertions. */
export const structured = (result: unknown) => (result as CallToolResult).structuredContent as Record<string, any>;

export const OFFICIAL = /^https:\/\/(kubernetes\.io|gateway-api\.sigs\.k8s\.io|www\.kubernetes\.dev|github\.com\/kubernetes(-sigs)?|(kind|minikube)\.sigs\.k8s\.io|metallb\.universe\.tf|cloud\.google\.com\/kubernetes-engine\/docs|(docs\.)?aws\.amazon\.com|learn\.microsoft\.com\/.*\/aks)\//;
