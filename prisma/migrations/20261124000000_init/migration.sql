-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "section" TEXT
);

-- CreateTable
CREATE TABLE "Concept" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "aliases" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "exampleManifest" TEXT
);

-- CreateTable
CREATE TABLE "Relation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "fromSlug" TEXT NOT NULL,
    "toSlug" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "Relation_fromSlug_fkey" FOREIGN KEY ("fromSlug") REFERENCES "Concept" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Relation_toSlug_fkey" FOREIGN KEY ("toSlug") REFERENCES "Concept" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Dimension" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ServiceType" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "kubernetesName" TEXT NOT NULL,
    "conceptSlug" TEXT NOT NULL,
    "buildsOn" TEXT,
    "position" INTEGER NOT NULL,
    "allocatesClusterIp" BOOLEAN NOT NULL,
    "allocatesNodePort" BOOLEAN NOT NULL,
    "provisionsLoadBalancer" BOOLEAN NOT NULL,
    "reachableFrom" TEXT NOT NULL,
    "protocols" TEXT NOT NULL,
    "requirements" TEXT NOT NULL,
    "useCases" TEXT NOT NULL,
    "limitations" TEXT NOT NULL,
    "exampleManifest" TEXT NOT NULL,
    CONSTRAINT "ServiceType_conceptSlug_fkey" FOREIGN KEY ("conceptSlug") REFERENCES "Concept" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Capability" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conceptSlug" TEXT NOT NULL,
    "dimensionSlug" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    CONSTRAINT "Capability_conceptSlug_fkey" FOREIGN KEY ("conceptSlug") REFERENCES "Concept" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Capability_dimensionSlug_fkey" FOREIGN KEY ("dimensionSlug") REFERENCES "Dimension" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComparisonFact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "leftSlug" TEXT NOT NULL,
    "rightSlug" TEXT NOT NULL,
    "dimensionSlug" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "kubernetesVersion" TEXT,
    CONSTRAINT "ComparisonFact_leftSlug_fkey" FOREIGN KEY ("leftSlug") REFERENCES "Concept" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ComparisonFact_rightSlug_fkey" FOREIGN KEY ("rightSlug") REFERENCES "Concept" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ComparisonFact_dimensionSlug_fkey" FOREIGN KEY ("dimensionSlug") REFERENCES "Dimension" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Lifecycle" (
    "conceptSlug" TEXT NOT NULL PRIMARY KEY,
    "track" TEXT NOT NULL,
    "introducedIn" TEXT,
    "betaIn" TEXT,
    "stableIn" TEXT,
    "deprecatedIn" TEXT,
    "removedIn" TEXT,
    "channel" TEXT,
    "note" TEXT,
    CONSTRAINT "Lifecycle_conceptSlug_fkey" FOREIGN KEY ("conceptSlug") REFERENCES "Concept" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KnowledgeMeta" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "version" TEXT NOT NULL,
    "seededAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RecommendationRules" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "document" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "_ConceptToSource" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_ConceptToSource_A_fkey" FOREIGN KEY ("A") REFERENCES "Concept" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_ConceptToSource_B_fkey" FOREIGN KEY ("B") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_ServiceTypeToSource" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_ServiceTypeToSource_A_fkey" FOREIGN KEY ("A") REFERENCES "ServiceType" ("name") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_ServiceTypeToSource_B_fkey" FOREIGN KEY ("B") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_CapabilityToSource" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_CapabilityToSource_A_fkey" FOREIGN KEY ("A") REFERENCES "Capability" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_CapabilityToSource_B_fkey" FOREIGN KEY ("B") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_ComparisonFactToSource" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_ComparisonFactToSource_A_fkey" FOREIGN KEY ("A") REFERENCES "ComparisonFact" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_ComparisonFactToSource_B_fkey" FOREIGN KEY ("B") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_LifecycleToSource" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_LifecycleToSource_A_fkey" FOREIGN KEY ("A") REFERENCES "Lifecycle" ("conceptSlug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_LifecycleToSource_B_fkey" FOREIGN KEY ("B") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Relation_type_fromSlug_toSlug_key" ON "Relation"("type", "fromSlug", "toSlug");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceType_kubernetesName_key" ON "ServiceType"("kubernetesName");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceType_conceptSlug_key" ON "ServiceType"("conceptSlug");

-- CreateIndex
CREATE UNIQUE INDEX "Capability_conceptSlug_dimensionSlug_key" ON "Capability"("conceptSlug", "dimensionSlug");

-- CreateIndex
CREATE UNIQUE INDEX "_ConceptToSource_AB_unique" ON "_ConceptToSource"("A", "B");

-- CreateIndex
CREATE INDEX "_ConceptToSource_B_index" ON "_ConceptToSource"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_ServiceTypeToSource_AB_unique" ON "_ServiceTypeToSource"("A", "B");

-- CreateIndex
CREATE INDEX "_ServiceTypeToSource_B_index" ON "_ServiceTypeToSource"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_CapabilityToSource_AB_unique" ON "_CapabilityToSource"("A", "B");

-- CreateIndex
CREATE INDEX "_CapabilityToSource_B_index" ON "_CapabilityToSource"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_ComparisonFactToSource_AB_unique" ON "_ComparisonFactToSource"("A", "B");

-- CreateIndex
CREATE INDEX "_ComparisonFactToSource_B_index" ON "_ComparisonFactToSource"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_LifecycleToSource_AB_unique" ON "_LifecycleToSource"("A", "B");

-- CreateIndex
CREATE INDEX "_LifecycleToSource_B_index" ON "_LifecycleToSource"("B");

