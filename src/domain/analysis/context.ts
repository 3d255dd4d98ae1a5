// What every check receives: the knowledge, the target versions, the input's objects and a place
// to report issues.
import type { KnowledgeSnapshot } from "../knowledge.js";
import { compareVersions, statusAt } from "../lifecycle.js";
import type { AnalysisRule, Issue, VersionedItem } from "./issues.js";
import type { ObjectRecord } from "./model.js";

export class AnalysisContext {
  readonly issues: Issue[] = [];
  /** Checks that could not run on this input, with the reason (for the summary). */
  readonly notRun = new Map<string, string>();
  constructor(
    readonly knowledge: KnowledgeSnapshot,
    readonly rules: ReadonlyMap<string, AnalysisRule>,
    readonly kubernetesVersion: string,
    readonly gatewayApiVersion: string,
    readonly objects: readonly ObjectRecord[],
    /** The input shows the experimental Gateway API CRDs installed. */
    readonly experimentalInUse: boolean,
  ) {}

  report(rule: string, object: ObjectRecord | null, path: string | null, params: Record<string, string | number> = {}): void {
    this.issues.push({
      rule,
      documentIndex: object?.documentIndex ?? null,
      objectIndex: object?.index ?? null,
      path: path === null ? null : `${object?.at ?? ""}${path}`,
      params,
    });
  }

  skip(rule: string, reason: string): void {
    if (!this.notRun.has(rule)) this.notRun.set(rule, reason);
  }

  rule(id: string): AnalysisRule | undefined {
    return this.rules.get(id);
  }

  private readonly byKind = new Map<string, ObjectRecord[]>();

  ofKind(...kinds: string[]): ObjectRecord[] {
    const key = kinds.join(",");
    let found = this.byKind.get(key);
    if (!found) {
      found = this.objects.filter((o) => o.kind !== null && kinds.includes(o.kind));
      this.byKind.set(key, found);
    }
    return found;
  }

  /**
   * Where an item (field, value or annotation) stands at the target Kubernetes version: the
   * concept's lifecycle when it names one, else the versions the item records.
   */
  itemStatus(item: VersionedItem): "unavailable" | "deprecated" | "available" {
    const lifecycle = item.concept ? this.knowledge.conceptsBySlug.get(item.concept)?.lifecycle : undefined;
    if (lifecycle) {
      const status = lifecycle.track === "KUBERNETES" ? statusAt(lifecycle, this.kubernetesVersion) : statusAt(lifecycle);
      // Alpha features are off by default: the API server drops their fields.
      if (status === null || status === "ALPHA" || status === "REMOVED") return "unavailable";
      return status === "DEPRECATED" ? "deprecated" : "available";
    }
    if (item.introducedIn && compareVersions(this.kubernetesVersion, item.introducedIn) < 0) return "unavailable";
    if (item.deprecatedIn && compareVersions(this.kubernetesVersion, item.deprecatedIn) >= 0) return "deprecated";
    return "available";
  }

  /** The version the item's concept (or the item) records for a stage, for messages. */
  itemVersion(item: VersionedItem, stage: "introduced" | "deprecated"): string {
    const lifecycle = item.concept ? this.knowledge.conceptsBySlug.get(item.concept)?.lifecycle : undefined;
    if (stage === "deprecated") return lifecycle?.deprecatedIn ?? item.deprecatedIn ?? "an earlier release";
    return lifecycle?.betaIn ?? lifecycle?.stableIn ?? item.introducedIn ?? "a later release";
  }
}
