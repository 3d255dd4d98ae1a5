// Prisma CLI configuration. The JS schema engine with the libSQL adapter keeps every
// command offline (Prisma's native engines would be downloaded from an unreachable host).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

// The only place the CLI learns the database: schema.prisma's `url` is a placeholder.
const url = process.env.DATABASE_URL ?? `file:${path.join(import.meta.dirname, "prisma", "knowledge.db")}`;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaLibSQL({ url }),
});
