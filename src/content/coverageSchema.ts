// The shape of prisma/content/coverage/coverage.yaml: which Kubernetes and Gateway API versions the
// content covers and when it was last checked as a whole. The check ties it to the rest of the
// content: no lifecycle may mention a later version (plans such as "off by default in 1.40" go in
// the lifecycle's note), the newest Kubernetes version any lifecycle mentions is the covered one
// (it is the default version of recommendations), and no source was checked after the content was.
import { z } from "zod";
import { compareVersions } from "../domain/lifecycle.js";
import type { KnowledgeCoverage, KnowledgeSnapshot } from "../domain/knowledge.js";
import { newestKubernetesVersion } from "../domain/versions.js";
import { kubernetesVersion } from "./schema.js";

export const coverageSchema = z.strictObject({
  kubernetesVersion,
  gatewayApiVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a Gateway API release such as "1.6.1"'),
  /** When the whole content was last checked against the documentation. */
  lastChecked: z.iso.date(),
});
export type CoverageEntry = z.infer<typeof coverageSchema>;

export function checkCoverage(entries: readonly KnowledgeCoverage[], knowledge: KnowledgeSnapshot): string[] {
  if (entries.length !== 1) return [`exactly one coverage entry is expected, found ${entries.length}`];
  const coverage = entries[0]!;
  const problems: string[] = [];
  for (const concept of knowledge.concepts) {
    const l = concept.lifecycle;
    if (!l || l.track === "PROJECT") continue;
    const limit = l.track === "KUBERNETES" ? coverage.kubernetesVersion : coverage.gatewayApiVersion;
    for (const [stage, version] of Object.entries({ introducedIn: l.introducedIn, betaIn: l.betaIn, stableIn: l.stableIn, deprecatedIn: l.deprecatedIn, removedIn: l.removedIn })) {
      if (version !== null && compareVersions(version, limit) > 0) {
        problems.push(`concept "${concept.slug}": lifecycle ${stage} ${version} is after the covered ${l.track} version ${limit}; put planned releases in the note`);
      }
    }
  }
  const newest = newestKubernetesVersion(knowledge.concepts);
  if (newest !== coverage.kubernetesVersion) {
    problems.push(`kubernetesVersion ${coverage.kubernetesVersion} is not the newest version any lifecycle mentions (${newest})`);
  }
  for (const source of knowledge.sources) {
    if (source.checked !== null && source.checked > coverage.lastChecked) {
      problems.push(`source "${source.id}" was checked on ${source.checked}, after lastChecked ${coverage.lastChecked}`);
    }
  }
  return problems;
}
