import { AuditLog } from "@vault/audit";
import { Keyring } from "@vault/crypto";
import { SecretService } from "@vault/secret";
import { createTestDatabase } from "@vault/store/testing";
import { compare } from "./lib";

// Auditing must not make secrets much slower: every set and every get writes an audit entry in its transaction.
// Baseline: the same SecretService without an audit sink. `batched` is AuditLog's default (entries inserted
// unchained, chained in batches after commit); `inline` locks the chain head in every audited transaction.
// A fresh migrated database of its own: Postgres when DATABASE_URL is set (never that database itself), else PGlite.
const t = await createTestDatabase();
const db = t.db;
const label = t.driver === "postgres" ? "Postgres" : "PGlite";
const keys = Keyring.generate();
const plain = new SecretService({ db, keys });
const batchedLog = new AuditLog({ db, hmacKey: "bench-hmac-key-0123456789abcdef" });
const inlineLog = new AuditLog({ db, hmacKey: "bench-hmac-key-0123456789abcdef", chaining: "inline" });
const relaxedLog = new AuditLog({
  db,
  hmacKey: "bench-hmac-key-0123456789abcdef",
  relaxedReadDurability: true,
});
const batched = new SecretService({ db, keys, audit: batchedLog });
const relaxed = new SecretService({ db, keys, audit: relaxedLog });
const inline = new SecretService({ db, keys, audit: inlineLog });
const value = "s3cr3t-value-of-a-typical-size-0123456789abcdef";
let n = 0;
const app = "bench";
for (const key of ["plain", "batched", "relaxed", "inline"]) await plain.set(app, `read/${key}`, value);
console.log(`database: ${label}`);

await compare({
  title: `secret set: audited vs unaudited (${label})`,
  baseline: { name: "set, no audit", fn: () => plain.set(app, `w/plain/${n++ % 100}`, value) },
  cases: [
    {
      name: "set, audited (batched chain)",
      fn: () => batched.set(app, `w/batched/${n++ % 100}`, value),
      target: { minRatio: 0.8 },
    },
    { name: "set, audited (inline chain)", fn: () => inline.set(app, `w/inline/${n++ % 100}`, value) },
  ],
});

await compare({
  title: `secret get: audited vs unaudited (${label})`,
  baseline: { name: "get, no audit", fn: () => plain.get(app, "read/plain") },
  cases: [
    { name: "get, audited (batched chain)", fn: () => batched.get(app, "read/batched"), target: { minRatio: 0.8 } },
    { name: "get, audited (inline chain)", fn: () => inline.get(app, "read/inline") },
    {
      name: "get, audited (batched, relaxedReadDurability)",
      fn: () => relaxed.get(app, "read/relaxed"),
      target: { minRatio: 0.8 },
    },
  ],
});

// A server reads concurrently: 32 gets in flight at once, as 32 requests would be. Audited reads then share
// INSERTs and commits (AuditLog.recordDetached group-commits them), which is where batching pays.
const burst = (service: SecretService, key: string) => () =>
  Promise.all(Array.from({ length: 32 }, () => service.get(app, key)));
await compare({
  title: `secret get, 32 concurrent: audited vs unaudited (${label})`,
  baseline: { name: "32 gets, no audit", fn: burst(plain, "read/plain"), opsPerCall: 32 },
  cases: [
    {
      name: "32 gets, audited (group-committed entries)",
      fn: burst(batched, "read/batched"),
      opsPerCall: 32,
      target: { minRatio: 0.8 },
    },
    {
      name: "32 gets, audited (group-committed, relaxedReadDurability)",
      fn: burst(relaxed, "read/relaxed"),
      opsPerCall: 32,
      target: { minRatio: 0.8 },
    },
  ],
});

const verified = await batchedLog.verify();
console.log(`chain after the run: ${verified.ok ? `ok, ${verified.checked} entries` : JSON.stringify(verified)}`);
await batchedLog.close();
await relaxedLog.close();
await inlineLog.close();
await t.close();
