import { AuditLog } from "@vault/audit";
import { Keyring } from "@vault/crypto";
import { SecretService } from "@vault/secret";
import { createTestDatabase } from "@vault/store/testing";
import { compare, cpuPerOp } from "./lib";

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

// Where an audited read's cost goes: CPU per operation (this process; and Postgres when it runs on this machine),
// for a plain get and for audit entries alone, group-committed 1, 32 and 256 at a time. An audited get costs at
// least a plain get plus one entry, so `plain ÷ (plain + entry)` bounds what batching can reach when CPU is what
// runs out (the 2-core machine shares it between this process and Postgres).
const local = t.driver === "pglite" || /@(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(process.env.DATABASE_URL ?? "");
const entryEvent = { action: "secret.read", resource: "secret", appId: app, key: "read/batched", metadata: { v: 1 } };
const entries = (size: number) => () =>
  Promise.all(Array.from({ length: size }, () => batchedLog.recordDetached(entryEvent)));
await cpuPerOp(entries(256), 256, 500); // warm-up
const plainGet = await cpuPerOp(burst(plain, "read/plain"), 32, 2000);
const total = (c: { node: number; postgres: number | undefined }) => c.node + (local ? (c.postgres ?? 0) : 0);
const us = (n: number | undefined) => (n === undefined ? "" : `${n.toFixed(1)} µs`);
console.log(`\n### CPU per operation (${label}${local ? "" : "; Postgres runs elsewhere, its CPU is not counted"})\n`);
console.log("| operation | wall | this process | Postgres | total CPU | ceiling for an audited get |");
console.log("|---|---|---|---|---|---|");
const row = (name: string, c: Awaited<ReturnType<typeof cpuPerOp>>, ceiling: string) =>
  console.log(
    `| ${name} | ${us(c.wall)} | ${us(c.node)} | ${t.driver === "postgres" && local ? us(c.postgres) : ""} | ${us(total(c))} | ${ceiling} |`,
  );
row("get, no audit (32 concurrent)", plainGet, "");
for (const size of [1, 32, 256]) {
  const entry = await cpuPerOp(entries(size), size, 2000);
  const ceiling = total(plainGet) / (total(plainGet) + total(entry));
  row(`audit entry alone, ${size} per append`, entry, `${ceiling.toFixed(2)}×`);
}

const verified = await batchedLog.verify();
console.log(`chain after the run: ${verified.ok ? `ok, ${verified.checked} entries` : JSON.stringify(verified)}`);
await batchedLog.close();
await relaxedLog.close();
await inlineLog.close();
await t.close();
