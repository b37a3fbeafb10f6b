import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@vault/store/testing";
import { afterAll, describe, expect, it } from "vitest";
import { api, spawnServer } from "./process";

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
