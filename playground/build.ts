// Bundles the offline GraphiQL playground into dist/playground/ (run: tsx playground/build.ts).
//
//   dist/playground/index.html             the page; served with no-cache
//   dist/playground/assets/*-[hash].*      script, chunks, stylesheet, fonts and Monaco's workers;
//                                          served with a one-year immutable cache
//
// Nothing is downloaded: esbuild runs from its npm package and every dependency comes from
// node_modules. The build fails if the output references a stylesheet, script, font or image on
// another host, so the page keeps working without internet.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, type BuildOptions, type Metafile, type Plugin } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "dist", "playground");
const ASSETS = path.join(OUT, "assets");
/** The URL path under which src/server/playground.ts serves ASSETS (its PLAYGROUND_ASSET_PATH). */
const ASSET_URL = "/playground/assets/";

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  minify: true,
  // License headers go to <output>.LEGAL.txt next to each file, linked from a comment.
  legalComments: "linked",
  target: ["es2022", "chrome111", "firefox111", "safari16.4"],
  outdir: ASSETS,
  metafile: true as const,
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
} satisfies BuildOptions;

/** The output file (relative to ASSETS) that esbuild produced for an entry point: its script or its stylesheet. */
function outputFor(metafile: Metafile, entryPoint: string, kind: "js" | "css"): string {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint !== entryPoint || !file.endsWith(".js")) continue;
    // An entry point's stylesheet is reported as the cssBundle of its script.
    const wanted = kind === "js" ? file : output.cssBundle;
    if (wanted) return path.relative(ASSETS, path.join(ROOT, wanted));
  }
  throw new Error(`playground build: no ${kind} output for ${entryPoint}`);
}

// graphiql/style.css already holds Monaco's styles (and its icon font as a data: URL). Monaco's own
// modules import the same styles piecemeal, which with code splitting would end up in extra
// stylesheets that nothing loads; so those imports are emptied.
const monacoCssFromGraphiql: Plugin = {
  name: "monaco-css-from-graphiql",
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]node_modules[\\/]monaco-(?:editor|graphql)[\\/].*\.css$/ }, () => ({ contents: "", loader: "css" }));
  },
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(ASSETS, { recursive: true });

// 1. Monaco's web workers, as classic scripts (new Worker(url) without type: "module" works everywhere).
const workerEntries = {
  editor: "node_modules/monaco-editor/esm/vs/editor/editor.worker.js",
  json: "node_modules/monaco-editor/esm/vs/language/json/json.worker.js",
  graphql: "node_modules/monaco-graphql/esm/graphql.worker.js",
} as const;
const workers = await build({
  ...common,
  entryPoints: Object.entries(workerEntries).map(([name, file]) => ({ in: file, out: `${name}.worker` })),
  entryNames: "[name]-[hash]",
  format: "iife",
});
const workerUrls = Object.fromEntries(
  Object.entries(workerEntries).map(([name, file]) => [name, ASSET_URL + outputFor(workers.metafile, file, "js")]),
);

// 2. The page: React + GraphiQL as an ES module, with Monaco split into lazily loaded chunks.
const page = await build({
  ...common,
  entryPoints: [{ in: "playground/src/main.tsx", out: "main" }],
  entryNames: "[name]-[hash]",
  chunkNames: "chunk-[hash]",
  assetNames: "[name]-[hash]",
  format: "esm",
  splitting: true,
  jsx: "automatic",
  loader: { ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "file", ".png": "file" },
  define: { ...common.define, PLAYGROUND_WORKERS: JSON.stringify(workerUrls) },
  plugins: [monacoCssFromGraphiql],
});
// Monaco's emptied stylesheet imports leave empty CSS chunks behind; nothing refers to them.
for (const name of readdirSync(ASSETS)) {
  if (name.endsWith(".css") && statSync(path.join(ASSETS, name)).size === 0) rmSync(path.join(ASSETS, name));
}
const script = ASSET_URL + outputFor(page.metafile, "playground/src/main.tsx", "js");
const style = ASSET_URL + outputFor(page.metafile, "playground/src/main.tsx", "css");

const html = readFileSync(path.join(ROOT, "playground", "src", "index.html"), "utf8").replace("%SCRIPT%", script).replace("%STYLE%", style);
writeFileSync(path.join(OUT, "index.html"), html);

// 3. Offline check: nothing the browser would fetch may point at another host. Code may mention
// URLs in strings and comments (license headers, documentation links); those are not fetched.
const external = /(?:<(?:link|script|img|iframe)\b[^>]*\b(?:href|src)\s*=\s*["']?|@import\s+(?:url\()?\s*["']?|url\(\s*["']?)(?:https?:)?\/\//gi;
const problems: string[] = [];
for (const file of [path.join(OUT, "index.html"), ...readdirSync(ASSETS).filter((name) => name.endsWith(".css")).map((name) => path.join(ASSETS, name))]) {
  for (const match of readFileSync(file, "utf8").matchAll(external)) problems.push(`${path.relative(ROOT, file)}: ${match[0]}`);
}
for (const file of readdirSync(ASSETS).filter((name) => name.endsWith(".js"))) {
  const text = readFileSync(path.join(ASSETS, file), "utf8");
  if (/\bimport\s*\(?\s*["'](?:https?:)?\/\//.test(text) || /importScripts\(\s*["'](?:https?:)?\/\//.test(text)) problems.push(`${file}: imports a module from another host`);
}
if (problems.length > 0) throw new Error(`playground build: the page would load from other hosts:\n${problems.join("\n")}`);

const bytes = readdirSync(ASSETS).reduce((sum, name) => sum + readFileSync(path.join(ASSETS, name)).length, 0);
console.log(`playground: ${path.relative(ROOT, OUT)}/ (${readdirSync(ASSETS).length} assets, ${(bytes / 1024 / 1024).toFixed(1)} MiB before compression)`);
