// Checks the knowledge read from the store against the same schemas the content files pass at seed
// time, so a row edited by hand (an unknown enum value, a summary over its limit, a dangling
// source) stops the start with one line naming it instead of being served.
import type { z } from "zod";
import { knowledgeDigest } from "../content/digest.js";
import {
  capabilitySchema,
  comparisonSchema,
  conceptSchema,
  dimensionSchema,
  relationSchema,
  serviceTypeSchema,
  sourceSchema,
} from "../content/schema.js";
import type { Source } from "../domain/knowledge.js";
import type { KnowledgeData } from "../domain/snapshot.js";

export class InvalidKnowledgeError extends Error {
  override name = "InvalidKnowledgeError";
}

/** Content files leave optional fields out; the store has nulls. */
function withoutNulls<T extends object>(record: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));
}
const ids = (sources: readonly Source[]) => sources.map((s) => s.id);

function check(what: string, schema: z.ZodType, record: unknown): void {
  const result = schema.safeParse(record);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? ` field "${issue.path.join(".")}"` : "";
  throw new InvalidKnowledgeError(`${what} is invalid:${field} ${issue.message}`);
}

/** Throws InvalidKnowledgeError for the first record that would not pass the content check, or for data that is not what was seeded. */
export function validateKnowledge(data: KnowledgeData): void {
  for (const { id, ...source } of data.sources) check(`source "${id}"`, sourceSchema, withoutNulls(source));
  for (const dimension of data.dimensions) check(`dimension "${dimension.slug}"`, dimensionSchema, dimension);
  for (const concept of data.concepts) {
    check(`concept "${concept.slug}"`, conceptSchema, {
      ...withoutNulls(concept),
      sources: ids(concept.sources),
      lifecycle: concept.lifecycle
        ? {
            ...withoutNulls(concept.lifecycle),
            sources: ids(concept.lifecycle.sources),
            // Which early stages were skipped is an authoring check the seed already made; the
            // store keeps the stages, not the list, so the stages it lacks are the skipped ones.
            skipped: [...(concept.lifecycle.introducedIn === null ? ["ALPHA"] : []), ...(concept.lifecycle.betaIn === null ? ["BETA"] : [])],
          }
        : undefined,
    });
  }
  for (const r of data.relations) {
    check(`relation ${r.type} ${r.fromSlug} -> ${r.toSlug}`, relationSchema, withoutNulls({ type: r.type, to: r.toSlug, note: r.note }));
  }
  for (const c of data.capabilities) {
    const { conceptSlug, dimensionSlug, ...rest } = c;
    check(`capability ${conceptSlug}/${dimensionSlug}`, capabilitySchema, { ...rest, concept: conceptSlug, dimension: dimensionSlug, sources: ids(c.sources) });
  }
  for (const c of data.comparisons) {
    check(`comparison "${c.id}"`, comparisonSchema, {
      ...withoutNulls({ statement: c.statement, kubernetesVersion: c.kubernetesVersion }),
      left: c.leftSlug,
      right: c.rightSlug,
      dimension: c.dimensionSlug,
      sources: ids(c.sources),
    });
  }
  for (const t of data.serviceTypes) {
    const { conceptSlug, ...rest } = t;
    check(`service type ${t.name}`, serviceTypeSchema, { ...rest, concept: conceptSlug, sources: ids(t.sources) });
  }
  const digest = knowledgeDigest(data);
  if (digest !== data.version) {
    throw new InvalidKnowledgeError(`the knowledge differs from what was seeded (version ${data.version}, content now ${digest}); was it edited by hand?`);
  }
}
