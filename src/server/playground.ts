// Serves the offline GraphiQL playground built by playground/build.ts from dist/playground/.
// Mount it before Apollo's /graphql middleware: it answers a browser's GET / and GET /graphql with
// the page and passes every other request (POST, GET with a query, JSON clients) on with next().
import { existsSync } from "node:fs";
import path from "node:path";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { PROJECT_ROOT } from "../config.js";

export const PLAYGROUND_DIR = path.join(PROJECT_ROOT, "dist", "playground");
/** Where the hashed assets are served; playground/build.ts writes the same prefix into index.html. */
export const PLAYGROUND_ASSET_PATH = "/playground/assets";

/**
 * Only this server: scripts, styles, fonts (inlined as data: URLs), Monaco's workers and the fetches
 * to /graphql. Monaco injects <style> elements, hence 'unsafe-inline' for styles only.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");

/** A browser navigating here: prefers HTML and sends no GraphQL operation in the URL. */
function wantsPage(req: Request): boolean {
  // Only browsers that name text/html get the page; "*/*" (curl, fetch, HTTP libraries) gets GraphQL.
  if (!/\btext\/html\b/.test(req.headers.accept ?? "") || req.accepts(["text/html", "application/json"]) !== "text/html") return false;
  const query = req.query as Record<string, unknown>;
  return query.query === undefined && query.extensions === undefined;
}

export function playgroundRouter(options: { dir?: string } = {}): express.Router {
  const dir = options.dir ?? PLAYGROUND_DIR;
  const indexFile = path.join(dir, "index.html");
  const router = express.Router();
  const compress = compression();

  // Hashed file names: a changed file gets a new name, so these never need revalidating.
  router.use(
    PLAYGROUND_ASSET_PATH,
    compress,
    express.static(path.join(dir, "assets"), { immutable: true, maxAge: "1y", index: false, redirect: false, fallthrough: false }),
  );

  const page = (req: Request, res: Response, next: NextFunction) => {
    if (!wantsPage(req)) {
      next();
      return;
    }
    // The same URL answers JSON clients differently, so caches must key on Accept.
    res.vary("Accept");
    if (!existsSync(indexFile)) {
      res.status(503).type("text/plain").send("The GraphQL playground is not built: run `npm run build`.\n");
      return;
    }
    res.setHeader("Content-Security-Policy", PLAYGROUND_CSP);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.sendFile(indexFile, { headers: { "Cache-Control": "no-cache" }, lastModified: true, etag: true }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };
  router.get(["/", "/graphql"], compress, page);
  return router;
}
