import { loadavg } from "node:os";
import { associatedData, decryptWithKey, encryptWithKey, Keyring, randomKey } from "@vault/crypto";
import { SecretService } from "@vault/secret";
import { queryRows } from "@vault/store";
import { createTestDatabase } from "@vault/store/testing";
import { ARGON2_PRESETS, type Argon2Params, argon2id, TokenService } from "@vault/token";
import { sql } from "drizzle-orm";
import { compare } from "./lib";

// Tokens on a fresh migrated database: Postgres when DATABASE_URL is set, PGlite otherwise. Three comparisons, each
// measured in this run: (1) create and read without a password against secrets.set / secrets.get on the same
// database; (2) a read with a password (one Argon2id derivation, default preset) against the bare Argon2 call;
// (3) a bulk password change per record against VaultStore's design — scan every record, derive a key per record to
// find the ones under the old password, derive again to re-encrypt each — on the same 200 records.
const t = await createTestDatabase();
console.log(
  `database: ${t.driver}; load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
const keys = Keyring.generate();
const params: Argon2Params = ARGON2_PRESETS.default;
console.log(`Argon2id parameters: ${JSON.stringify(params)}`);
const tokens = new TokenService({ db: t.db, keys, kdf: { params } });
const secrets = new SecretService({ db: t.db, keys });
const app = "bench";
const value256 = "v".repeat(256);

// (1) Without a password.
const { token } = await tokens.create(app, value256);
await secrets.set(app, "bench/read", value256);
let n = 0;
await compare({
  time: 3000,
  title: `create, 256-byte value, no password (${t.driver})`,
  baseline: { name: "secrets.set (new key each time)", fn: () => secrets.set(app, `bench/set-${n++}`, value256) },
  cases: [
    { name: "tokens.create (generated token)", fn: () => tokens.create(app, value256), target: { minRatio: 0.7 } },
  ],
});
await compare({
  time: 3000,
  title: `read, 256-byte value, no password (${t.driver})`,
  baseline: { name: "secrets.get", fn: () => secrets.get(app, "bench/read") },
  cases: [{ name: "tokens.read", fn: () => tokens.read(app, token), target: { minRatio: 0.7 } }],
});

// (2) With a password: the read costs one derivation; everything else should be noise beside it.
const guarded = await tokens.create(app, value256, { password: "correct horse battery" });
const salt = randomKey(16);
const secret = randomKey(32);
const bareArgon2 = () => argon2id("correct horse battery", params, salt, secret);
await compare({
  time: 4000,
  title: `read with a password, Argon2id ${params.memoryKiB} KiB t=${params.iterations} p=${params.parallelism} (${t.driver})`,
  baseline: { name: "bare Argon2id (argon2id: one @node-rs/argon2 hashRaw), same parameters", fn: bareArgon2 },
  cases: [
    {
      name: "tokens.read with password (one derivation)",
      fn: () => tokens.read(app, guarded.token, { password: "correct horse battery" }),
      target: { minRatio: 0.8 },
    },
  ],
});

// (3) Bulk password change over the same 200 records.
const RECORDS = 200;
const bulkApp = "bench-bulk";
await tokens.createMany(
  bulkApp,
  Array.from({ length: RECORDS }, (_, i) => `value-${i}`),
  { password: "password A0" },
);

// VaultStore's design, on a table of its own: each record has its own salt and a value encrypted under
// Argon2id(password, salt). Changing every record of a password scans them all, derives per record to test it
// (here: the AES-GCM tag check), and derives again under a fresh salt to re-encrypt each match.
await t.db.execute(
  sql`create table bench_scan_and_derive (id int primary key, salt bytea not null, ciphertext bytea not null)`,
);
// Per-record salt, no app secret: VaultStore has no keyring to key Argon2 with.
const noSecret = Buffer.alloc(0);
const derive = (password: string, recordSalt: Uint8Array) => argon2id(password, params, recordSalt, noSecret);
const ad = (id: number) =>
  associatedData({ table: "bench_scan_and_derive", appId: bulkApp, key: String(id), version: 0 });
for (let i = 0; i < RECORDS; i++) {
  const recordSalt = randomKey(16);
  const ciphertext = encryptWithKey(await derive("password A0", recordSalt), Buffer.from(`value-${i}`), ad(i));
  await t.db.execute(sql`insert into bench_scan_and_derive values (${i}, ${recordSalt}, ${ciphertext})`);
}
async function scanAndDerive(oldPassword: string, newPassword: string): Promise<number> {
  const rows = await queryRows<{ id: number; salt: Buffer; ciphertext: Buffer }>(
    t.db,
    sql`select id, salt, ciphertext from bench_scan_and_derive`,
  );
  let changed = 0;
  for (const row of rows) {
    let plain: Buffer;
    try {
      plain = decryptWithKey(await derive(oldPassword, row.salt), row.ciphertext, ad(row.id));
    } catch {
      continue; // another password's record
    }
    const newSalt = randomKey(16);
    const ciphertext = encryptWithKey(await derive(newPassword, newSalt), plain, ad(row.id));
    await t.db.execute(
      sql`update bench_scan_and_derive set salt = ${newSalt}, ciphertext = ${ciphertext} where id = ${row.id}`,
    );
    changed += 1;
  }
  return changed;
}

const timed = async (fn: () => Promise<number>) => {
  const start = performance.now();
  const changed = await fn();
  return { ms: performance.now() - start, changed };
};
const ours: number[] = [];
for (let round = 0; round < 5; round++) {
  const result = await timed(
    async () => (await tokens.changePasswordAll(bulkApp, `password A${round}`, `password A${round + 1}`)).records,
  );
  if (result.changed !== RECORDS) throw new Error(`changePasswordAll moved ${result.changed} records, not ${RECORDS}`);
  ours.push(result.ms);
}
const baseline = await timed(() => scanAndDerive("password A0", "password B0"));
if (baseline.changed !== RECORDS) throw new Error(`scan-and-derive moved ${baseline.changed} records, not ${RECORDS}`);
const oursMedian = ours.sort((a, b) => a - b)[Math.floor(ours.length / 2)]!;
const perRecord = (ms: number) => `${((ms / RECORDS) * 1000).toFixed(1)} µs`;
console.log(
  `\n### bulk password change, ${RECORDS} records, Argon2id ${params.memoryKiB} KiB t=${params.iterations} p=${params.parallelism} (${t.driver})\n`,
);
console.log("| case | total | per record | vs baseline |");
console.log("|---|---|---|---|");
console.log(
  `| scan-and-derive (VaultStore's design: 2 derivations per record) (baseline) | ${baseline.ms.toFixed(0)} ms | ${perRecord(baseline.ms)} | 1× |`,
);
console.log(
  `| tokens.changePasswordAll (2 derivations in all; median of ${ours.length}) | ${oursMedian.toFixed(1)} ms | ${perRecord(oursMedian)} | ${(baseline.ms / oursMedian).toFixed(0)}× faster (target ≥ 100×) |`,
);
console.log(
  `\nload average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
await t.close();
