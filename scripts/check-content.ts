// Validates prisma/content without touching a database: `npm run content:check`.
import { ContentError, loadContent } from "../src/content/load.js";

try {
  const content = loadContent();
  console.log(
    `content OK (version ${content.version}): ${content.concepts.length} concepts, ${content.sources.size} sources, ` +
      `${content.capabilities.length} capabilities, ${content.comparisons.length} comparisons, ` +
      `${content.concepts.filter((c) => c.lifecycle).length} lifecycles, ${content.serviceTypes.length} service types`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
