import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  browserAvailable,
  buildUi,
  launchBrowser,
  outputDir,
  type ServerProcess,
  screenshot,
  startServer,
} from "./harness";
import { collectTiming, installTimingProbe, type LoadTiming, type Mark, spread } from "./timing";

const SECRET_VALUE = "canary-7f3a9c-hunter2";
const FLAG_KEY = "checkout.new-flow";
const CONFIG_KEY = "limits/cart";
const TOKEN_VALUE = "4111-1111-1111-1111-canary";

// The admin UI in a real browser against a real server process on PGlite: one server, one browser, the pages in the
// order a person would use them.
describe.runIf(browserAvailable())("admin UI end to end", () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true });
    buildUi();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // A step that cannot happen fails in seconds, naming the locator, rather than at the test's own timeout.
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  }, 180_000);

  /** The API as a service would call it (to compare the UI with). */
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.adminKey}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json();
  };

  const signIn = async (target: Page, key = server.adminKey) => {
    await target.goto(`${server.url}/ui/`);
    await target.getByLabel("API key").fill(key);
    await target.getByRole("button", { name: "Sign in" }).click();
    await target.getByRole("button", { name: "Sign out" }).waitFor();
  };

  // What the page showed when a step failed.
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") await screenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, "-")}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Measured and recorded, not asserted: a time limit in a test fails with the machine's load, not with the code. The
  // 1 s target and the figures are kept in docs/benchmarks.md.
  const RUNS = 5;
  const signInForm: Mark = { name: "signInForm", selector: "h1", text: "Sign in to Vault" };
  const firstData: Mark = { name: "firstData", selector: 'table[aria-label="Secrets"] tbody tr', text: "db/password" };
  const firstRender: Record<string, unknown> = {};
  const recordFirstRender = (part: string, value: unknown) => {
    firstRender[part] = value;
    Object.assign(firstRender, { loadAverage1m: loadavg()[0], cores: cpus().length, at: new Date().toISOString() });
    writeFileSync(join(outputDir, "first-render.json"), `${JSON.stringify(firstRender, null, 2)}\n`);
    console.log(`[web e2e] ${part}: ${JSON.stringify((value as { summary: unknown }).summary)}`);
  };
  /** A fresh browser context (no cache, no storage) with the timing probe installed. */
  const coldPage = async () => {
    const cold = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await installTimingProbe(cold, [signInForm, firstData]);
    return { cold, page: await cold.newPage() };
  };
  const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);
  /** Each measurement's median and range over the runs. */
  const summarize = (runs: Record<string, number>[]) =>
    Object.fromEntries(Object.keys(runs[0]!).map((field) => [field, spread(runs.map((run) => run[field]!))]));

  it("measures the first page's render on loopback (cold cache) into test-output/first-render.json", async () => {
    // Cold loads of /ui/, timed from navigation start (the page's time origin) to the sign-in form on screen; beside
    // each, the baseline: a cold load of /health from the same server, the least a page load costs here now.
    const runs: Record<string, number>[] = [];
    let lastRun: LoadTiming | undefined;
    for (let run = 0; run < RUNS; run++) {
      const baseline = await browser.newContext();
      const health = await baseline.newPage();
      await health.goto(`${server.url}/health`);
      const baselineMs = Math.round(
        await health.evaluate(
          () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseEnd,
        ),
      );
      await baseline.close();
      const { cold, page: ui } = await coldPage();
      await ui.goto(`${server.url}/ui/`);
      const timing = await collectTiming(ui, [signInForm.name]);
      await cold.close();
      // What the form needed: the files asked for before it was rendered (later ones are the idle preload).
      const needed = timing.resources.filter((r) => r.start < timing.marks.signInForm!.dom);
      const scripts = needed.filter((r) => r.name.endsWith(".js"));
      const styles = needed.filter((r) => r.name.endsWith(".css"));
      runs.push({
        baselineMs,
        documentMs: timing.document.responseEnd,
        stylesEndMs: Math.max(0, ...styles.map((r) => r.end)),
        scriptsEndMs: Math.max(0, ...scripts.map((r) => r.end)),
        domContentLoadedMs: timing.domContentLoaded,
        firstContentfulPaintMs: timing.firstContentfulPaint,
        signInFormOnScreenMs: timing.marks.signInForm!.frame,
        longFramesMs: sum(timing.longFrames.map((f) => f.duration)),
        transferBytes: sum(needed.map((r) => r.transferBytes)),
      });
      lastRun = timing;
    }
    recordFirstRender("signInPage", { runs: RUNS, summary: summarize(runs), lastRun });
    await page.goto(`${server.url}/ui/`);
    await page.getByRole("heading", { name: "Sign in to Vault" }).waitFor();
    await screenshot(page, "01-sign-in");
    expect(runs.every((r) => r.signInFormOnScreenMs! > 0 && r.firstContentfulPaintMs! > 0)).toBe(true);
    // Until the form is rendered only the sign-in page's own files (the entry, its shared chunk, the styles), nothing
    // behind sign-in (fetched once the browser is idle after it); every file sent compressed (the build's .br/.gz).
    // (Rendered, not painted: under load the paint is presented after the main thread has gone idle.)
    const firstLoad = lastRun!.resources.filter(
      (r) => /\.(js|css)$/.test(r.name) && r.start < lastRun!.marks.signInForm!.dom,
    );
    expect(firstLoad.map((r) => r.name.replace(/-[\w-]{8}\./, "."))).not.toContain("SignedIn.js");
    expect(firstLoad.every((r) => r.encodedBytes > 0 && r.encodedBytes < r.decodedBytes)).toBe(true);
  });

  it("signs in with the admin key and shows the app and the key's scopes; the key is in sessionStorage only", async () => {
    await page.goto(`${server.url}/ui/`);
    await page.getByLabel("API key").fill("vault_not-a-real-key");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("invalid or revoked API key").waitFor();
    // The refusal belongs to the field, for screen readers too.
    await expect(page.getByLabel("API key").getAttribute("aria-invalid")).resolves.toBe("true");
    await page.getByLabel("API key").fill(server.adminKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Secrets" }).waitFor();
    await expect(page.getByTestId("scopes").textContent()).resolves.toContain("admin");
    const storage = await page.evaluate(() => ({
      session: sessionStorage.getItem("vault.session") ?? "",
      local: JSON.stringify(localStorage),
      url: location.href,
    }));
    expect(storage.session).toContain(server.adminKey);
    expect(storage.local).not.toContain(server.adminKey);
    expect(storage.url).not.toContain(server.adminKey);
    await screenshot(page, "02-signed-in");
  });

  it("creates a secret and reveals its value only on a click", async () => {
    await page.getByRole("link", { name: "Secrets", exact: true }).click();
    await page.getByTestId("empty-state").waitFor();
    await screenshot(page, "03-secrets-empty");
    await page.getByRole("button", { name: "New secret" }).first().click();
    await page.getByRole("textbox", { name: /^Key/ }).fill("db/password");
    await page.getByRole("textbox", { name: /^Value/ }).fill(SECRET_VALUE);
    await page.getByRole("button", { name: "Create secret" }).click();
    await page.getByRole("heading", { name: "db/password" }).waitFor();
    // Not on the page until asked for.
    expect(await page.content()).not.toContain(SECRET_VALUE);
    await page.getByRole("button", { name: "Reveal value" }).click();
    await expect(page.getByTestId("secret-value-1").textContent()).resolves.toBe(SECRET_VALUE);
    await screenshot(page, "04-secret-revealed");
    // A second version with check-and-set against version 1.
    await page.getByLabel("New value").fill(`${SECRET_VALUE}-2`);
    await page.getByRole("button", { name: "Save version 2" }).click();
    await page.getByText("Version 2", { exact: true }).waitFor();
    await page.getByRole("link", { name: "← All secrets" }).click();
    await page.getByRole("table", { name: "Secrets" }).getByText("db/password").waitFor();
    await screenshot(page, "05-secrets-list");
  });

  it("measures sign-in to the first page showing data (cold cache) into test-output/first-render.json", async () => {
    // From the sign-in form's submit to the secrets list on screen with the secret just created: the key checked
    // (GET /v1/whoami), the shell's and the page's chunks fetched for the first time, the list called and rendered.
    const runs: Record<string, number>[] = [];
    let lastRun: LoadTiming | undefined;
    for (let run = 0; run < RUNS; run++) {
      const { cold, page: ui } = await coldPage();
      await ui.goto(`${server.url}/ui/`);
      await ui.getByLabel("API key").fill(server.adminKey);
      await ui.getByRole("button", { name: "Sign in" }).click();
      const timing = await collectTiming(ui, [firstData.name]);
      await cold.close();
      const submitted = timing.marks.submit!.dom;
      const after = timing.resources.filter((r) => r.start >= submitted);
      const call = (path: string) => after.find((r) => r.name.startsWith(path));
      const whoami = call("/v1/whoami");
      const list = call("/v1/apps/system/secrets");
      runs.push({
        toDataOnScreenMs: timing.marks.firstData!.frame - submitted,
        whoamiMs: whoami ? whoami.end - whoami.start : Number.NaN,
        chunksEndMs: Math.max(0, ...after.filter((r) => r.name.endsWith(".js")).map((r) => r.end - submitted)),
        listCallMs: list ? list.end - list.start : Number.NaN,
        listCallEndMs: list ? list.end - submitted : Number.NaN,
        longFramesMs: sum(timing.longFrames.filter((f) => f.start >= submitted).map((f) => f.duration)),
      });
      lastRun = timing;
    }
    recordFirstRender("signInToFirstData", { runs: RUNS, summary: summarize(runs), lastRun });
    expect(runs.every((r) => r.toDataOnScreenMs! > 0)).toBe(true);
  });

  it("creates a flag with a rollout rule, and the playground agrees with the evaluate route for many contexts", async () => {
    await page.getByRole("link", { name: "Flags", exact: true }).click();
    await page.getByRole("button", { name: "New flag" }).first().click();
    await page.getByRole("textbox", { name: /^Key/ }).fill(FLAG_KEY);
    await page.getByRole("combobox", { name: "Tags" }).fill("checkout");
    await page.getByRole("combobox", { name: "Tags" }).press("Enter");
    await page.getByRole("button", { name: "Create flag" }).click();
    await page.getByRole("heading", { name: FLAG_KEY }).waitFor();
    // A rollout rule: half of the tenants get true.
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.getByRole("textbox", { name: "Percentage" }).fill("50");
    await page.getByRole("radio", { name: "true" }).last().check({ force: true });
    await page.getByRole("button", { name: "Save rules" }).click();
    await page.getByRole("tab", { name: "Rules (1)" }).waitFor();
    await screenshot(page, "06-flag-rules");
    await page.getByRole("tab", { name: "Playground" }).click();
    const reasons = new Set<string>();
    for (const tenantId of ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka"]) {
      await page.getByLabel("Tenant id").fill(tenantId);
      await page.getByRole("button", { name: "Evaluate" }).click();
      const expected = await api("POST", `/v1/apps/system/flags/${FLAG_KEY}/evaluate`, { tenantId });
      const result = page.getByTestId("evaluation-result");
      await result.getByText(JSON.stringify(expected.value), { exact: true }).waitFor();
      await expect(page.getByTestId("result-value").textContent()).resolves.toBe(JSON.stringify(expected.value));
      await expect(page.getByTestId("result-reason").textContent()).resolves.toBe(expected.reason);
      reasons.add(expected.reason);
    }
    // Both sides of the rollout were seen (eight tenants at 50%: a fixed, hashed split).
    expect([...reasons].sort()).toEqual(["DEFAULT", "SPLIT"]);
    await screenshot(page, "07-flag-playground");
    // The usage chart renders the API's counts (GET /flag-usage) as 14 daily bars.
    await page.getByRole("tab", { name: "Usage" }).click();
    const chart = page.getByTestId("usage-chart");
    await chart.waitFor();
    expect(await chart.locator("rect").count()).toBe(14);
    await screenshot(page, "07b-flag-usage");
  });

  it("sets a user override and a prerequisite; a cycle is refused under Prerequisites", async () => {
    const KILL_SWITCH = "checkout.kill-switch";
    await api("POST", "/v1/apps/system/flags", { key: KILL_SWITCH, type: "bool", defaultValue: true });
    // An individual target: user u-42 gets true whatever the rollout says.
    await page.getByRole("tab", { name: "Overrides" }).click();
    const userForm = page.getByRole("form", { name: "Set a user override" });
    await userForm.getByRole("textbox", { name: /^User id/ }).fill("u-42");
    await userForm.getByText("true", { exact: true }).click();
    await expect(userForm.getByRole("radio", { name: "true" }).isChecked()).resolves.toBe(true);
    await userForm.getByRole("button", { name: "Set override" }).click();
    await page.getByRole("table", { name: "User overrides (individual targets)" }).getByText("u-42").waitFor();
    await screenshot(page, "07c-flag-user-override");
    await page.getByRole("tab", { name: "Playground" }).click();
    await page.getByLabel("Tenant id").fill("acme");
    await page.getByLabel("User id").fill("u-42");
    await page.getByRole("button", { name: "Evaluate" }).click();
    const expected = await api("POST", `/v1/apps/system/flags/${FLAG_KEY}/evaluate`, {
      tenantId: "acme",
      userId: "u-42",
    });
    expect(expected).toMatchObject({ value: true, reason: "TARGETING_MATCH" });
    await expect.poll(() => page.getByTestId("result-reason").textContent()).toBe("TARGETING_MATCH");
    await expect(page.getByTestId("result-value").textContent()).resolves.toBe("true");
    // A prerequisite that would close a cycle (the kill switch already requires this flag): refused, the API's
    // message under Prerequisites, nothing written.
    await api("PATCH", `/v1/apps/system/flags/${KILL_SWITCH}`, { prerequisites: [{ flagKey: FLAG_KEY, value: true }] });
    await page.getByRole("tab", { name: "Definition" }).click();
    const prerequisites = page.getByRole("form", { name: "Prerequisites" });
    await prerequisites.getByRole("button", { name: "Add prerequisite" }).click();
    await prerequisites.getByRole("combobox", { name: "Prerequisite 1: flag" }).click();
    await page.getByRole("option", { name: KILL_SWITCH, exact: true }).click();
    await prerequisites.getByText("true", { exact: true }).click();
    await prerequisites.getByRole("button", { name: "Save prerequisites" }).click();
    await prerequisites
      .getByRole("alert")
      .getByText(/prerequisites would form a cycle/)
      .waitFor();
    await screenshot(page, "07d-flag-prerequisite-cycle");
    expect((await api("GET", `/v1/apps/system/flags/${FLAG_KEY}`)).prerequisites).toEqual([]);
    await api("PATCH", `/v1/apps/system/flags/${KILL_SWITCH}`, { prerequisites: [] });
    await prerequisites.getByRole("button", { name: "Save prerequisites" }).click();
    await expect
      .poll(async () => (await api("GET", `/v1/apps/system/flags/${FLAG_KEY}`)).prerequisites)
      .toEqual([{ flagKey: KILL_SWITCH, value: true }]);
    await expect(prerequisites.getByRole("alert").count()).resolves.toBe(0);
  });

  it("creates, edits and deletes a segment; one a flag rule names cannot be deleted, and the page says why", async () => {
    await page.getByRole("link", { name: "Segments", exact: true }).click();
    await page.getByTestId("empty-state").getByText("No segments yet").waitFor();
    await screenshot(page, "07e-segments-empty");
    await page.getByRole("button", { name: "New segment" }).first().click();
    const form = page.getByRole("form", { name: "New segment" });
    await form.getByRole("textbox", { name: /^Key/ }).fill("enterprise");
    const conditions = form.getByRole("textbox", { name: /^Conditions/ });
    // An operator the engine does not have: refused, the API's message under the conditions field.
    await conditions.fill('[{"attribute": "plan", "operator": "is", "values": ["enterprise"]}]');
    await form.getByRole("button", { name: "Create segment" }).click();
    await expect.poll(() => conditions.getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "07f-segment-refused");
    await conditions.fill('[{"attribute": "plan", "operator": "in", "values": ["enterprise"]}]');
    await form.getByRole("button", { name: "Create segment" }).click();
    const table = page.getByRole("table", { name: "Segments" });
    await table.getByText("enterprise", { exact: true }).waitFor();
    await table.getByRole("button", { name: "Edit enterprise" }).click();
    const edit = page.getByRole("form", { name: "Edit segment" });
    await edit.getByRole("textbox", { name: /^Description/ }).fill("Paying enterprise customers");
    await edit
      .getByRole("textbox", { name: /^Conditions/ })
      .fill('[{"attribute": "plan", "operator": "in", "values": ["enterprise", "gold"]}]');
    await edit.getByRole("button", { name: "Save segment" }).click();
    await table.getByText("Paying enterprise customers").waitFor();
    expect(await api("GET", "/v1/apps/system/segments/enterprise")).toMatchObject({
      version: 2,
      description: "Paying enterprise customers",
      constraints: [{ attribute: "plan", operator: "in", values: ["enterprise", "gold"] }],
    });
    await screenshot(page, "07g-segments");
    // Named by a rule of the kill switch: the delete is refused with the API's message naming the flag.
    const rules = await api("PUT", "/v1/apps/system/flags/checkout.kill-switch/rules", {
      rules: [{ type: "rollout", percentage: 100, value: false, segments: ["enterprise"] }],
    });
    expect(rules.rules).toHaveLength(1);
    await table.getByRole("button", { name: "Delete enterprise" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    // The reason in the dialog, where the person is looking (and on the page behind it).
    await page
      .getByRole("dialog")
      .getByTestId("error-alert")
      .getByText(/checkout\.kill-switch/)
      .waitFor();
    await screenshot(page, "07h-segment-in-use");
    await page.keyboard.press("Escape");
    await api("PUT", "/v1/apps/system/flags/checkout.kill-switch/rules", { rules: [] });
    await table.getByRole("button", { name: "Delete enterprise" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await page.getByTestId("empty-state").getByText("No segments yet").waitFor();
  });

  it("a toggle on one page reaches a second open page without a reload", async () => {
    const second = await context.newPage();
    await signIn(second);
    await second.goto(`${server.url}/ui/flags`);
    const toggleHere = page.getByRole("switch", { name: `${FLAG_KEY} enabled` });
    const toggleThere = second.getByRole("switch", { name: `${FLAG_KEY} enabled` });
    await page.getByRole("link", { name: "Flags", exact: true }).click();
    await toggleThere.waitFor();
    expect(await toggleThere.isChecked()).toBe(true);
    await toggleHere.click({ force: true });
    await expect.poll(() => toggleThere.isChecked(), { timeout: 15_000 }).toBe(false);
    await screenshot(second, "08-flags-second-page");
    await second.close();
  });

  it("edits config, shows the diff between versions, and rolls back", async () => {
    await page.getByRole("link", { name: "Config", exact: true }).click();
    await page.getByRole("button", { name: "New entry" }).first().click();
    await page.getByRole("textbox", { name: /^Key/ }).fill(CONFIG_KEY);
    await page.getByLabel("Type", { exact: true }).first().click();
    await page.getByRole("option", { name: "json" }).click();
    await page.getByRole("textbox", { name: /^Value/ }).fill('{"maxItems": 10, "region": "eu"}');
    await page
      .getByRole("textbox", { name: /^JSON Schema/ })
      .fill('{"type": "object", "properties": {"maxItems": {"type": "integer", "maximum": 100}}}');
    await page.getByRole("button", { name: "Create entry" }).click();
    await page.getByRole("heading", { name: CONFIG_KEY }).waitFor();
    // A value the schema refuses: the API's message under the field, nothing written.
    const value = page.getByRole("textbox", { name: /^Value/ });
    await value.fill('{"maxItems": 1000, "region": "eu"}');
    await page.getByRole("button", { name: "Save version 2" }).click();
    await expect.poll(() => value.getAttribute("aria-invalid")).toBe("true");
    await page.getByText(/maxItems must be <= 100/).waitFor();
    await screenshot(page, "09-config-schema-refused");
    await value.fill('{"maxItems": 20, "region": "eu"}');
    await page.getByRole("button", { name: "Save version 2" }).click();
    await page.getByRole("button", { name: "Save version 3" }).waitFor();
    await page.getByRole("tab", { name: "Versions" }).click();
    const diff = page.getByTestId("value-diff");
    await diff.locator('[data-change="removed"]', { hasText: '"maxItems": 10' }).waitFor();
    await diff.locator('[data-change="added"]', { hasText: '"maxItems": 20' }).waitFor();
    await screenshot(page, "10-config-diff");
    await page.getByRole("button", { name: "Roll back to 1" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Roll back" }).click();
    await page.getByText("rollback to 1").waitFor();
    const entry = await api("GET", `/v1/apps/system/config/${encodeURIComponent(CONFIG_KEY)}`);
    expect(entry).toMatchObject({ version: 3, value: { maxItems: 10, region: "eu" } });
    await screenshot(page, "11-config-rolled-back");
  });

  it("finds those changes in the audit page, with the chain verified", async () => {
    await page.getByRole("link", { name: "Audit", exact: true }).click();
    const status = page.getByTestId("chain-status");
    await status.waitFor();
    await expect(status.getAttribute("data-ok")).resolves.toBe("true");
    const table = page.getByRole("table", { name: "Audit entries" });
    await table.getByText("db/password").first().waitFor();
    await table.getByText(FLAG_KEY).first().waitFor();
    await table.getByText(CONFIG_KEY).first().waitFor();
    await screenshot(page, "12-audit");
    // Filtered to the config key: only its entries, one of them the rollback.
    await page.getByRole("textbox", { name: "Key", exact: true }).fill(CONFIG_KEY);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect
      .poll(async () => new Set(await table.locator("tbody tr td:nth-child(4)").allTextContents()))
      .toEqual(new Set([CONFIG_KEY]));
    await table
      .getByRole("button", { name: /^Details of entry/ })
      .first()
      .click();
    await page.getByRole("dialog").getByText(/"seq"/).waitFor();
    await screenshot(page, "13-audit-entry");
    await page.keyboard.press("Escape");
    // Nothing secret in what the audit page received.
    expect(await page.content()).not.toContain(SECRET_VALUE);
  });

  it("rotates a secret now under a policy, and tokenizes a value (the token shown once)", async () => {
    await page.getByRole("link", { name: "Rotation", exact: true }).click();
    await page.getByRole("textbox", { name: /^Secret key/ }).fill("db/password");
    await page.getByRole("button", { name: "Save policy" }).click();
    const policies = page.getByRole("table", { name: "Rotation policies" });
    await policies.getByText("db/password").waitFor();
    await policies.getByRole("button", { name: "Rotate now" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate" }).click();
    await page.getByRole("table", { name: "Rotation attempts" }).getByText("success").waitFor();
    await screenshot(page, "14-rotation");
    await page.getByRole("link", { name: "Tokens", exact: true }).click();
    await page.getByRole("textbox", { name: "Value to tokenize" }).fill(TOKEN_VALUE);
    await page.getByRole("button", { name: "Store and get a token" }).click();
    await page.getByRole("dialog").getByText("Shown once").waitFor();
    await screenshot(page, "15-token-shown-once");
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("table", { name: "Token records" }).locator("tbody tr").first().waitFor();
    expect(await page.content()).not.toContain(TOKEN_VALUE);
    await screenshot(page, "16-tokens");
    await page.getByRole("link", { name: "Blobs", exact: true }).click();
    await page.getByRole("textbox", { name: /^Purpose/ }).fill("invoices");
    await page.getByRole("button", { name: "Save policy" }).click();
    await page.getByRole("table", { name: "Blob policies" }).getByText("invoices").waitFor();
    await screenshot(page, "16b-blobs");
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await page.getByRole("heading", { name: "Webhooks" }).waitFor();
    await page.getByTestId("empty-state").waitFor();
    await screenshot(page, "16c-webhooks");
  });

  it("manages one token: its record's metadata, a new expiry, a password set and a wrong one refused", async () => {
    const PASSWORD = "pw-canary-9f2e";
    const created = await api("POST", "/v1/apps/system/tokens", { value: "tok-canary-value", data: { kind: "card" } });
    await page.getByRole("link", { name: "Tokens", exact: true }).click();
    const manage = page.getByRole("region", { name: "Manage a token" });
    await manage.getByRole("button", { name: "Look up" }).click();
    await expect.poll(() => manage.getByLabel("Token", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await manage.getByLabel("Token", { exact: true }).fill(created.token);
    await manage.getByRole("button", { name: "Look up" }).click();
    const record = manage.getByRole("table", { name: "Token record" });
    await record.getByText(created.meta.id).waitFor();
    await expect(manage.getByTestId("token-password").textContent()).resolves.toBe("no");
    // A new expiry, 30 days out, in the browser's time zone.
    const local = await page.evaluate(
      (ms) => {
        const d = new Date(ms);
        const two = (n: number) => String(n).padStart(2, "0");
        return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
      },
      Date.now() + 30 * 86_400_000,
    );
    await manage.getByLabel("New expiry").fill(local);
    await manage.getByRole("button", { name: "Renew" }).click();
    await manage.getByText(/^Renewed: expires/).waitFor();
    const renewed = await api("POST", "/v1/apps/system/tokens/query", { tokens: [created.token] });
    expect(renewed.items[0].expiresAt).toBe(await page.evaluate((value) => new Date(value).toISOString(), local));
    // A password where there was none, then a wrong current password: refused under that field.
    const passwordForm = manage.getByRole("form", { name: "Change the token's password" });
    await passwordForm.getByLabel("New password").fill(PASSWORD);
    await passwordForm.getByRole("button", { name: "Change password" }).click();
    await manage.getByText("Password changed.").waitFor();
    await expect(manage.getByTestId("token-password").textContent()).resolves.toBe("yes");
    const current = passwordForm.getByLabel("Current password");
    await current.fill("not-the-password");
    await passwordForm.getByLabel("New password").fill("another-one");
    await passwordForm.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => current.getAttribute("aria-invalid")).toBe("true");
    await passwordForm.getByText(/the password is missing or wrong/).waitFor();
    await screenshot(page, "16a-token-managed");
    const read = await fetch(`${server.url}/v1/apps/system/tokens/read`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.adminKey}`, "content-type": "application/json" },
      body: JSON.stringify({ token: created.token, password: PASSWORD }),
    }).then((r) => r.json());
    expect(read.value).toBe("tok-canary-value");
    // Neither the token nor the password reached the server's output.
    expect(server.output()).not.toContain(created.token);
    expect(server.output()).not.toContain(PASSWORD);
  });

  it("uploads a blob with metadata, an expiry and a limit; downloads the same bytes; purges it with a proof", async () => {
    const bytes = Buffer.from(`%PDF-1.4 invoice 7 ${"x".repeat(2000)} \u00e9\n`, "utf8");
    await page.getByRole("link", { name: "Blobs", exact: true }).click();
    const entries = page.getByRole("region", { name: "Blob entries" });
    await entries.getByTestId("empty-state").getByText("No entries under invoices").waitFor();
    const form = page.getByRole("form", { name: "Upload a blob" });
    // The file through the browser's own chooser, opened from the labelled field.
    const chooser = page.waitForEvent("filechooser");
    await form.getByRole("button", { name: "File" }).click();
    await (await chooser).setFiles({ name: "invoice-7.pdf", mimeType: "application/pdf", buffer: bytes });
    await expect(form.getByRole("textbox", { name: /^Entry id/ }).inputValue()).resolves.toBe("invoice-7.pdf");
    const metadata = form.getByRole("textbox", { name: /^Metadata/ });
    expect(JSON.parse(await metadata.inputValue())).toEqual({
      filename: "invoice-7.pdf",
      contentType: "application/pdf",
    });
    await metadata.fill('{"filename": "invoice-7.pdf", "customer": "acme"}');
    // Beyond the purpose's 365-day retention: refused, and the message is under the expiry field.
    const expires = form.getByLabel("Expires at");
    await expires.fill("2099-01-01T12:00");
    await form.getByRole("button", { name: "Upload" }).click();
    await expect.poll(() => expires.getAttribute("aria-invalid")).toBe("true");
    await page.getByText(/beyond the maximum retention of purpose "invoices"/).waitFor();
    await screenshot(page, "16d-blob-retention-refused");
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    const local = await page.evaluate((ms) => {
      const d = new Date(ms);
      const two = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
    }, inTenDays.getTime());
    await expires.fill(local);
    await form.getByLabel("Max retrievals").fill("3");
    await form.getByRole("button", { name: "Upload" }).click();
    const table = page.getByRole("table", { name: "Blob entries" });
    await table.getByText("invoice-7.pdf", { exact: true }).waitFor();
    // The API holds exactly what was chosen.
    const stored = await fetch(`${server.url}/v1/apps/system/blobs/invoices/invoice-7.pdf`, {
      headers: { authorization: `Bearer ${server.adminKey}`, accept: "application/json" },
    }).then((r) => r.json());
    expect(Buffer.from(stored.data, "base64").equals(bytes)).toBe(true);
    expect(stored.meta).toMatchObject({
      size: bytes.length,
      metadata: { filename: "invoice-7.pdf", customer: "acme" },
      expiresAt: await page.evaluate((value) => new Date(value).toISOString(), local),
      maxRetrievals: 3,
    });
    // Downloaded through the UI (the key in a header, not a URL): the same bytes, under the metadata's file name.
    const downloading = page.waitForEvent("download");
    await table.getByRole("button", { name: "Download invoice-7.pdf" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("invoice-7.pdf");
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    // Two of three retrievals used: the API's and the download.
    await table.locator("tbody tr").first().locator("td").nth(5).getByText("1", { exact: true }).waitFor();
    await screenshot(page, "16e-blob-entries");
    await table.getByRole("button", { name: "Purge invoice-7.pdf" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Purge" }).click();
    const proof = page.getByRole("dialog", { name: "Purge proof" });
    await proof.getByText(/"reason": "deleted"/).waitFor();
    await screenshot(page, "16f-blob-purge-proof");
    await proof.getByRole("button", { name: "Done" }).click();
    await entries.getByTestId("empty-state").waitFor();
  });

  it("adds a webhook endpoint and edits its URL, event types and enabled state", async () => {
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    const add = page.getByRole("form", { name: "Add an endpoint" });
    await add.getByRole("textbox", { name: /^URL/ }).fill("http://127.0.0.1:9/hooks/vault");
    await add.getByRole("combobox", { name: /^Event types/ }).fill("secret.purged");
    await page.getByRole("option", { name: "secret.purged", exact: true }).click();
    await add.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByRole("dialog").getByText("Shown once").waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
    const endpoints = page.getByRole("table", { name: "Webhook endpoints" });
    await endpoints.getByText("http://127.0.0.1:9/hooks/vault").waitFor();
    await endpoints.getByRole("button", { name: "Edit http://127.0.0.1:9/hooks/vault" }).click();
    const edit = page.getByRole("form", { name: "Edit endpoint" });
    // A private address is refused, and the message is under the URL field.
    const url = edit.getByRole("textbox", { name: /^URL/ });
    await url.fill("http://10.1.2.3/hooks/vault");
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await expect.poll(() => url.getAttribute("aria-invalid")).toBe("true");
    await edit.getByText(/webhook url refused/).waitFor();
    await screenshot(page, "16g-webhook-edit-refused");
    await url.fill("http://127.0.0.1:9/hooks/v2");
    await edit.getByRole("combobox", { name: /^Event types/ }).fill("blob.purged");
    await page.getByRole("option", { name: "blob.purged", exact: true }).click();
    // From the keyboard: the switch takes focus and Space flips it.
    const enabled = edit.getByRole("switch", { name: "Enabled" });
    await enabled.focus();
    await page.keyboard.press("Space");
    await expect.poll(() => enabled.isChecked()).toBe(false);
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await edit.waitFor({ state: "detached" });
    await endpoints.getByText("http://127.0.0.1:9/hooks/v2").waitFor();
    await endpoints.getByText("disabled (manual)").waitFor();
    const saved = await api("GET", "/v1/apps/system/webhooks?limit=10");
    expect(saved.items).toHaveLength(1);
    expect(saved.items[0]).toMatchObject({
      url: "http://127.0.0.1:9/hooks/v2",
      enabled: false,
      disabledReason: "manual",
    });
    expect([...saved.items[0].eventTypes].sort()).toEqual(["blob.purged", "secret.purged"]);
    await screenshot(page, "16h-webhook-edited");
  });

  it("creates a key with one scope, shown once; signed in with it, a denied page shows the API's message", async () => {
    await page.getByRole("link", { name: "Apps & API keys", exact: true }).click();
    await page.getByRole("textbox", { name: /^Key name/ }).fill("dashboard");
    for (const scope of ["config:read"]) await page.getByRole("checkbox", { name: scope, exact: true }).uncheck();
    await page.getByRole("button", { name: "Create API key" }).click();
    const shown = page.getByTestId("new-api-key");
    await shown.waitFor();
    const key = (await shown.textContent()) ?? "";
    expect(key).toMatch(/^vault_/);
    await screenshot(page, "17-api-key-shown-once");
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("table", { name: "API keys" }).getByText("dashboard").waitFor();
    expect(await page.content()).not.toContain(key);
    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, key);
    await expect(page.getByTestId("scopes").textContent()).resolves.toBe("flags:read");
    await page.getByRole("link", { name: "Audit", exact: true }).click();
    const refused = page.getByTestId("error-alert").first();
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain('this API key lacks the scope "audit:read" (FORBIDDEN)');
    await screenshot(page, "18-denied");
  });

  it("fits a narrow screen: the navigation folds behind a button", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // The navigation is folded away: the burger, shown on narrow screens only, opens it.
    await page.getByRole("button", { name: "Toggle navigation" }).click();
    await page.getByRole("link", { name: "Flags", exact: true }).click();
    await page.getByRole("table", { name: "Flags" }).getByText(FLAG_KEY).waitFor();
    await screenshot(page, "19-narrow-flags");
    // Every page with the admin key: nothing wider than the screen (wide tables scroll inside their own box).
    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page);
    const pages = [
      ["Flags", "Flags"],
      ["Segments", "Segments"],
      ["Tokens", "Tokens"],
      ["Blobs", "Blobs"],
      ["Webhooks", "Webhooks"],
      ["Secrets", "Secrets"],
    ] as const;
    for (const [link, heading] of pages) {
      await page.getByRole("button", { name: "Toggle navigation" }).click();
      await page.getByRole("link", { name: link, exact: true }).click();
      await page.getByRole("heading", { name: heading, exact: true }).waitFor();
      // The page's data is in: a table, or the empty state that says what to do.
      await page.getByRole("table").or(page.getByTestId("empty-state")).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, link).toBeLessThanOrEqual(0);
      // The header's controls fit too (it clips rather than scrolls).
      const signOut = await page.getByRole("button", { name: "Sign out" }).boundingBox();
      expect(signOut!.x + signOut!.width, link).toBeLessThanOrEqual(390);
      await screenshot(page, `19-narrow-${link.toLowerCase()}`);
    }
  });

  it("left no key, secret value or tokenized value in the server's output or the browser's storage", async () => {
    const output = server.output();
    // The admin key appears once: the first start's own line that shows it.
    expect(output.split(server.adminKey).length - 1).toBe(1);
    expect(output).not.toContain(SECRET_VALUE);
    expect(output).not.toContain(TOKEN_VALUE);
    const local = await page.evaluate(() => JSON.stringify(localStorage));
    expect(local).toBe("{}");
    expect((await context.cookies()).length).toBe(0);
  });
});
