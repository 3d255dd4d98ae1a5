// (c) The project's real server, built exactly as src/index.ts builds it: prepare the seeded
// database, read the snapshot once, createAppServer. Logs at warn so nothing is printed per request.
import { loadConfig } from "../../src/config.js";
import { prepareDatabase } from "../../src/db/prepare.js";
import { readKnowledge } from "../../src/db/readKnowledge.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";
import { createAppServer } from "../../src/server/app.js";
import { createLogger } from "../../src/server/logger.js";
import { onParentMessage, send } from "./ipc.js";

const config = loadConfig({ ...process.env, LOG_LEVEL: "warn", LOG_FORMAT: "json" });
const logger = createLogger(config);
const db = await prepareDatabase(config.DATABASE_URL);
const knowledge = buildSnapshot(await readKnowledge(db));
await db.$disconnect();
const server = await createAppServer({ knowledge, logger, settings: config });
const port = await server.listen(0, "127.0.0.1");
onParentMessage(() => {});
send({ type: "ready", port });
