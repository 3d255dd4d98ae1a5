// The offline GraphiQL playground in a real browser (Debian's chromium through playwright-core):
// the page loads from this server alone, runs every example tab as it opens and shows the schema docs.
// Needs `npm run build` (dist/playground/) and playgroundRouter() mounted before /graphql.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examples } from "../../playground/examples.js";
import { PROJECT_ROOT } from "../../src/config.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const SCREENSHOT = path.join(PROJECT_ROOT, "test-results", "playground.png");

// Without chromium the browser tests are skipped locally, but in CI that is a failing test.
if (!hasChromium && process.env.CI) {
  it("has chromium for the playground browser test", () => {
    expect.fail(`${CHROMIUM} is not installed; CI must install it (apt-get install -y chromium)`);
  });
} else if (!hasChromium) {
  console.warn(`Skipping the playground browser test: ${CHROMIUM} is not installed (apt-get install -y chromium). In CI this fails.`);
}

describe.skipIf(!hasChromium)("GraphQL playground in a browser", () => {
  let server: TestServer;
  let browser: Browser;
  let origin: string;
  /** Requests to any other origin; the page must make none. */
  const blocked: string[] = [];
  /** Uncaught page errors, console errors and CSP violations. */
  const pageErrors: string[] = [];
  /** What the first load of the page transfers, as Chromium reports it (it reports 0 bytes for worker scripts). */
  const transfer = { requests: 0, encodedBytes: 0, decodedBytes: 0 };
  const measurements: Promise<unknown>[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    origin = new URL(server.url).origin;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The visible text of an element; Monaco renders spaces as no-break spaces. */
  async function textOf(page: Page, selector: string): Promise<string> {
    return (await page.locator(selector).first().innerText()).replaceAll("\u00a0", " ");
  }

  async function openPage(pathname: string, measure = false): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("data:") || url.startsWith("blob:") || new URL(url).origin === origin) return route.continue();
      blocked.push(url);
      return route.abort("blockedbyclient");
    });
    page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
    });
    if (measure) {
      page.on("requestfinished", (request) => {
        measurements.push(
          (async () => {
            const response = await request.response();
            if (!response) return;
            const sizes = await request.sizes();
            transfer.requests += 1;
            transfer.encodedBytes += sizes.responseBodySize + sizes.responseHeadersSize;
            transfer.decodedBytes += (await response.body()).length;
          })().catch(() => undefined),
        );
      });
    }
    const response = await page.goto(origin + pathname, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    // The operation editor is Monaco; it exists once GraphiQL has rendered and Monaco has loaded.
    await page.locator(".graphiql-query-editor .monaco-editor").first().waitFor({ state: "visible", timeout: 30_000 });
    return page;
  }

  it("every example operation runs without errors", async () => {
    for (const example of examples) {
      const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : undefined;
      const { status, body } = await server.graphql(example.query, variables);
      expect({ example: example.title, status, errors: body.errors }).toEqual({ example: example.title, status: 200, errors: undefined });
      // Every root field answers (a misspelt slug would give null, not an error).
      for (const [field, value] of Object.entries(body.data ?? {})) {
        expect({ example: example.title, field, empty: value === null || (Array.isArray(value) && value.length === 0) }).toEqual({ example: example.title, field, empty: false });
      }
      expect(Object.keys(body.data ?? {})).not.toHaveLength(0);
    }
  });

  it("serves the page to browsers and leaves JSON clients to Apollo", async () => {
    const html = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.headers.get("cache-control")).toBe("no-cache");
    expect(html.headers.get("content-security-policy")).toContain("default-src 'self'");
    const text = await html.text();
    expect(text).toContain('<div id="root">');
    expect(text).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);

    const asset = /src="([^"]+\.js)"/.exec(text)?.[1];
    expect(asset).toBeTruthy();
    const script = await fetch(server.url + asset, { headers: { "accept-encoding": "gzip" } });
    expect(script.status).toBe(200);
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(script.headers.get("content-encoding")).toBe("gzip");

    // A GraphQL GET with a query, and a JSON client, still reach Apollo.
    const query = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: "text/html, application/json;q=0.9", "apollo-require-preflight": "true" },
    });
    expect(query.headers.get("content-type")).toMatch(/json/);
    expect(await query.json()).toEqual({ data: { __typename: "Query" } });
    const json = await fetch(`${server.url}/graphql`, { headers: { accept: "application/json" } });
    expect(json.headers.get("content-type") ?? "").not.toMatch(/html/);
  });

  it("runs every tab as opened, tab by tab, starting with the tab the page opens on", { timeout: 180_000 }, async () => {
    // A new browser context: nothing stored, as on a user's first visit.
    const page = await openPage("/");
    try {
      await runEveryTab(page);
    } finally {
      await page.context().close();
    }
    expect(pageErrors).toEqual([]);
  });

  async function runEveryTab(page: Page): Promise<void> {
    const tabs = page.locator(".graphiql-tab");
    await expect.poll(() => tabs.count()).toBe(examples.length);
    for (const [index, example] of examples.entries()) {
      const tab = example.title;
      // The first tab is run exactly as the page opens it; the others are opened by a click.
      if (index > 0) await tabs.nth(index).click();
      const operationLine = /^query\s+\w+/m.exec(example.query)?.[0];
      expect(operationLine, `${tab}: a named query`).toBeTruthy();
      await expect.poll(() => textOf(page, ".graphiql-query-editor"), { message: tab }).toContain(operationLine);
      // GraphiQL re-reads the operation name 100 ms (debounced) after the editor changes.
      await page.waitForTimeout(400);

      const isRun = (request: { url(): string; method(): string; postData(): string | null }) =>
        request.url().endsWith("/graphql") && request.method() === "POST" && (JSON.parse(request.postData() ?? "{}") as { operationName?: string }).operationName === tab;
      const sent = page.waitForRequest(isRun);
      const answered = page.waitForResponse((response) => isRun(response.request()));
      await page.locator(".graphiql-execute-button").click();

      // The variables that went out are the tab's own (the first tab used to send none).
      const variables = ((await sent).postDataJSON() as { variables?: Record<string, unknown> | null }).variables;
      const expected = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : null;
      expect({ tab, variables: variables && Object.keys(variables).length > 0 ? variables : null }).toEqual({ tab, variables: expected });

      const response = await answered;
      const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown };
      expect({ tab, status: response.status(), errors: body.errors }).toEqual({ tab, status: 200, errors: undefined });
      for (const [field, value] of Object.entries(body.data ?? {})) {
        expect({ tab, field, empty: value === null || (Array.isArray(value) && value.length === 0) }).toEqual({ tab, field, empty: false });
      }
      // The response pane shows the answer (its first lines, which Monaco renders).
      const firstField = Object.keys(body.data ?? {})[0]!;
      await expect.poll(() => textOf(page, ".graphiql-response"), { message: tab, timeout: 15_000 }).toContain(`"${firstField}"`);
    }
  }

  it("loads from this server alone, runs an example and shows the schema docs", { timeout: 90_000 }, async () => {
    const page = await openPage("/", true);

    // The example operations open as tabs, titled by operation name.
    const tabs = page.locator(".graphiql-tab");
    await expect.poll(() => tabs.count()).toBe(examples.length);
    await page.locator(".graphiql-tab", { hasText: "LoadBalancerAndRelated" }).click();
    await expect.poll(() => textOf(page, ".graphiql-query-editor")).toContain('concept(slug: "load-balancer")');
    // GraphiQL re-reads the operation name 100 ms (debounced) after the editor changes; running
    // sooner would send the previous tab's operation name.
    await page.waitForTimeout(400);

    const result = page.waitForResponse((response) => response.url().endsWith("/graphql") && response.request().method() === "POST" && response.request().postData()?.includes("LoadBalancerAndRelated") === true);
    await page.locator(".graphiql-execute-button").click();
    const body = (await (await result).json()) as { data?: { concept?: { name?: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.concept?.name).toContain("LoadBalancer");
    // The response pane shows it (Monaco renders only the visible lines; these are at the top).
    await expect.poll(() => textOf(page, ".graphiql-response"), { timeout: 15_000 }).toContain('"name": "LoadBalancer');
    await expect.poll(() => textOf(page, ".graphiql-response")).toContain('"related"');

    // The documentation explorer shows the descriptions from introspection.
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator(".graphiql-doc-explorer");
    await expect.poll(() => textOf(page, ".graphiql-doc-explorer"), { timeout: 15_000 }).toContain("A Kubernetes networking knowledge service");
    await docs.getByText("Query", { exact: true }).first().click();
    await expect.poll(() => textOf(page, ".graphiql-doc-explorer")).toContain("Recommends how to expose or reach a workload");

    await Promise.all(measurements);
    console.info(
      `playground first load: ${transfer.requests} requests, ${(transfer.encodedBytes / 1024).toFixed(0)} KiB transferred, ${(transfer.decodedBytes / 1024).toFixed(0)} KiB uncompressed`,
    );

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    await page.context().close();

    // Opened at /graphql, the same page works too.
    const second = await openPage("/graphql");
    await second.context().close();

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
