// Builds one database through the real migrations and seed; each test file copies it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "../src/db/prepare.js";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "k8s-knowledge-test-"));
  const file = path.join(dir, "template.db");
  const db = await prepareDatabase(`file:${file}`);
  await db.$disconnect();
  project.provide("templateDatabase", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
