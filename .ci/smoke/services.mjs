// Every service on a Drizzle database this script opened itself — `drizzle(new PGlite())` or `drizzle(postgres(url))`,
// not openDatabase() — as a user of the packages would (DESIGN §3, the Store context). Usage: services.mjs pglite|postgres
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { PGlite } from "@electric-sql/pglite";
import { AuditLog } from "@vault/audit";
import { BlobService } from "@vault/blob";
import { ConfigService } from "@vault/config";
import { Keyring } from "@vault/crypto";
import { FlagService } from "@vault/flag";
import { OverrideService } from "@vault/override";
import { RotationService } from "@vault/rotation";
import { SecretService } from "@vault/secret";
import { events, migrate } from "@vault/store";
import { TokenService } from "@vault/token";
import { OutboxEventSink, WebhookService } from "@vault/webhook";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { smoke } from "./lib.mjs";

const driver = process.argv[2];
if (driver !== "pglite" && driver !== "postgres") throw new Error("usage: services.mjs pglite|postgres");
const { check, finish } = smoke(`services on drizzle(${driver === "pglite" ? "new PGlite()" : "postgres(url)"})`);
const { db, close } = driver === "pglite" ? openPglite() : await openPostgres();

function openPglite() {
  const client = new PGlite();
  return { db: drizzlePglite(client), close: () => client.close() };
}

/** A database of its own on the server DATABASE_URL names, dropped at the end. */
async function openPostgres() {
  const base = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
  const name = `vault_smoke_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { onnotice: () => {} });
  return {
    db: drizzlePostgres(client),
    async close() {
      await client.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

const app = "smoke";
const keys = Keyring.generate();
const audit = new AuditLog({ db, hmacKey: randomBytes(32) });
// Every change writes its event into the outbox in its own transaction; the webhook service delivers them.
const outbox = new OutboxEventSink();
const secrets = new SecretService({ db, keys, audit, events: outbox });
const tokens = new TokenService({ db, keys, audit, kdf: { preset: "lightweight" } });
const webhooks = new WebhookService({ db, keys, urlPolicy: { allowLoopback: true } });
const flags = new FlagService({ db, audit });
const config = new ConfigService({ db, audit });
const overrides = new OverrideService({ db, config, audit });
const rotation = new RotationService({ db, secrets, audit });
const blobs = new BlobService({ db, keys, audit, events: outbox, evidence: audit });

await check("migrate(db) applies the migrations", async () => {
  const { applied } = await migrate(db);
  assert.ok(applied > 0, `applied ${applied}`);
});

await check("SecretService: set, then get", async () => {
  await secrets.set(app, "db/password", "hunter2");
  assert.equal((await secrets.get(app, "db/password")).value, "hunter2");
});

await check("FlagService: define, then evaluate", async () => {
  await flags.define(app, {
    key: "beta",
    type: "bool",
    defaultValue: false,
    rules: [{ type: "when_tenant", tenants: ["acme"], value: true }],
  });
  assert.equal((await flags.evaluate(app, "beta", { tenantId: "acme" })).value, true);
  assert.equal((await flags.evaluate(app, "beta", { tenantId: "globex" })).value, false);
});

await check("ConfigService: set, then get and a typed accessor", async () => {
  await config.set(app, "limits/max-items", 100);
  assert.equal((await config.get(app, "limits/max-items")).value, 100);
  // values() is what the accessors read; it throws where they would quietly return the default.
  assert.equal((await config.values(app)).get("limits/max-items")?.value, 100);
  assert.equal(await config.int(app, "limits/max-items", 1), 100, "config.int returned the caller's default");
});

await check("OverrideService: set, then resolve through .resolver()", async () => {
  await overrides.set(app, "limits/max-items", "acme", 500);
  const resolver = overrides.resolver();
  try {
    assert.equal(await resolver.resolve(app, "limits/max-items", "acme"), 500);
    assert.equal(await resolver.resolve(app, "limits/max-items", "globex"), 100);
  } finally {
    resolver.close();
  }
});

await check("RotationService: createPolicy, then rotateNow", async () => {
  await rotation.createPolicy(app, {
    secretKey: "db/password",
    intervalMs: 24 * 3600 * 1000,
    strategy: "random_password",
    params: { length: 24 },
  });
  const record = await rotation.rotateNow(app, "db/password");
  assert.equal(record.outcome, "success");
  const rotated = await secrets.get(app, "db/password");
  assert.equal(rotated.version, 2);
  assert.equal(String(rotated.value).length, 24);
});

await check("TokenService: create, then read; a password protects the value", async () => {
  const card = await tokens.create(app, "4111 1111 1111 1111");
  assert.equal((await tokens.read(app, card.token)).value, "4111 1111 1111 1111");
  const ssn = await tokens.create(app, "078-05-1120", { password: "correct horse" });
  assert.equal((await tokens.read(app, ssn.token, { password: "correct horse" })).value, "078-05-1120");
  await assert.rejects(tokens.read(app, ssn.token), { code: "FORBIDDEN" });
});

await check("BlobService: put and get under a policy; an expired entry swept; a DELETE's proof verifies", async () => {
  await blobs.setPolicy(app, "cards", { maxRetentionDays: 30, defaultTtlDays: 7, maxRetrievals: 3 });
  await blobs.put(app, "cards", "card-1", Buffer.from("opaque bytes"), { metadata: { last4: "1111" } });
  const got = await blobs.get(app, "cards", "card-1");
  assert.equal(got.data.toString(), "opaque bytes");
  assert.equal(got.meta.retrievalsLeft, 2);
  // Eight days on, past the 7-day default expiry: the sweep purges it, with a proof.
  const later = new BlobService({ db, keys, audit, clock: { now: () => new Date(Date.now() + 8 * 86_400_000) } });
  const run = await later.sweep({ appId: app });
  assert.equal(run.purged, 1);
  await assert.rejects(blobs.get(app, "cards", "card-1"), { code: "GONE" });
  await blobs.put(app, "cards", "card-2", Buffer.from("kept elsewhere"));
  const proof = await blobs.delete(app, "cards", "card-2");
  const verified = await blobs.verifyProof(app, proof, Buffer.from("kept elsewhere"));
  assert.deepEqual(verified, { valid: true, contentMatches: true, recorded: true });
});

await check("OutboxEventSink and WebhookService: a secret change is delivered, signed, to an endpoint", async () => {
  const received = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${receiver.address().port}/hooks`;
    await webhooks.dispatch(); // the earlier changes' events, to no endpoint yet
    await webhooks.createEndpoint(app, { url, eventTypes: ["secret.*"] });
    const before = (await db.select().from(events)).length;
    await secrets.set(app, "stripe/key", "sk_live_smoke");
    assert.equal((await db.select().from(events)).length, before + 1, "the change wrote one outbox event");
    assert.ok((await webhooks.dispatch()) >= 1, "nothing was dispatched");
    const { succeeded } = await webhooks.deliverDue();
    assert.equal(succeeded, 1);
    assert.equal(received.length, 1);
    assert.equal(JSON.parse(received[0].body).type, "secret.set");
    assert.match(received[0].headers["webhook-signature"], /^v1,/);
    assert.ok(!received[0].body.includes("sk_live_smoke"), "the value reached the payload");
  } finally {
    receiver.close();
  }
});

await check("AuditLog as the services' audit sink: entries written, verify() ok", async () => {
  await audit.flush();
  const result = await audit.verify();
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.ok(result.lastSeq > 0, `lastSeq ${result.lastSeq}`);
  assert.equal(result.pending, 0);
});

for (const stop of [() => webhooks.close(), () => flags.close(), () => config.close(), () => audit.close(), close]) {
  await Promise.resolve()
    .then(stop)
    .catch((error) => console.log(`  (closing: ${error})`));
}
finish();
