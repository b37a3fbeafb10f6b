import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const webDir = resolve(import.meta.dirname, "..");
const repoRoot = resolve(webDir, "../..");

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM = process.env.VAULT_E2E_CHROMIUM ?? "/usr/bin/chromium";

/** Where screenshots go (gitignored): look at them to see what a person sees. */
export const outputDir = join(webDir, "test-output");

/** True when the browser tests can run here; in CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt-get install chromium`);
  console.warn(`[web e2e] skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
  return false;
}

/** `vite build` of the UI into dist/ui, where the server looks for it (as `pnpm build` does). */
export function buildUi(): void {
  execFileSync(process.execPath, [join(webDir, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], {
    cwd: webDir,
    // Vitest sets NODE_ENV=test, which Vite would carry into the bundle (React's development build): build as
    // `pnpm build` does.
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export interface ServerProcess {
  url: string;
  adminKey: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** The server as a real process, as the README starts it, on a fresh embedded (PGlite) data directory. */
export async function startServer(): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "vault-web-e2e-"));
  const child = spawn(process.execPath, ["--conditions=@vault/source", "--import", "tsx", "apps/server/src/main.ts"], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      VAULT_DATA_DIR: dataDir,
      VAULT_LOG_LEVEL: "warn",
      // Webhook endpoints on this machine (a closed port): nothing leaves it.
      VAULT_WEBHOOK_ALLOW_LOOPBACK: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (chunk) => {
    out += String(chunk);
  });
  child.stderr!.on("data", (chunk) => {
    out += String(chunk);
  });
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  const started = await new Promise<{ url: string; adminKey: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 90_000);
    const check = () => {
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      const adminKey = /admin key: (vault_[A-Za-z0-9_-]{43})/.exec(out)?.[1];
      if (url && adminKey) {
        clearTimeout(timer);
        done({ url, adminKey });
      }
    };
    child.stderr!.on("data", check);
    void exited.then(() => fail(new Error(`server exited:\n${out}`)));
  });
  return {
    ...started,
    child,
    output: () => out,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium with the flags this machine needs (no sandbox as root, no background network calls). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A full-page screenshot into test-output/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(outputDir, { recursive: true });
  // From the top: a full-page capture of a scrolled page draws the fixed header halfway down.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Not mid-transition (a navigation drawer sliding away): CSS transitions only, a spinner's animation never ends.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => !(animation instanceof CSSTransition) || animation.playState !== "running"),
  );
  await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
}
