// The shape of prisma/content/recommendation/rules.yaml. Conditions name requirement fields and
// their values; typos fail validation with the rule id and field instead of silently never matching.
import { z } from "zod";
import {
  BACKENDS,
  BOOLEAN_FLAGS,
  CLIENTS,
  ENVIRONMENTS,
  LOAD_BALANCERS,
  LOCALITIES,
  NETWORKING_OPTIONS,
  PROTOCOLS,
  ROUTING,
  TLS_MODES,
} from "../domain/recommend/requirements.js";
import type { RecommendationRules } from "../domain/recommend/rules.js";
import { CAPABILITY_VALUES, SERVICE_TYPE_NAMES, kubernetesVersion } from "./schema.js";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug");
const nonEmpty = z.string().trim().min(1);
const option = z.enum(NETWORKING_OPTIONS);

const ENUM_FIELDS: Record<string, readonly string[]> = {
  clients: CLIENTS,
  protocols: PROTOCOLS,
  backend: BACKENDS,
  environment: ENVIRONMENTS,
  loadBalancer: LOAD_BALANCERS,
  routing: ROUTING,
  tls: TLS_MODES,
  locality: LOCALITIES,
};
// The input's flags plus the facts the engine derives from the input (see rules.yaml's header).
const BOOLEAN_FIELDS = [...BOOLEAN_FLAGS, "portRemapping", "mixedProtocols", "externalClients"];
const NUMBER_FIELDS = ["exposedServices", "servicePort", "targetPort"];
const OPTIONAL_FIELDS = ["fixedClusterIp", "allowedSourceRanges", "loadBalancerClass", "namespace", "externalHostname", "externalIp"];

const conditionValue = z.union([
  z.array(nonEmpty).min(1),
  z.boolean(),
  z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
  z.strictObject({ set: z.boolean() }),
  z.strictObject({ below: kubernetesVersion.optional(), atLeast: kubernetesVersion.optional() }),
]);

const condition = z.record(z.string(), conditionValue).superRefine((c, ctx) => {
  for (const [field, value] of Object.entries(c)) {
    const where = { path: [field] };
    const allowed = ENUM_FIELDS[field];
    if (allowed) {
      if (!Array.isArray(value)) ctx.addIssue({ code: "custom", ...where, message: `${field} takes a list of values` });
      else for (const v of value) if (!allowed.includes(v)) ctx.addIssue({ code: "custom", ...where, message: `"${v}" is not a ${field} value (${allowed.join(", ")})` });
    } else if (BOOLEAN_FIELDS.includes(field)) {
      if (typeof value !== "boolean") ctx.addIssue({ code: "custom", ...where, message: `${field} takes true or false` });
    } else if (NUMBER_FIELDS.includes(field)) {
      if (typeof value !== "object" || Array.isArray(value) || !("min" in value || "max" in value)) ctx.addIssue({ code: "custom", ...where, message: `${field} takes {min, max}` });
    } else if (OPTIONAL_FIELDS.includes(field)) {
      if (typeof value !== "object" || Array.isArray(value) || !("set" in value)) ctx.addIssue({ code: "custom", ...where, message: `${field} takes {set: true|false}` });
    } else if (field === "kubernetesVersion") {
      if (typeof value !== "object" || Array.isArray(value) || !("below" in value || "atLeast" in value)) ctx.addIssue({ code: "custom", ...where, message: "kubernetesVersion takes {below, atLeast}" });
    } else {
      ctx.addIssue({ code: "custom", ...where, message: `unknown requirement field "${field}"` });
    }
  }
});

const manifestKind = z.enum(["Service", "EndpointSlice", "Ingress", "Gateway", "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute", "ReferenceGrant"]);
const sources = z.array(slug).min(1);
const settingValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const recommendationRulesSchema = z
  .strictObject({
    version: z.literal(1),
    minimumDefaultKubernetesVersion: kubernetesVersion,
    valueScores: z.strictObject(Object.fromEntries(CAPABILITY_VALUES.map((v) => [v, z.number()])) as Record<(typeof CAPABILITY_VALUES)[number], z.ZodNumber>),
    placeholders: z.strictObject({
      name: nonEmpty,
      servicePort: z.number().int().min(1).max(65535),
      targetPort: z.number().int().min(1).max(65535),
      externalHostname: nonEmpty,
      externalIp: nonEmpty,
      otherNamespace: nonEmpty,
      className: nonEmpty,
      host: nonEmpty,
    }),
    apiVersions: z.record(manifestKind, nonEmpty),
    options: z.array(
      z.strictObject({
        option,
        label: nonEmpty,
        serviceType: z.enum(SERVICE_TYPE_NAMES).nullable(),
        concept: slug.nullable(),
        conceptWhen: z.array(z.strictObject({ when: condition, concept: slug })).optional(),
        baseScore: z.number(),
        route: manifestKind.optional(),
      }),
    ),
    requirements: z.array(
      z.strictObject({
        id: slug,
        when: condition,
        dimension: slug,
        mode: z.enum(["HARD", "SOFT"]),
        weight: z.number().positive(),
        invert: z.boolean().optional(),
        label: nonEmpty,
        options: z.array(option).min(1).optional(),
      }),
    ),
    conditions: z.array(
      z
        .strictObject({
          id: slug,
          when: condition,
          options: z.array(option).min(1).optional(),
          effect: z.enum(["REJECT", "SCORE", "WARN"]),
          score: z.number().optional(),
          text: nonEmpty,
          sources,
        })
        .refine((c) => (c.effect === "SCORE") === (c.score !== undefined), { message: "score is required for SCORE rules and only for them", path: ["score"] })
        .refine((c) => c.effect === "WARN" || c.options !== undefined, { message: "REJECT and SCORE rules must name their options", path: ["options"] }),
    ),
    settings: z.array(
      z
        .strictObject({
          id: slug,
          when: condition,
          options: z.array(option).min(1),
          path: z.string().regex(/^(metadata|spec)(\.[A-Za-z]+|\["[^"]+"\])+$/, 'must be a path such as spec.externalTrafficPolicy or metadata.annotations["a/b"]'),
          value: settingValue.optional(),
          valueFrom: z.enum(["fixedClusterIp", "loadBalancerClass", "allowedSourceRanges"]).optional(),
          why: nonEmpty,
          sources,
          since: kubernetesVersion.optional(),
          fallback: slug.optional(),
          fallbackOnly: z.boolean().optional(),
          warning: nonEmpty.optional(),
        })
        .refine((s) => (s.value === undefined) !== (s.valueFrom === undefined), { message: "give exactly one of value and valueFrom", path: ["value"] }),
    ),
  })
  .superRefine((rules, ctx) => {
    const options = rules.options.map((o) => o.option);
    for (const o of NETWORKING_OPTIONS) if (!options.includes(o)) ctx.addIssue({ code: "custom", path: ["options"], message: `option ${o} is missing` });
    const ids = new Set<string>();
    for (const r of [...rules.requirements, ...rules.conditions, ...rules.settings]) {
      if (ids.has(r.id)) ctx.addIssue({ code: "custom", path: [r.id], message: `rule id "${r.id}" is used twice` });
      ids.add(r.id);
    }
    const settingIds = new Set(rules.settings.map((s) => s.id));
    rules.settings.forEach((s, i) => {
      if (s.fallback && !settingIds.has(s.fallback)) ctx.addIssue({ code: "custom", path: ["settings", i, "fallback"], message: `unknown setting "${s.fallback}"` });
    });
    const kinds = manifestKind.options;
    for (const k of kinds) if (!rules.apiVersions[k]) ctx.addIssue({ code: "custom", path: ["apiVersions", k], message: `apiVersion for ${k} is missing` });
  });

// Compile-time proof that validated rules can be handed to the engine.
export type RecommendationRulesFile = z.infer<typeof recommendationRulesSchema>;
const _assignable = (rules: RecommendationRulesFile): RecommendationRules => rules;
void _assignable;
