import { ManualClock } from "@vault/core";
import { RotationService } from "@vault/rotation";
import { SecretService } from "@vault/secret";
import { events, rotationPolicies } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileKeyring, webhookServiceFor } from "./helpers";

const DAY = 86_400_000;

describe(`reminders (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });

  const reminders = async (appId: string, type: string) =>
    (
      await t.db
        .select()
        .from(events)
        .where(and(eq(events.appId, appId), eq(events.type, type)))
        .orderBy(asc(events.id))
    ).map((e) => ({ key: e.key, version: e.version, data: e.data, actor: e.actor }));

  it("secret.expiring fires once per threshold, from any number of schedulers, and starts over for a new expiry", async () => {
    const clock = new ManualClock("2026-06-01T00:00:00.000Z");
    const other = await t.connectAgain();
    const a = webhookServiceFor(t.db, { clock, reminders: { expiringDays: [30, 7, 1] } }).service;
    const b = webhookServiceFor(other.db, { clock, reminders: { expiringDays: [30, 7, 1] } }).service;
    const secrets = new SecretService({ db: t.db, keys: fileKeyring, clock });
    const expiresAt = new Date("2026-08-01T00:00:00.000Z"); // 61 days ahead
    await secrets.set("exp", "tls/key", "v1", { expiresAt });
    await secrets.set("exp", "gone/key", "v1", { expiresAt });
    await secrets.delete("exp", "gone/key"); // a deleted secret gets no reminder

    const both = async () => (await Promise.all([a.emitReminders(), b.emitReminders()])).reduce((x, y) => x + y, 0);
    expect(await both()).toBe(0);
    clock.set(expiresAt.getTime() - 30 * DAY - 1);
    expect(await both()).toBe(0);
    clock.set(expiresAt.getTime() - 30 * DAY);
    expect(await both()).toBe(1);
    expect(await both()).toBe(0);
    clock.set(expiresAt.getTime() - 7 * DAY + 5_000);
    expect(await both()).toBe(1);
    clock.set(expiresAt.getTime() - 12 * 3_600_000);
    expect(await both()).toBe(1);
    clock.set(expiresAt.getTime() + 1);
    expect(await both()).toBe(0);
    expect(await reminders("exp", "secret.expiring")).toEqual([
      {
        key: "tls/key",
        version: 1,
        data: { expiresAt: expiresAt.toISOString(), daysBefore: 30 },
        actor: { system: "webhook-reminders" },
      },
      expect.objectContaining({ data: { expiresAt: expiresAt.toISOString(), daysBefore: 7 } }),
      expect.objectContaining({ data: { expiresAt: expiresAt.toISOString(), daysBefore: 1 } }),
    ]);

    // A new expiry is a new series; one that is already close fires its nearest threshold only.
    const renewed = new Date(clock.now().getTime() + 2 * DAY);
    await secrets.set("exp", "tls/key", "v2", { expiresAt: renewed });
    expect(await both()).toBe(1);
    expect((await reminders("exp", "secret.expiring")).at(-1)).toMatchObject({
      version: 2,
      data: { expiresAt: renewed.toISOString(), daysBefore: 7 },
    });
    clock.set(renewed.getTime() - DAY);
    expect(await both()).toBe(1);
    expect(await both()).toBe(0);
  });

  it("rotation.failing fires once per run of failures, after the configured number", async () => {
    const clock = new ManualClock("2026-06-01T00:00:00.000Z");
    const { service } = webhookServiceFor(t.db, { clock, reminders: { rotationFailures: 3 } });
    const secrets = new SecretService({ db: t.db, keys: fileKeyring, clock });
    const rotation = new RotationService({ db: t.db, secrets, clock });
    await secrets.set("rotf", "api/key", "v1");
    await rotation.createPolicy("rotf", { secretKey: "api/key", intervalMs: 3_600_000, strategy: "custom" });
    let fail = true;
    rotation.registerRotator("rotf", "api/key", () => {
      if (fail) throw new Error("upstream down");
      return "v-next";
    });
    const failOnce = async () => {
      clock.advance(2 * 3_600_000);
      expect(await rotation.rotateDue({ backoff: () => 0 })).toMatchObject({ failed: 1 });
    };
    await failOnce();
    await failOnce();
    expect(await service.emitReminders()).toBe(0);
    await failOnce();
    expect(await service.emitReminders()).toBe(1);
    await failOnce();
    expect(await service.emitReminders()).toBe(0);
    const [policy] = await t.db.select().from(rotationPolicies).where(eq(rotationPolicies.appId, "rotf"));
    expect(await reminders("rotf", "rotation.failing")).toEqual([
      expect.objectContaining({
        key: "api/key",
        data: expect.objectContaining({ policyId: policy!.id, failures: 3, lastRotatedAt: null }),
      }),
    ]);
    // A success ends the run; three more failures are a new run and a new reminder.
    fail = false;
    clock.advance(2 * 3_600_000);
    expect(await rotation.rotateDue()).toMatchObject({ rotated: 1 });
    fail = true;
    for (let i = 0; i < 3; i++) await failOnce();
    expect(await service.emitReminders()).toBe(1);
    expect(await reminders("rotf", "rotation.failing")).toHaveLength(2);
  });
});
