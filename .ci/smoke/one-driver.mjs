// @vault/store with postgres.js installed and PGlite not: importing the store must work, and openDatabase() loads
// only the driver it is asked for (both drivers are optional peer dependencies).
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Keyring } from "@vault/crypto";
import { SecretService } from "@vault/secret";
import { migrate, openDatabase } from "@vault/store";
import postgres from "postgres";
import { smoke } from "./lib.mjs";

const { check, finish } = smoke("@vault/store with postgres.js only");

await check("@electric-sql/pglite is not installed here", async () => {
  await assert.rejects(import("@electric-sql/pglite"), { code: "ERR_MODULE_NOT_FOUND" });
});

await check("openDatabase() without a url fails naming the missing driver", async () => {
  await assert.rejects(openDatabase(), (error) => String(error).includes("@electric-sql/pglite"));
});

const base = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const name = `vault_smoke_${randomBytes(4).toString("hex")}`;
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
try {
  await check("openDatabase({ url }) on postgres.js, migrate, SecretService set and get", async () => {
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    const { db } = database;
    try {
      await migrate(db);
      const secrets = new SecretService({ db, keys: Keyring.generate() });
      await secrets.set("smoke", "db/password", "hunter2");
      assert.equal((await secrets.get("smoke", "db/password")).value, "hunter2");
    } finally {
      await database.close();
    }
  });
} finally {
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end({ timeout: 5 });
}
finish();
