import { AuditLog } from "@vault/audit";
import { Keyring } from "@vault/crypto";
import { SecretService } from "@vault/secret";
import { createTestDatabase } from "@vault/store/testing";
import { compare, cpuPerOp } from "./lib";

// What auditing costs a secret: every set writes an audit entry in its own transaction, and every get writes one in a
// transaction of the log's own (group-committed with concurrent gets) before it hands out the value — fail-closed and
// durable. Baseline: the same SecretService without an audit sink, measured in the same run. No target: the entry costs
// what it costs; these ratios say how much.
// A fresh migrated database of its own: Postgres when DATABASE_URL is set (never that database itself), else PGlite.
const t = await createTestDatabase();
const db = t.db;
const label = t.driver === "postgres" ? "Postgres" : "PGlite";
const keys = Keyring.generate();
const plain = new SecretService({ db, keys });
const auditLog = new AuditLog({ db, hmacKey: "bench-hmac-key-0123456789abcdef" });
const audited = new SecretService({ db, keys, audit: auditLog });
const value = "s3cr3t-value-of-a-typical-size-0123456789abcdef";
let n = 0;
const app = "bench";
for (const key of ["plain", "audited"]) await plain.set(app, `read/${key}`, value);
console.log(`database: ${label}`);

await compare({
  title: `secret set: audited vs unaudited (${label})`,
  baseline: { name: "set, no audit", fn: () => plain.set(app, `w/plain/${n++ % 100}`, value) },
  cases: [{ name: "set, audited", fn: () => audited.set(app, `w/audited/${n++ % 100}`, value) }],
});

await compare({
  title: `secret get: audited vs unaudited (${label})`,
  baseline: { name: "get, no audit", fn: () => plain.get(app, "read/plain") },
  cases: [{ name: "get, audited", fn: () => audited.get(app, "read/audited") }],
});

// A server reads concurrently: 32 gets in flight at once, as 32 requests would be. Audited reads then share
// INSERTs and commits (AuditLog.recordDetached group-commits them).
const burst = (service: SecretService, key: string) => () =>
  Promise.all(Array.from({ length: 32 }, () => service.get(app, key)));
await compare({
  title: `secret get, 32 concurrent: audited vs unaudited (${label})`,
  baseline: { name: "32 gets, no audit", fn: burst(plain, "read/plain"), opsPerCall: 32 },
  cases: [{ name: "32 gets, audited (group-committed entries)", fn: burst(audited, "read/audited"), opsPerCall: 32 }],
});

// Where an audited read's cost goes: CPU per operation (this process; and Postgres when it runs on this machine),
// for a plain get and for audit entries alone, group-committed 1, 32 and 256 at a time. An audited get costs at
// least a plain get plus one entry, so `plain ÷ (plain + entry)` bounds what batching can reach when CPU is what
// runs out (the 2-core machine shares it between this process and Postgres).
const local = t.driver === "pglite" || /@(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(process.env.DATABASE_URL ?? "");
const entryEvent = { action: "secret.read", resource: "secret", appId: app, key: "read/audited", metadata: { v: 1 } };
const entries = (size: number) => () =>
  Promise.all(Array.from({ length: size }, () => auditLog.recordDetached(entryEvent)));
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

const verified = await auditLog.verify();
console.log(`chain after the run: ${verified.ok ? `ok, ${verified.checked} entries` : JSON.stringify(verified)}`);
await auditLog.close();
await t.close();
