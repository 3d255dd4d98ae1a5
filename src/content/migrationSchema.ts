// The shape of prisma/content/migration/*.yaml: how ingress-nginx annotations map to Gateway API
// (one ANNOTATION entry per annotation, plus defaults ending in `*`) and the behaviour notes that
// become warnings (BEHAVIOUR entries). The seed checks references: sources, behaviour ids, the
// variants each transform can report, the placeholders in the texts and the `when` expressions.
import { z } from "zod";
import type { KnowledgeSnapshot } from "../domain/knowledge.js";
import {
  ANNOTATION_SCOPES,
  BUILT_IN_BEHAVIOURS,
  MIGRATION_OUTCOMES,
  TRANSFORM_NAMES,
  TRANSFORM_VARIANTS,
  WARNING_PLACEHOLDERS,
  type IngressMigrationEntry,
  type TransformName,
} from "../domain/migrate/rules.js";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug");
const nonEmpty = z.string().trim().min(1);
/** An annotation key (prefix/name) or a prefix pattern ending in `*`. */
const annotationPattern = z
  .string()
  .min(1)
  .regex(/^(?:[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9_.-]*\*?$/, "must be an annotation key, or a prefix of one ending in *");

const override = {
  outcome: z.enum(MIGRATION_OUTCOMES).optional(),
  gatewayField: nonEmpty.optional(),
  note: nonEmpty.optional(),
  nearest: nonEmpty.optional(),
  behaviours: z.array(slug).optional(),
  sources: z.array(slug).min(1).optional(),
};

const annotationRule = z.strictObject({
  kind: z.literal("ANNOTATION"),
  annotation: annotationPattern,
  scope: z.enum(ANNOTATION_SCOPES).default("INGRESS_NGINX"),
  onCanary: z.boolean().default(false),
  outcome: z.enum(MIGRATION_OUTCOMES),
  transform: z.enum(TRANSFORM_NAMES as [TransformName, ...TransformName[]]).optional(),
  gatewayField: nonEmpty.optional(),
  note: nonEmpty,
  nearest: nonEmpty.optional(),
  behaviours: z.array(slug).default([]),
  cases: z
    .array(
      z.strictObject({
        when: nonEmpty.refine((w) => compiles(w), "must be a valid regular expression"),
        ...override,
      }),
    )
    .default([]),
  variants: z.record(z.string(), z.strictObject(override)).default({}),
  sources: z.array(slug).min(1),
});

const behaviourNote = z.strictObject({
  kind: z.literal("BEHAVIOUR"),
  id: slug,
  text: nonEmpty,
  check: nonEmpty,
  sources: z.array(slug).min(1),
});

export const ingressMigrationSchema = z.discriminatedUnion("kind", [annotationRule, behaviourNote]);
export type IngressMigrationEntryInput = z.infer<typeof ingressMigrationSchema>;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "i");
    return true;
  } catch {
    return false;
  }
}

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Cross-references of the migration entries; every problem names the entry. */
export function checkIngressMigration(entries: readonly IngressMigrationEntry[], knowledge: KnowledgeSnapshot): string[] {
  const problems: string[] = [];
  const behaviours = new Set(entries.flatMap((e) => (e.kind === "BEHAVIOUR" ? [e.id] : [])));
  const seen = new Set<string>();
  const checkSources = (where: string, ids: readonly string[] | undefined) => {
    for (const id of ids ?? []) if (!knowledge.sourcesById.has(id)) problems.push(`${where}: unknown source "${id}"`);
  };
  const checkBehaviours = (where: string, ids: readonly string[] | undefined) => {
    for (const id of ids ?? []) if (!behaviours.has(id)) problems.push(`${where}: unknown behaviour "${id}"`);
  };
  const checkText = (where: string, text: string | undefined) => {
    for (const [, name] of (text ?? "").matchAll(PLACEHOLDER)) {
      if (!(WARNING_PLACEHOLDERS as readonly string[]).includes(name!)) problems.push(`${where}: unknown placeholder {${name}}`);
    }
  };
  for (const entry of entries) {
    if (entry.kind === "BEHAVIOUR") {
      const where = `behaviour ${entry.id}`;
      if (seen.has(`B:${entry.id}`)) problems.push(`${where}: defined twice`);
      seen.add(`B:${entry.id}`);
      checkSources(where, entry.sources);
      checkText(where, entry.text);
      checkText(where, entry.check);
      continue;
    }
    const where = `annotation ${entry.annotation} (${entry.scope})`;
    if (seen.has(`A:${entry.scope}:${entry.annotation}`)) problems.push(`${where}: defined twice`);
    seen.add(`A:${entry.scope}:${entry.annotation}`);
    checkSources(where, entry.sources);
    checkBehaviours(where, entry.behaviours);
    for (const o of [entry, ...entry.cases, ...Object.values(entry.variants)]) {
      checkText(where, o.note);
      checkText(where, o.nearest);
    }
    for (const [i, c] of entry.cases.entries()) {
      checkSources(`${where} case ${i + 1}`, c.sources);
      checkBehaviours(`${where} case ${i + 1}`, c.behaviours);
    }
    const expected: readonly string[] = entry.transform ? TRANSFORM_VARIANTS[entry.transform] : [];
    for (const name of expected) if (!entry.variants[name]) problems.push(`${where}: transform ${entry.transform} needs variant "${name}"`);
    for (const [name, v] of Object.entries(entry.variants)) {
      if (!expected.includes(name)) problems.push(`${where}: variant "${name}" is never reported${entry.transform ? ` by ${entry.transform}` : ""}`);
      checkSources(`${where} variant ${name}`, v.sources);
      checkBehaviours(`${where} variant ${name}`, v.behaviours);
    }
  }
  for (const id of BUILT_IN_BEHAVIOURS) if (!behaviours.has(id)) problems.push(`behaviour ${id}: missing; the converter raises it`);
  for (const required of ["*", "nginx.ingress.kubernetes.io/*"]) {
    if (!seen.has(`A:INGRESS_NGINX:${required}`)) problems.push(`annotation ${required} (INGRESS_NGINX): missing default rule`);
  }
  for (const scope of ["OTHER_CONTROLLER", "CANARY"]) if (!seen.has(`A:${scope}:*`)) problems.push(`annotation * (${scope}): missing default rule`);
  return problems;
}
