import { runAs } from "@vault/core";
import { withTransaction } from "@vault/store";
import { createTestDatabase } from "@vault/store/testing";
import { expect, it } from "vitest";
import { AuditLog, protectValue } from "../src/index";

// The README's example, on the test database, with its comments turned into assertions.

it("README: record a change and a read, query, export, verify", async () => {
  const t = await createTestDatabase();
  const db = t.db;
  const hmacKey = "change-me-to-32-random-bytes!!";
  const audit = new AuditLog({ db, hmacKey });
  try {
    await runAs({ appId: "billing", apiKeyId: "apikey_01…", requestId: "req-1" }, async () => {
      await withTransaction(db, async (tx) => {
        await audit.record(tx, {
          action: "secret.set",
          resource: "secret",
          appId: "billing",
          key: "stripe/api-key",
          metadata: { version: 3, caller: "ceo@example.com" },
          sensitive: ["caller"],
        });
      });
      await audit.recordDetached({
        action: "secret.read",
        resource: "secret",
        appId: "billing",
        key: "stripe/api-key",
      });
    });

    const page = await audit.query({ appId: "billing", limit: 20 });
    expect(page.items.map((entry) => entry.action)).toEqual(["secret.read", "secret.set"]); // newest first
    expect(page.items[1]!.metadata).toEqual({
      version: 3,
      caller: protectValue(Buffer.from(hmacKey), "ceo@example.com"),
    });
    const lines: string[] = [];
    for await (const line of audit.export({ appId: "billing" })) lines.push(line);
    expect(lines.map((line) => JSON.parse(line).action)).toEqual(["secret.set", "secret.read"]); // oldest first
    expect(await audit.verify()).toMatchObject({ ok: true, lastSeq: 2 });
  } finally {
    await audit.close();
    await t.close();
  }
});
