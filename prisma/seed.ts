// `npm run db:seed`: validates prisma/content and loads it into the database. Idempotent.
import { ContentError, loadContent } from "../src/content/load.js";
import { loadConfig } from "../src/config.js";
import { createDatabaseClient } from "../src/db/client.js";
import { seedDatabase } from "../src/db/seed.js";

const config = loadConfig();
let content;
try {
  content = loadContent();
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const db = createDatabaseClient(config.DATABASE_URL);
try {
  const result = await seedDatabase(db, content);
  console.log(result.changed ? `Seeded knowledge version ${result.version}.` : `Knowledge version ${result.version} already seeded; nothing changed.`);
} finally {
  await db.$disconnect();
}
