import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  currentActor,
  decodeCursor,
  encodeCursor,
  isVaultError,
  keySchema,
  ManualClock,
  parseInput,
  runAs,
  toPage,
} from "../src/index";

describe("ManualClock", () => {
  it("moves only when told to", () => {
    const clock = new ManualClock("2026-03-01T00:00:00Z");
    expect(clock.now().toISOString()).toBe("2026-03-01T00:00:00.000Z");
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe("2026-03-01T00:00:01.500Z");
    clock.set("2027-01-01T00:00:00Z");
    expect(clock.now().getUTCFullYear()).toBe(2027);
  });
});

describe("Actor context", () => {
  it("is visible across awaits inside runAs, innermost wins, absent outside", async () => {
    expect(currentActor()).toBeUndefined();
    await runAs({ appId: "billing", apiKeyId: "apikey_1", requestId: "r1" }, async () => {
      await Promise.resolve();
      expect(currentActor()?.requestId).toBe("r1");
      await runAs({ system: "rotation-manager" }, async () => {
        expect(currentActor()).toEqual({ system: "rotation-manager" });
      });
      expect(currentActor()?.appId).toBe("billing");
    });
    expect(currentActor()).toBeUndefined();
  });

  it("keeps concurrent requests apart", async () => {
    const seen = await Promise.all(
      ["a", "b", "c"].map((requestId) =>
        runAs({ requestId }, async () => {
          await new Promise((resolve) => setImmediate(resolve));
          return currentActor()?.requestId;
        }),
      ),
    );
    expect(seen).toEqual(["a", "b", "c"]);
  });
});

describe("cursor pagination", () => {
  const position = z.object({ key: z.string() });

  it("round-trips a position and builds pages from limit + 1 rows", () => {
    const rows = ["a", "b", "c"].map((key) => ({ key }));
    const page = toPage(
      rows,
      2,
      (row) => row.key,
      (row) => ({ key: row.key }),
    );
    expect(page.items).toEqual(["a", "b"]);
    expect(decodeCursor(page.nextCursor!, position)).toEqual({ key: "b" });
    expect(
      toPage(
        rows,
        3,
        (row) => row.key,
        (row) => row,
      ).nextCursor,
    ).toBeNull();
  });

  it("rejects tampered or foreign cursors with VALIDATION naming the cursor", () => {
    for (const bad of ["", "not-base64!", Buffer.from("{}").toString("base64url"), encodeCursor({ key: 5 })]) {
      try {
        decodeCursor(bad, position);
        expect.unreachable();
      } catch (error) {
        expect(isVaultError(error, "VALIDATION")).toBe(true);
        expect((error as Error).message).toContain("cursor");
      }
    }
  });
});

describe("parseInput", () => {
  it("names every bad field in the message", () => {
    const schema = z.object({ key: keySchema, limit: z.number().int() });
    try {
      parseInput(schema, { key: "/leading-slash", limit: 1.5 }, "list options");
      expect.unreachable();
    } catch (error) {
      expect(isVaultError(error, "VALIDATION")).toBe(true);
      expect((error as Error).message).toMatch(/^invalid list options: key: .*; limit: /);
    }
  });
});
