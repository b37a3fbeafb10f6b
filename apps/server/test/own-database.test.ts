import { PGlite } from "@electric-sql/pglite";
import { AuditLog } from "@vault/audit";
import { ConfigService } from "@vault/config";
import { Keyring } from "@vault/crypto";
import { FlagService } from "@vault/flag";
import { OverrideService } from "@vault/override";
import { RotationService } from "@vault/rotation";
import { SecretService } from "@vault/secret";
import { migrate, type VaultDb } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Per-package installs (DESIGN §1): every service works on a Drizzle database its user opened, with no schema passed
// to drizzle() and nothing from openDatabase(). Only the Store context connects them.
describe(`every service on a database the caller opened (${testDatabaseKind()})`, () => {
  let db: VaultDb;
  let end: () => Promise<void>;
  let harness: TestDatabase | undefined;

  beforeAll(async () => {
    if (testDatabaseKind() === "postgres") {
      // A fresh migrated database of its own from the harness, reopened here with a client of our own.
      harness = await createTestDatabase();
      const client = postgres(harness.url!, { max: 4, onnotice: () => {} });
      db = drizzlePostgres(client);
      end = () => client.end({ timeout: 5 });
    } else {
      const client = new PGlite();
      db = drizzlePglite(client);
      end = () => client.close();
    }
    await migrate(db);
  });
  afterAll(async () => {
    await end?.();
    await harness?.close();
  });

  it("secrets, flags, config, overrides, rotation and audit all work, and caches follow another instance", async () => {
    const audit = new AuditLog({ db, hmacKey: "an-hmac-key-of-at-least-16-bytes", flushDelayMs: 1 });
    const keys = Keyring.generate();
    const secrets = new SecretService({ db, keys, audit });
    const flags = new FlagService({ db, audit });
    const otherFlags = new FlagService({ db });
    const config = new ConfigService({ db, audit });
    const overrides = new OverrideService({ db, config, audit });
    const resolver = overrides.resolver();
    const rotation = new RotationService({ db, secrets, audit });
    try {
      await secrets.set("own", "db/password", "hunter2");
      expect((await secrets.get("own", "db/password")).value).toBe("hunter2");

      await flags.define("own", {
        key: "beta",
        type: "bool",
        defaultValue: false,
        rules: [{ type: "when_tenant", tenants: ["acme"], value: true }],
      });
      expect(await flags.evaluate("own", "beta", { tenantId: "acme" })).toMatchObject({ value: true });
      expect(await otherFlags.bool("own", "beta", { tenantId: "globex" }, true)).toBe(false);
      // Another instance with a feed of its own (polling) drops its cached snapshot when the revision moves.
      await flags.update("own", "beta", { defaultValue: true });
      await vi.waitFor(
        async () => expect(await otherFlags.bool("own", "beta", { tenantId: "globex" }, false)).toBe(true),
        {
          timeout: 10_000,
          interval: 50,
        },
      );

      await config.set("own", "limits/max", 10);
      expect(await config.int("own", "limits/max", 0)).toBe(10);
      await overrides.set("own", "limits/max", "acme", 50);
      expect(await resolver.resolve("own", "limits/max", "acme")).toBe(50);
      expect(await resolver.int("own", "limits/max", 0, "globex")).toBe(10);

      await rotation.createPolicy("own", { secretKey: "db/password", intervalMs: 60_000, strategy: "random_password" });
      const rotated = await rotation.rotateNow("own", "db/password");
      expect(rotated).toMatchObject({ outcome: "success", oldVersion: 1, newVersion: 2 });

      const verified = await audit.verify();
      expect(verified.ok).toBe(true);
      const actions = (await audit.query({ appId: "own", limit: 100 })).items.map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(["secret.set", "secret.read", "flag.created", "config.set"]));
    } finally {
      await flags.close();
      await otherFlags.close();
      await config.close();
      await audit.close();
    }
  });
});
