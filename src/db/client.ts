// The one place a Prisma client is created. It talks to SQLite through the libSQL driver adapter,
// so no native query engine is needed.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "../generated/prisma/client.js";

export type Database = PrismaClient;

export function createDatabaseClient(databaseUrl: string): Database {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl }) });
}
