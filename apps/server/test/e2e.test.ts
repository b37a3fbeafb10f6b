import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createTestDatabase, type TestDatabase } from "@vault/store/testing";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");

interface Spawned {
  child: ChildProcess;
  url: string;
  adminKey: string | undefined;
  output: () => string;
  exit: Promise<number | null>;
}

/** Start `vault serve` as a real process (tsx from source) on a random port; resolves once it printed its URL. */
async function spawnServer(env: Record<string, string>): Promise<Spawned> {
  const child = spawn(
    process.execPath,
    ["--conditions=@vault/source", "--import", "tsx", "apps/server/src/main.ts", "serve"],
    {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        PORT: "0",
        HOST: "127.0.0.1",
        VAULT_LOG_LEVEL: "warn",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout!.on("data", (chunk) => {
    out += String(chunk);
  });
  child.stderr!.on("data", (chunk) => {
    out += String(chunk);
  });
  const exit = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 90_000);
    const check = () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on("data", check);
    exit.then((code) => fail(new Error(`server exited with ${code}:\n${out}`)));
  });
  await new Promise((r) => setTimeout(r, 50)); // let the admin-key lines arrive with the URL line
  const adminKey = /admin key: (vault_[A-Za-z0-9_-]{43})/.exec(out)?.[1];
  return { child, url, adminKey, output: () => out, exit };
}

async function api(base: string, key: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, text };
}

async function scenario(env: Record<string, string>) {
  const first = await spawnServer(env);
  try {
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    expect(await (await fetch(`${first.url}/ready`)).json()).toMatchObject({ status: "ready" });
    const admin = first.adminKey!;
    expect(admin, first.output()).toBeTruthy();
    const call = (key: string, method: string, path: string, body?: unknown) => api(first.url, key, method, path, body);

    expect((await call(admin, "POST", "/v1/apps", { id: "shop" })).status).toBe(201);
    const minted = await call(admin, "POST", "/v1/apps/shop/api-keys", { name: "e2e", scopes: ["admin"] });
    expect(minted.status).toBe(201);
    const key = minted.body.key as string;

    expect((await call(key, "PUT", "/v1/apps/shop/secrets/db%2Fpassword", { value: "hunter2" })).status).toBe(200);
    expect((await call(key, "GET", "/v1/apps/shop/secrets/db%2Fpassword")).body.value).toBe("hunter2");

    expect(
      (await call(key, "POST", "/v1/apps/shop/flags", { key: "beta", type: "bool", defaultValue: false })).status,
    ).toBe(201);
    await call(key, "PUT", "/v1/apps/shop/flags/beta/rules", {
      rules: [{ type: "when_tenant", tenants: ["acme"], value: true }],
    });
    expect((await call(key, "POST", "/v1/apps/shop/flags/beta/evaluate", { tenantId: "acme" })).body.value).toBe(true);

    await call(key, "PUT", "/v1/apps/shop/config/limit", { value: 10 });
    await call(key, "PUT", "/v1/apps/shop/config/limit/overrides/acme", { value: 99 });
    const resolved = await call(key, "GET", "/v1/apps/shop/config/limit/resolve?tenantId=acme");
    expect(resolved.body).toMatchObject({ value: 99, source: "override" });

    await call(key, "PUT", "/v1/apps/shop/rotation/policies/db%2Fpassword", {
      intervalMs: 86_400_000,
      strategy: "random_password",
    });
    const rotated = await call(key, "POST", "/v1/apps/shop/secrets/db%2Fpassword/rotate");
    expect(rotated.body).toMatchObject({ outcome: "success", newVersion: 2 });
    const rotatedValue = (await call(key, "GET", "/v1/apps/shop/secrets/db%2Fpassword")).body.value as string;
    expect(rotatedValue).not.toBe("hunter2");

    const audit = await call(key, "GET", "/v1/apps/shop/audit?limit=200");
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    for (const action of [
      "secret.set",
      "secret.read",
      "flag.created",
      "config.set",
      "override.set",
      "rotation.rotated",
    ]) {
      expect(
        actions.some((a: string) => a.startsWith(action.split(".")[0]!)),
        action,
      ).toBe(true);
    }
    expect(audit.text).not.toContain("hunter2");
    expect((await call(key, "GET", "/v1/apps/shop/audit/verify")).body.ok).toBe(true);
    const auditCount = audit.body.items.length;

    first.child.kill("SIGTERM");
    expect(await first.exit).toBe(0);

    // Reopen: nothing written before SIGTERM is lost, and no new admin key is printed.
    const second = await spawnServer(env);
    try {
      expect(second.adminKey).toBeUndefined();
      const again = (method: string, path: string) => api(second.url, key, method, path);
      expect((await again("GET", "/v1/apps/shop/secrets/db%2Fpassword")).body).toMatchObject({
        value: rotatedValue,
        version: 2,
      });
      expect((await again("GET", "/v1/apps/shop/config/limit/resolve?tenantId=acme")).body.value).toBe(99);
      expect((await again("GET", "/v1/apps/shop/flags/beta")).body.rules).toHaveLength(1);
      const reread = await again("GET", "/v1/apps/shop/audit?limit=200");
      expect(reread.body.items.length).toBeGreaterThanOrEqual(auditCount);
      expect((await again("GET", "/v1/apps/shop/audit/verify")).body.ok).toBe(true);
      // The old admin key still works.
      expect((await api(second.url, admin, "GET", "/v1/apps")).status).toBe(200);
    } finally {
      second.child.kill("SIGTERM");
      expect(await second.exit).toBe(0);
    }
  } finally {
    if (first.child.exitCode === null) first.child.kill("SIGKILL");
  }
}

describe("end to end: the real server process", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  it("on PGlite (a temporary data directory)", { timeout: 240_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "vault-e2e-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    await scenario({ VAULT_DATA_DIR: dataDir });
  });

  it.skipIf(!process.env.DATABASE_URL)("on Postgres (DATABASE_URL)", { timeout: 240_000 }, async () => {
    const testDb: TestDatabase = await createTestDatabase();
    cleanups.push(() => testDb.close());
    const dataDir = mkdtempSync(join(tmpdir(), "vault-e2e-pg-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    await scenario({ DATABASE_URL: testDb.url!, VAULT_DATA_DIR: dataDir });
  });
});
