// Manifest analysis: explains, validates and lints a user's own networking manifests offline,
// against a chosen Kubernetes and Gateway API version. Pure: the same text, options and knowledge
// always give the same analysis.
//
//   analyzeManifests(text, { kubernetesVersion?, gatewayApiVersion? }, knowledge): ManifestAnalysis
//
// Other domain code (e.g. the Ingress migration) calls it to check the manifests it writes.
import { badInput } from "../errors.js";
import type { Concept, KnowledgeSnapshot, Source } from "../knowledge.js";
import { compareVersions } from "../lifecycle.js";
import { newestKubernetesVersion, normalizeKubernetesVersion } from "../versions.js";
import { checkIngress, checkIngressClass, checkWorkload, checkXBackend } from "./checkKinds.js";
import { checkObject } from "./checkObject.js";
import { checkService } from "./checkService.js";
import { AnalysisContext } from "./context.js";
import { checkCrossObject } from "./crossObject.js";
import { conceptSlugs, explain } from "./explain.js";
import type { AnalysisRule, FindingCategory, FindingSeverity, Issue } from "./issues.js";
import { objectLabel, toRecord, type ObjectRecord } from "./model.js";
import { parseManifests } from "./parse.js";
import { GATEWAY_SCHEMAS, KUBERNETES_SCHEMAS } from "./schemas.js";

export { MAX_MANIFEST_BYTES, MAX_MANIFEST_DOCUMENTS } from "./parse.js";
export type { AnalysisRule, FindingCategory, FindingSeverity } from "./issues.js";

export interface Finding {
  readonly category: FindingCategory;
  readonly severity: FindingSeverity;
  readonly rule: string;
  readonly message: string;
  readonly documentIndex: number | null;
  readonly path: string | null;
  readonly fix: string;
  readonly sources: readonly Source[];
}

export interface AnalyzedObject {
  readonly documentIndex: number;
  readonly apiVersion: string | null;
  readonly kind: string | null;
  readonly name: string | null;
  readonly namespace: string | null;
  readonly explanation: string;
  readonly concepts: readonly Concept[];
  readonly findings: readonly Finding[];
}

export interface ManifestAnalysis {
  readonly objects: readonly AnalyzedObject[];
  readonly findings: readonly Finding[];
  readonly summary: string;
  readonly kubernetesVersion: string;
  readonly gatewayApiVersion: string;
  /** Checks that could not run on this input, with why (also named in the summary). */
  readonly checksNotRun: readonly { readonly rule: string; readonly reason: string }[];
  /** CEL rules of the CRDs that could not be evaluated on this input (none are counted as passing). */
  readonly celRulesNotEvaluated: readonly string[];
}

export interface AnalysisOptions {
  readonly kubernetesVersion?: string | null | undefined;
  readonly gatewayApiVersion?: string | null | undefined;
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };

/** "1.6.1", "v1.6" (read as 1.6.0) and "1.6.1-rc.1"-free forms; anything else is null. */
export function normalizeGatewayApiVersion(raw: string): string | null {
  const match = /^v?(\d)\.(\d{1,2})(?:\.(\d{1,3}))?$/.exec(raw.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}.${Number(match[3] ?? 0)}` : null;
}

/** The newest Kubernetes version the knowledge base covers (its coverage statement, else its lifecycles). */
export function newestAnalysisKubernetesVersion(knowledge: KnowledgeSnapshot): string {
  const coverage = knowledge.documents.coverage?.[0]?.kubernetesVersion;
  const fromLifecycles = newestKubernetesVersion(knowledge.concepts);
  return coverage && compareVersions(coverage, fromLifecycles) >= 0 ? coverage : fromLifecycles;
}

/** The newest Gateway API release the knowledge base knows: its coverage statement, lifecycles and the validated CRDs. */
const newestGatewayByKnowledge = new WeakMap<KnowledgeSnapshot, string>();
export function newestGatewayApiVersion(knowledge: KnowledgeSnapshot): string {
  let newest = newestGatewayByKnowledge.get(knowledge);
  if (newest === undefined) {
    newest = computeNewestGatewayApiVersion(knowledge);
    newestGatewayByKnowledge.set(knowledge, newest);
  }
  return newest;
}

function computeNewestGatewayApiVersion(knowledge: KnowledgeSnapshot): string {
  const versions = [GATEWAY_SCHEMAS.gatewayApiVersion];
  const coverage = knowledge.documents.coverage?.[0]?.gatewayApiVersion;
  if (coverage) versions.push(coverage);
  for (const c of knowledge.concepts) {
    const l = c.lifecycle;
    if (l?.track === "GATEWAY_API") for (const v of [l.introducedIn, l.betaIn, l.stableIn, l.deprecatedIn, l.removedIn]) if (v) versions.push(v);
  }
  return versions.sort(compareVersions).at(-1)!;
}

function targetVersions(options: AnalysisOptions, knowledge: KnowledgeSnapshot): { kubernetesVersion: string; gatewayApiVersion: string } {
  const newestK8s = newestAnalysisKubernetesVersion(knowledge);
  let kubernetesVersion = newestK8s;
  if (options.kubernetesVersion) {
    const v = normalizeKubernetesVersion(options.kubernetesVersion);
    if (v === null) throw badInput(`"${options.kubernetesVersion.slice(0, 40)}" is not a Kubernetes version; write it like "1.33".`, "kubernetesVersion");
    if (compareVersions(v, newestK8s) > 0) throw badInput(`The knowledge base knows Kubernetes up to ${newestK8s}; ${v} is newer.`, "kubernetesVersion");
    if (compareVersions(v, "1.19") < 0) throw badInput(`Analysis covers Kubernetes 1.19 and newer; ${v} is older.`, "kubernetesVersion");
    kubernetesVersion = v;
  }
  const newestGw = newestGatewayApiVersion(knowledge);
  let gatewayApiVersion = newestGw;
  if (options.gatewayApiVersion) {
    const v = normalizeGatewayApiVersion(options.gatewayApiVersion);
    if (v === null) throw badInput(`"${options.gatewayApiVersion.slice(0, 40)}" is not a Gateway API version; write it like "1.5.0".`, "gatewayApiVersion");
    if (compareVersions(v, newestGw) > 0) throw badInput(`The knowledge base knows Gateway API up to v${newestGw}; v${v} is newer.`, "gatewayApiVersion");
    gatewayApiVersion = v;
  }
  return { kubernetesVersion, gatewayApiVersion };
}

const rulesByKnowledge = new WeakMap<KnowledgeSnapshot, Map<string, AnalysisRule>>();
function rulesOf(knowledge: KnowledgeSnapshot): Map<string, AnalysisRule> {
  let rules = rulesByKnowledge.get(knowledge);
  if (!rules) {
    rules = new Map((knowledge.documents.analysisRules ?? []).map((r) => [r.id, r]));
    rulesByKnowledge.set(knowledge, rules);
  }
  return rules;
}

const fill = (template: string, params: Readonly<Record<string, string | number>>) =>
  template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => (params[key] !== undefined ? String(params[key]) : whole));

/** Whether the input itself installs the experimental Gateway API CRDs. */
function showsExperimentalCrds(objects: readonly ObjectRecord[]): boolean {
  return objects.some(
    (o) =>
      o.kind === "CustomResourceDefinition" &&
      (o.annotations["gateway.networking.k8s.io/channel"] === "experimental" || /\.gateway\.networking\.x-k8s\.io$/.test(o.name ?? "")),
  );
}

export function analyzeManifests(text: string, options: AnalysisOptions, knowledge: KnowledgeSnapshot): ManifestAnalysis {
  if (typeof text !== "string") throw badInput("The manifests must be text (YAML or JSON).", "manifests");
  const versions = targetVersions(options, knowledge);
  const parsed = parseManifests(text);
  const records = parsed.objects.map((o, i) => toRecord(i, o.documentIndex, o.pathPrefix, o.value));
  const rules = rulesOf(knowledge);
  const ctx = new AnalysisContext(knowledge, rules, versions.kubernetesVersion, versions.gatewayApiVersion, records, showsExperimentalCrds(records));

  for (const problem of parsed.syntaxProblems) {
    ctx.issues.push({
      rule: "invalid-yaml",
      documentIndex: problem.documentIndex,
      objectIndex: null,
      path: null,
      params: { line: problem.line ?? "?", column: problem.column ?? "?", detail: problem.message },
    });
  }
  const skippedCel: string[] = [];
  const seen = new Map<string, ObjectRecord>();
  records.forEach((o, i) => {
    if (!checkObject(ctx, o, parsed.objects[i]!.value, skippedCel)) return;
    if (o.name) {
      const key = `${o.group}/${o.kind}/${o.namespace ?? ""}/${o.name}`;
      const first = seen.get(key);
      if (first) ctx.report("duplicate-object", o, "metadata.name", { object: objectLabel(o), first: first.documentIndex });
      else seen.set(key, o);
    }
    switch (o.kind) {
      case "Service":
        if (o.apiVersion === "v1") checkService(ctx, o);
        break;
      case "Ingress":
        checkIngress(ctx, o);
        break;
      case "IngressClass":
        checkIngressClass(ctx, o);
        break;
      case "XBackend":
        checkXBackend(ctx, o);
        break;
      default:
        if (o.template) checkWorkload(ctx, o);
    }
  });
  const relations = checkCrossObject(ctx);

  // A WARNING the object's owner accepted in an annotation (like kube-score's and kube-linter's
  // ignore annotations) stays listed, as INFO; errors cannot be accepted.
  const acceptance = rules.get("finding-accepted");
  const acceptedOn = (issue: Issue): boolean => {
    const o = issue.objectIndex === null ? undefined : records[issue.objectIndex];
    if (!o || !acceptance) return false;
    return (acceptance.values ?? []).some((key) => (o.annotations[key] ?? "").split(",").some((id) => id.trim() === issue.rule));
  };
  const toFinding = (issue: Issue): Finding => {
    const rule = rules.get(issue.rule);
    const accepted = rule?.severity === "WARNING" && acceptedOn(issue);
    const message = rule ? fill(rule.message, issue.params) : `${issue.rule}: ${JSON.stringify(issue.params)}`;
    return {
      category: rule?.category ?? "BEST_PRACTICE",
      severity: accepted ? "INFO" : (rule?.severity ?? "INFO"),
      rule: issue.rule,
      message: accepted ? `${message} ${fill(acceptance!.message, { annotation: acceptance!.values![0]! })}` : message,
      documentIndex: issue.documentIndex,
      path: issue.path,
      fix: rule ? fill(rule.fix, issue.params) : "",
      sources: rule ? rule.sources.flatMap((id) => knowledge.sourcesById.get(id) ?? []) : [],
    };
  };
  const order = (a: Finding, b: Finding) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.documentIndex ?? -1) - (b.documentIndex ?? -1) || (a.path ?? "").localeCompare(b.path ?? "") || a.rule.localeCompare(b.rule);

  const byObject = new Map<number, Finding[]>();
  const findings: Finding[] = [];
  for (const issue of ctx.issues) {
    const finding = toFinding(issue);
    findings.push(finding);
    if (issue.objectIndex !== null) byObject.set(issue.objectIndex, [...(byObject.get(issue.objectIndex) ?? []), finding]);
  }
  findings.sort(order);

  const objects: AnalyzedObject[] = records.map((o) => ({
    documentIndex: o.documentIndex,
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: o.name,
    namespace: o.namespace,
    explanation: explain(o, relations),
    concepts: conceptSlugs(o).flatMap((slug) => knowledge.conceptsBySlug.get(slug) ?? []),
    findings: (byObject.get(o.index) ?? []).sort(order),
  }));
  const checksNotRun = [...ctx.notRun].map(([rule, reason]) => ({ rule, reason }));
  return {
    objects,
    findings,
    summary: summarize(objects, findings, checksNotRun, versions, parsed.syntaxProblems.length, skippedCel.length),
    kubernetesVersion: versions.kubernetesVersion,
    gatewayApiVersion: versions.gatewayApiVersion,
    checksNotRun,
    celRulesNotEvaluated: [...new Set(skippedCel)],
  };
}

function summarize(
  objects: readonly AnalyzedObject[],
  findings: readonly Finding[],
  notRun: readonly { rule: string; reason: string }[],
  versions: { kubernetesVersion: string; gatewayApiVersion: string },
  syntaxErrors: number,
  celSkipped: number,
): string {
  const count = (s: FindingSeverity) => findings.filter((f) => f.severity === s).length;
  const kinds = new Map<string, number>();
  for (const o of objects) kinds.set(o.kind ?? "unknown", (kinds.get(o.kind ?? "unknown") ?? 0) + 1);
  const parts = [
    `Analysed ${objects.length} object(s) (${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ") || "none"}) for Kubernetes ${versions.kubernetesVersion} and Gateway API v${versions.gatewayApiVersion}` +
      ` (schemas: ${KUBERNETES_SCHEMAS.source.release.split(" (")[0]} OpenAPI and ${GATEWAY_SCHEMAS.source.release} CRDs).`,
    findings.length ? `${count("ERROR")} error(s), ${count("WARNING")} warning(s), ${count("INFO")} note(s).` : "No findings.",
  ];
  if (syntaxErrors) parts.push(`${syntaxErrors} YAML syntax error(s) stopped some documents from being read.`);
  const errors = findings.filter((f) => f.severity === "ERROR").slice(0, 3);
  if (errors.length) parts.push(`First to fix: ${errors.map((f) => f.message).join(" ")}`);
  if (notRun.length) parts.push(`Not run: ${notRun.map((n) => `${n.rule} (${n.reason})`).join("; ")}.`);
  if (celSkipped) parts.push(`${celSkipped} CEL rule evaluation(s) could not be completed and were not counted as passing.`);
  return parts.join(" ");
}
