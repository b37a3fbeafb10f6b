import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startTestServer, type TestServer } from "../helpers";

const DAY = 86_400_000;

describe(`flag usage over HTTP (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let writer: string;
  let evaluator: string;
  beforeAll(async () => {
    t = await startTestServer();
    writer = await t.appKey("usage-shop", ["flags:write", "flags:read"]);
    evaluator = await t.appKey("usage-shop", ["flags:evaluate"]);
  });
  afterAll(async () => t?.close());

  it("counts what the evaluate routes serve and what clients report; reads it back, in metrics too", async () => {
    t.clock.set("2026-06-01T12:00:00.000Z");
    await t.call("POST", "/v1/apps/usage-shop/flags", {
      key: writer,
      body: {
        key: "theme",
        type: "string",
        defaultValue: "light",
        variants: { dark: "dark" },
        rules: [{ type: "when_user", users: ["night-owl"], variant: "dark" }],
      },
    });
    await t.call("POST", "/v1/apps/usage-shop/flags", {
      key: writer,
      body: { key: "beta", type: "bool", defaultValue: false },
    });
    for (let i = 0; i < 3; i++) {
      await t.call("POST", "/v1/apps/usage-shop/flags/theme/evaluate", {
        key: evaluator,
        body: { userId: "night-owl" },
      });
    }
    await t.call("POST", "/v1/apps/usage-shop/evaluate", { key: evaluator, body: { userId: "someone" } });
    const report = await t.call("POST", "/v1/apps/usage-shop/flag-usage", {
      key: evaluator,
      body: {
        counts: [
          { flagKey: "theme", variant: "dark", count: 10 },
          { flagKey: "beta", count: 4 },
          { flagKey: "nope", count: 1 },
        ],
      },
    });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body).toEqual({ accepted: 2, ignored: [{ flagKey: "nope", reason: "no such flag" }] });
    expectError(
      await t.call("POST", "/v1/apps/usage-shop/flag-usage", {
        key: evaluator,
        body: { counts: [{ flagKey: "beta", count: -1 }] },
      }),
      400,
      "VALIDATION",
    );
    // Nothing is read back before the flush.
    expect((await t.call("GET", "/v1/apps/usage-shop/flag-usage", { key: writer })).body.items).toEqual([]);
    await t.vault.flags.flushUsage();
    const usage = await t.call("GET", "/v1/apps/usage-shop/flag-usage?days=7", { key: writer });
    expect(usage.status, JSON.stringify(usage.body)).toBe(200);
    expect(usage.body.items).toEqual([
      {
        flagKey: "beta",
        total: 5,
        variants: [{ variant: null, count: 5 }],
        lastEvaluatedAt: "2026-06-01T12:00:00.000Z",
      },
      {
        flagKey: "theme",
        total: 14,
        variants: [
          { variant: "dark", count: 13 },
          { variant: null, count: 1 },
        ],
        lastEvaluatedAt: "2026-06-01T12:00:00.000Z",
      },
    ]);
    const one = await t.call("GET", "/v1/apps/usage-shop/flag-usage?flagKey=beta", { key: writer });
    expect(one.body.items.map((u: { flagKey: string }) => u.flagKey)).toEqual(["beta"]);
    expectError(await t.call("GET", "/v1/apps/usage-shop/flag-usage", { key: evaluator }), 403, "FORBIDDEN");
    expectError(await t.call("GET", "/v1/apps/usage-shop/flag-usage?days=0", { key: writer }), 400, "VALIDATION");
    const metrics = await t.call("GET", "/metrics");
    expect(metrics.raw).toContain(
      'vault_flag_usage_evaluations_total{app="usage-shop",flag="theme",variant="dark"} 13',
    );
    expect(metrics.raw).toContain('vault_flag_usage_evaluations_total{app="usage-shop",flag="beta",variant=""} 5');
    expect(metrics.raw).toMatch(/vault_flag_usage_flushes_total\{outcome="written"\} [1-9]/);
  });

  it("lists stale flags as the clock moves", async () => {
    t.clock.set("2026-06-01T12:00:00.000Z");
    await t.call("POST", "/v1/apps/usage-shop/flags", {
      key: writer,
      body: { key: "legacy", type: "bool", defaultValue: true },
    });
    t.clock.set(new Date(Date.parse("2026-06-01T12:00:00.000Z") + 31 * DAY).toISOString());
    const stale = await t.call("GET", "/v1/apps/usage-shop/stale-flags", { key: writer });
    expect(stale.status, JSON.stringify(stale.body)).toBe(200);
    const legacy = stale.body.items.find((f: { key: string }) => f.key === "legacy");
    expect(legacy).toEqual({
      key: "legacy",
      reasons: ["not_evaluated", "fully_rolled_out"],
      lastEvaluatedAt: null,
      updatedAt: "2026-06-01T12:00:00.000Z",
      servesValue: true,
    });
    // beta was evaluated at the start: stale by the clock too, with its last evaluation.
    expect(stale.body.items.find((f: { key: string }) => f.key === "beta")?.lastEvaluatedAt).toBe(
      "2026-06-01T12:00:00.000Z",
    );
    expect((await t.call("GET", "/v1/apps/usage-shop/stale-flags?days=60", { key: writer })).body.items).toEqual([]);
  });
});
