// Writes validated content into the store. Idempotent: when the stored version equals the
// content's version nothing is written, so re-running the seed changes nothing.
import { CONTENT_DOCUMENT_NAMES } from "../content/documents.js";
import type { Content } from "../content/load.js";
import { contentToKnowledgeData, relationId } from "../content/knowledgeData.js";
import type { Database } from "./client.js";

export interface SeedResult {
  readonly changed: boolean;
  readonly version: string;
}

const connect = (sources: readonly { id: string }[]) => ({ connect: sources.map((s) => ({ id: s.id })) });

export async function seedDatabase(db: Database, content: Content, now: Date = new Date()): Promise<SeedResult> {
  const current = await db.knowledgeMeta.findUnique({ where: { id: 1 } });
  if (current?.version === content.version) return { changed: false, version: content.version };

  const data = contentToKnowledgeData(content, now);
  await db.$transaction(
    async (tx) => {
      // Replace everything: the content files are the reviewed source of truth.
      await tx.comparisonFact.deleteMany();
      await tx.capability.deleteMany();
      await tx.relation.deleteMany();
      await tx.lifecycle.deleteMany();
      await tx.serviceType.deleteMany();
      await tx.concept.deleteMany();
      await tx.dimension.deleteMany();
      await tx.source.deleteMany();
      await tx.recommendationRules.deleteMany();
      await tx.contentDocument.deleteMany();

      await tx.source.createMany({ data: data.sources.map((s) => ({ id: s.id, url: s.url, title: s.title, section: s.section, checked: s.checked })) });
      await tx.dimension.createMany({ data: data.dimensions.map((d, position) => ({ ...d, position })) });
      for (const c of data.concepts) {
        await tx.concept.create({
          data: {
            slug: c.slug,
            name: c.name,
            kind: c.kind,
            summary: c.summary,
            body: c.body,
            aliases: JSON.stringify(c.aliases),
            tags: JSON.stringify(c.tags),
            exampleManifest: c.exampleManifest,
            sources: connect(c.sources),
            lifecycle: c.lifecycle
              ? { create: { ...c.lifecycle, sources: connect(c.lifecycle.sources) } }
              : undefined,
          },
        });
      }
      await tx.relation.createMany({
        data: data.relations.map((r) => ({ id: relationId(r.type, r.fromSlug, r.toSlug), type: r.type, fromSlug: r.fromSlug, toSlug: r.toSlug, note: r.note })),
      });
      for (const [position, t] of data.serviceTypes.entries()) {
        await tx.serviceType.create({
          data: {
            name: t.name,
            kubernetesName: t.kubernetesName,
            conceptSlug: t.conceptSlug,
            buildsOn: t.buildsOn,
            position,
            allocatesClusterIp: t.allocatesClusterIp,
            allocatesNodePort: t.allocatesNodePort,
            provisionsLoadBalancer: t.provisionsLoadBalancer,
            reachableFrom: JSON.stringify(t.reachableFrom),
            protocols: JSON.stringify(t.protocols),
            requirements: JSON.stringify(t.requirements),
            useCases: JSON.stringify(t.useCases),
            limitations: JSON.stringify(t.limitations),
            exampleManifest: t.exampleManifest,
            sources: connect(t.sources),
          },
        });
      }
      for (const c of data.capabilities) {
        await tx.capability.create({
          data: {
            id: `${c.conceptSlug}:${c.dimensionSlug}`,
            conceptSlug: c.conceptSlug,
            dimensionSlug: c.dimensionSlug,
            value: c.value,
            note: c.note,
            sources: connect(c.sources),
          },
        });
      }
      for (const c of data.comparisons) {
        await tx.comparisonFact.create({
          data: {
            id: c.id,
            leftSlug: c.leftSlug,
            rightSlug: c.rightSlug,
            dimensionSlug: c.dimensionSlug,
            statement: c.statement,
            kubernetesVersion: c.kubernetesVersion,
            sources: connect(c.sources),
          },
        });
      }
      await tx.recommendationRules.create({ data: { id: 1, document: JSON.stringify(data.recommendationRules) } });
      await tx.contentDocument.createMany({
        data: CONTENT_DOCUMENT_NAMES.map((name) => ({ name, document: JSON.stringify(data.documents[name]) })),
      });
      await tx.knowledgeMeta.upsert({
        where: { id: 1 },
        create: { id: 1, version: content.version, seededAt: now },
        update: { version: content.version, seededAt: now },
      });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { changed: true, version: content.version };
}

