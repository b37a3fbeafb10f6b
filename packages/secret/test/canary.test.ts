import { inspect } from "node:util";
import { ManualClock } from "@vault/core";
import { Keyring } from "@vault/crypto";
import { MemoryAuditSink, queryRows, secretVersions } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SecretService } from "../src/index";

const CANARY = "CANARY-7f3a9c-do-not-leak";
const CANARY_BYTES = Buffer.from(CANARY, "utf8");

describe(`secret canary (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it("never appears in console output, errors, audit entries, or any meta/list/versions JSON", async () => {
    const printed: string[] = [];
    const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
    const spies = methods.map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        printed.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 10 }))).join(" "));
      }),
    );
    const writes = [process.stdout, process.stderr].map((stream) =>
      vi.spyOn(stream, "write").mockImplementation(((chunk: unknown) => {
        printed.push(String(chunk));
        return true;
      }) as typeof stream.write),
    );
    const seen: string[] = [];
    const keep = (value: unknown) => {
      seen.push(JSON.stringify(value) ?? "");
      seen.push(inspect(value, { depth: 10, showHidden: true }));
    };
    // Each of these operations must fail; a success would both break the contract and skip the leak check.
    const keepError = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error, "expected the operation to fail").toBeInstanceOf(Error);
      const e = error as Error & { cause?: unknown };
      seen.push(e.message, String(e.stack), JSON.stringify(e), String(e.cause), inspect(e, { depth: 10 }));
      console.error(e);
      return e;
    };
    try {
      const keyring = Keyring.generate();
      const audit = new MemoryAuditSink();
      const clock = new ManualClock("2026-03-01T00:00:00Z");
      const service = new SecretService({ db: t.db, keys: keyring, audit, clock, maxValueBytes: 64 });
      console.log(service, keyring);

      keep(await service.set("canary", "c/string", CANARY, { metadata: { note: "metadata is not secret" } }));
      keep(await service.set("canary", "c/bytes", CANARY_BYTES));
      keep(await service.set("canary", "c/string", `${CANARY}-v2`));
      const got = await service.get("canary", "c/string", { version: 1 });
      expect(got.value).toBe(CANARY);
      keep(got.meta);
      keep(await service.stat("canary", "c/string"));
      keep(await service.stat("canary", "c/string", { version: 1 }));
      keep(await service.stat("canary", "c/bytes"));
      keep(await service.getMeta("canary", "c/string"));
      keep(await service.versions("canary", "c/string"));
      keep(await service.list("canary"));
      keep(await service.delete("canary", "c/string"));
      keep(await service.undelete("canary", "c/string"));
      keep(await service.rewrapStatus());

      // Every failure path that involves the value.
      await keepError(service.set("canary", "c/string", CANARY, { cas: 1 }));
      await keepError(service.set("canary", "c/too-big", `${CANARY}${"x".repeat(100)}`));
      await keepError(service.set("canary", "c/wrong-type", { secret: CANARY } as unknown as string));
      await keepError(service.set("canary", "c/wrong-type", [CANARY] as unknown as string));
      await service.set("canary", "c/expiring", CANARY, { expiresAt: new Date("2026-03-01T00:00:01Z") });
      clock.advance(5000);
      await keepError(service.get("canary", "c/expiring"));
      await keepError(service.stat("canary", "c/expiring"));
      await service.delete("canary", "c/bytes");
      await keepError(service.get("canary", "c/bytes"));
      await keepError(service.stat("canary", "c/bytes"));
      await keepError(service.stat("canary", "c/string", { version: 99 }));
      // Tampered ciphertext: the partially decrypted bytes must not surface anywhere.
      await t.db.execute(
        // XOR one byte, so the ciphertext always changes (overwriting with 0x00 would not where the byte is already 0).
        sql`update ${secretVersions} set ciphertext = set_byte(ciphertext, 20, get_byte(ciphertext, 20) # 1)`,
      );
      await keepError(service.get("canary", "c/string", { version: 1 }));
      // stat does not decrypt, so tampering does not fail it; what it returns must still hold no value.
      keep(await service.stat("canary", "c/string", { version: 1 }));
      await keepError(new SecretService({ db: t.db, keys: Keyring.generate() }).get("canary", "c/string"));
      keep(audit.events);
      keep(await service.purge("canary", "c/string"));
      keep(audit.events);

      // At rest: no column of any row holds the plaintext.
      const rows = await queryRows(
        t.db,
        sql`select v.*, encode(v.ciphertext, 'hex') as ct, encode(v.wrapped_dek, 'hex') as wd, h.*
            from vault_secret_versions v join vault_secrets h on h.id = v.secret_id`,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        seen.push(JSON.stringify(row));
        for (const value of Object.values(row)) {
          if (value instanceof Uint8Array) expect(Buffer.from(value).includes(CANARY_BYTES)).toBe(false);
        }
        expect(String(row.ct)).not.toContain(CANARY_BYTES.toString("hex"));
      }
    } finally {
      for (const spy of [...spies, ...writes]) spy.mockRestore();
    }
    expect(printed.length).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(20);
    for (const text of [...printed, ...seen]) {
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(CANARY_BYTES.toString("base64"));
      expect(text).not.toContain(CANARY_BYTES.toString("hex"));
    }
  });
});
