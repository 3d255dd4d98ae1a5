// The offline GraphiQL playground: everything it needs (scripts, styles, fonts, Monaco's web
// workers) is bundled by playground/build.ts and served by this service, so it works without internet.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createRoot } from "react-dom/client";
import { examples } from "../examples.js";
import "./playground.css";

// Filled in by playground/build.ts with the hashed URLs of the separately bundled workers.
declare const PLAYGROUND_WORKERS: { editor: string; json: string; graphql: string };

// Monaco starts one worker per language; the URLs are same-origin files, as the page's CSP requires.
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const url = label === "graphql" ? PLAYGROUND_WORKERS.graphql : label === "json" ? PLAYGROUND_WORKERS.json : PLAYGROUND_WORKERS.editor;
    return new Worker(new URL(url, document.baseURI), { name: label });
  },
};

// Same origin as the page, whichever path (/ or /graphql) it was opened at.
const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", window.location.href).toString() });

const defaultTabs = examples.map((example) => ({ query: example.query, variables: example.variables ?? null }));

// GraphiQL fills the first tab's operation editor from defaultTabs, but its variables editor only
// from initialVariables (or what it stored on an earlier visit), so a first visit opened the
// Recommend tab with empty variables and running it failed. On a first visit (nothing stored yet)
// hand it the first tab's variables; later visits restore what the user left.
function firstVisit(): boolean {
  try {
    return window.localStorage.getItem("graphiql:tabState") === null;
  } catch {
    return true; // storage blocked: GraphiQL cannot restore anything either
  }
}
const initialVariables = firstVisit() ? (defaultTabs[0]?.variables ?? undefined) : undefined;

function Playground() {
  return (
    // schemaDescription: ask introspection for the schema's own description, shown at the top of the docs.
    <GraphiQL fetcher={fetcher} defaultTabs={defaultTabs} initialVariables={initialVariables} schemaDescription inputValueDeprecation>
      <GraphiQL.Logo>K8s networking</GraphiQL.Logo>
    </GraphiQL>
  );
}

const container = document.getElementById("root");
if (!container) throw new Error("playground: #root is missing from index.html");
createRoot(container).render(<Playground />);
