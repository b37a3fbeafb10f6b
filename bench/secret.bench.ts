import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { newId } from "@vault/core";
import {
  associatedData,
  decryptWithKey,
  type EnvelopeContext,
  encryptWithKey,
  Keyring,
  openValue,
  sealValue,
} from "@vault/crypto";
import { SecretService } from "@vault/secret";
import { MemoryAuditSink, queryRows, secrets, secretVersions } from "@vault/store";
import { createTestDatabase } from "@vault/store/testing";
import { and, eq, sql } from "drizzle-orm";
import { compare } from "./lib";

// Secrets on a fresh migrated database: Postgres when DATABASE_URL is set, PGlite otherwise. The baselines are
// hand-written SQL doing the same SELECT (or INSERT) with one AES-GCM operation, on the same database in the same run,
// so the ratio shows what the service's envelope, validation, locking and bookkeeping cost on top.
const t = await createTestDatabase();
console.log(`database: ${t.driver}`);
const keyring = Keyring.generate();
const service = new SecretService({ db: t.db, keys: keyring });
const audited = new SecretService({ db: t.db, keys: keyring, audit: new MemoryAuditSink() });
const value256 = randomBytes(256).toString("base64").slice(0, 256);
const app = "bench";

await service.set(app, "db/password", value256);
// The baseline reads a row encrypted under one fixed key (no envelope: one AES-GCM operation).
const plainKey = randomBytes(32);
const place: EnvelopeContext = { table: "vault_secret_versions", appId: app, key: "baseline/get", version: 1 };
await service.set(app, "baseline/get", value256);
await t.db.execute(
  sql`update ${secretVersions} set ciphertext = ${encryptWithKey(plainKey, Buffer.from(value256), associatedData(place))}
      where secret_id = (select id from ${secrets} where app_id = ${app} and key = 'baseline/get')`,
);

async function baselineGet(): Promise<string> {
  const rows = await queryRows<{ ciphertext: Uint8Array }>(
    t.db,
    sql`select v.ciphertext from ${secrets} h join ${secretVersions} v
          on v.secret_id = h.id and v.version = h.current_version
        where h.app_id = ${app} and h.key = ${"baseline/get"}`,
  );
  return decryptWithKey(plainKey, rows[0]!.ciphertext, associatedData(place)).toString("utf8");
}
// The same SELECT as a prepared statement (the service's reads are prepared too), to show where its lead comes from.
const preparedSelect = t.db
  .select({ ciphertext: secretVersions.ciphertext })
  .from(secrets)
  .innerJoin(
    secretVersions,
    and(eq(secretVersions.secretId, secrets.id), eq(secretVersions.version, secrets.currentVersion)),
  )
  .where(and(eq(secrets.appId, sql.placeholder("appId")), eq(secrets.key, sql.placeholder("key"))))
  .prepare("bench_baseline_get");
async function preparedBaselineGet(): Promise<string> {
  const rows = await preparedSelect.execute({ appId: app, key: "baseline/get" });
  return decryptWithKey(plainKey, rows[0]!.ciphertext!, associatedData(place)).toString("utf8");
}
if (
  (await preparedBaselineGet()) !== value256 ||
  (await baselineGet()) !== value256 ||
  (await service.get(app, "db/password")).value !== value256 ||
  (await service.stat(app, "db/password")).version !== 1
) {
  throw new Error("bench setup: values do not round-trip");
}

// Database round trips are noisy on a shared machine: sample each case for 3 s.
await compare({
  time: 3000,
  title: `secret get, 256-byte value (${t.driver})`,
  baseline: { name: "hand-written SELECT + AES-GCM decrypt", fn: baselineGet },
  cases: [
    { name: "secrets.get (no audit sink)", fn: () => service.get(app, "db/password"), target: { minRatio: 0.7 } },
    { name: "secrets.get (MemoryAuditSink: read, then recordDetached)", fn: () => audited.get(app, "db/password") },
    { name: "hand-written SELECT, prepared + AES-GCM decrypt", fn: preparedBaselineGet },
    {
      name: "secrets.stat (same SELECT without the envelope; no decrypt, no audit)",
      fn: () => service.stat(app, "db/password"),
    },
  ],
});

// set: the baseline inserts a version row for a head that exists, with one AES-GCM encryption and no locking.
const [baselineHead] = await t.db
  .insert(secrets)
  .values({
    id: newId("secret"),
    appId: app,
    key: "baseline/set",
    currentVersion: 1,
    maxVersions: 10,
    createdAt: new Date(),
    updatedAt: new Date(),
  })
  .returning();
let baselineVersion = 1;
async function baselineSet(): Promise<void> {
  baselineVersion += 1;
  const ciphertext = encryptWithKey(
    plainKey,
    Buffer.from(value256),
    associatedData({ ...place, key: "baseline/set", version: baselineVersion }),
  );
  await t.db.execute(
    sql`insert into ${secretVersions} (id, secret_id, version, ciphertext, wrapped_dek, kek_id, created_at)
        values (${newId("secretVersion")}, ${baselineHead!.id}, ${baselineVersion}, ${ciphertext}, ${ciphertext},
                ${"none"}, ${new Date().toISOString()})`,
  );
}

await compare({
  time: 3000,
  title: `secret set, 256-byte value (${t.driver})`,
  baseline: { name: "hand-written INSERT + AES-GCM encrypt", fn: baselineSet },
  cases: [
    {
      name: "secrets.set (create-or-lock head, insert version, prune, update head)",
      fn: () => service.set(app, "db/rotating", value256),
    },
  ],
});

// Envelope crypto alone: a fresh DEK per value, AES-256-GCM (node:crypto) for the value and for the DEK, both ways.
// The baseline is two bare node:crypto calls with one key and no envelope.
const plain256 = randomBytes(256);
const envelopePlace: EnvelopeContext = { table: "vault_secret_versions", appId: app, key: "db/password", version: 7 };
const fixedNonce = randomBytes(12); // baseline only: measures the cost of a bare AES-GCM call, never used to protect data
function rawGcmPair(): Buffer {
  const cipher = createCipheriv("aes-256-gcm", plainKey, fixedNonce);
  const body = cipher.update(plain256);
  cipher.final();
  const tag = cipher.getAuthTag();
  const decipher = createDecipheriv("aes-256-gcm", plainKey, fixedNonce);
  decipher.setAuthTag(tag);
  const out = decipher.update(body);
  decipher.final();
  return out;
}
// Each timed call runs 64 pairs, so the harness's per-call timing (a few µs) is not counted as crypto.
const PAIRS_PER_CALL = 64;
await compare({
  title: "envelope encrypt + decrypt, 256 bytes (one core)",
  baseline: {
    name: "bare node:crypto AES-256-GCM encrypt + decrypt (1 key, no envelope)",
    fn: () => {
      for (let i = 0; i < PAIRS_PER_CALL; i++) rawGcmPair();
    },
    opsPerCall: PAIRS_PER_CALL,
  },
  cases: [
    {
      name: "sealValue + openValue (DEK + wrap, AD)",
      fn: async () => {
        for (let i = 0; i < PAIRS_PER_CALL; i++) {
          await openValue(keyring, await sealValue(keyring, plain256, envelopePlace), envelopePlace);
        }
      },
      opsPerCall: PAIRS_PER_CALL,
      target: { minOpsPerSec: 100_000 },
    },
  ],
});

await t.close();
