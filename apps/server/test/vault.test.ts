import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers";

describe(`createVault and app handles (${testDatabaseKind()})`, () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ realAudit: true });
    await t.vault.apps.create({ id: "inproc" });
  });
  afterAll(async () => t?.close());

  it("binds the app id into every service", async () => {
    const app = t.vault.app("inproc");
    await app.secrets.set("token", "abc");
    expect((await app.secrets.get("token")).value).toBe("abc");
    await app.flags.define({ key: "f", type: "bool", defaultValue: true });
    expect((await app.flags.evaluate("f", {})).value).toBe(true);
    await app.config.set("n", 3);
    await app.overrides.set("n", "acme", 4);
    expect(await app.resolver.resolve("n", "acme")).toBe(4);
    const entries = await app.audit({ action: "secret.read" });
    expect(entries.items).toHaveLength(1);
    // Another app sees nothing of it.
    await t.vault.apps.create({ id: "elsewhere" });
    await expect(t.vault.app("elsewhere").secrets.get("token")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("exposes only app-scoped operations: no lifecycle, no instance-wide ones", () => {
    const app = t.vault.app("inproc");
    // @ts-expect-error closing a service belongs to the Vault, not to an app
    expect(app.flags.close).toBeUndefined();
    // @ts-expect-error authenticating a key is instance-wide
    expect(app.apiKeys.authenticate).toBeUndefined();
    // @ts-expect-error rewrapping covers every app
    expect(app.secrets.rewrapAll).toBeUndefined();
    // @ts-expect-error rotating due secrets covers every app
    expect(app.rotation.rotateDue).toBeUndefined();
    expect(Object.keys(app.apiKeys).sort()).toEqual(["create", "list", "revoke"]);
  });

  it("close() is idempotent and leaves a caller-provided database open", async () => {
    const { createVault } = await import("../src/vault");
    const second = await createVault({ database: t.testDb, defaultMetrics: false });
    await second.close();
    await second.close();
    expect(await t.vault.readiness()).toEqual({ database: true, pendingMigrations: 0 });
  });
});
