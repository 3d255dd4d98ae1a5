// (c) The project's real server, built exactly as src/index.ts builds it: prepare the seeded
// database, read the snapshot once, createAppServer. It runs the compiled build in dist/, the
// code `npm start` runs (tsx's on-the-fly output differs, e.g. in how functions are named), and
// falls back to the sources when there is no build. Logs at warn so nothing is printed per request.
import { existsSync } from "node:fs";
import path from "node:path";
import { onParentMessage, send } from "./ipc.js";

const dist = path.resolve(import.meta.dirname, "..", "..", "dist", "src");
const base = existsSync(path.join(dist, "server", "app.js")) ? "../../dist/src" : "../../src";
const load = <T>(module: string): Promise<T> => import(`${base}/${module}.js`) as Promise<T>;

const { loadConfig } = await load<typeof import("../../src/config.js")>("config");
const { prepareDatabase } = await load<typeof import("../../src/db/prepare.js")>("db/prepare");
const { readKnowledge } = await load<typeof import("../../src/db/readKnowledge.js")>("db/readKnowledge");
const { buildSnapshot } = await load<typeof import("../../src/domain/snapshot.js")>("domain/snapshot");
const { createAppServer } = await load<typeof import("../../src/server/app.js")>("server/app");
const { createLogger } = await load<typeof import("../../src/server/logger.js")>("server/logger");

const config = loadConfig({ ...process.env, LOG_LEVEL: "warn", LOG_FORMAT: "json" });
const logger = createLogger(config);
const db = await prepareDatabase(config.DATABASE_URL);
const knowledge = buildSnapshot(await readKnowledge(db));
await db.$disconnect();
const server = await createAppServer({ knowledge, logger, settings: config });
const port = await server.listen(0, "127.0.0.1");
onParentMessage(() => {});
send({ type: "ready", port, build: base.includes("dist") ? "dist" : "src" });
