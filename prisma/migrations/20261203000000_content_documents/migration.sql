-- AlterTable
ALTER TABLE "Source" ADD COLUMN "checked" TEXT;

-- CreateTable
CREATE TABLE "ContentDocument" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "document" TEXT NOT NULL
);
