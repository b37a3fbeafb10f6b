import { newId } from "@vault/core";
import { toEntry } from "../src/audit-log";
import { canonicalEntry, entryHash } from "../src/canonical";

function bench(name: string, fn: () => unknown, n = 100000) {
  for (let i = 0; i < 10000; i++) fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const ns = Number(process.hrtime.bigint() - t) / n;
  console.log(name.padEnd(30), ns.toFixed(0), "ns");
}
const row: any = {
  id: newId("audit"),
  seq: 5,
  appId: "bench",
  action: "secret.read",
  resource: "secret",
  key: "db/password",
  tenantId: null,
  actorAppId: "bench",
  actorApiKeyId: "apikey_01h455vb4pex5vsknk084sn02q",
  actorUserId: null,
  actorSystem: null,
  ip: "127.0.0.1",
  requestId: "req_abc-1",
  outcome: "success",
  metadata: { version: 3 },
  createdAt: new Date(),
  prevHash: null,
  hash: null,
};
const prev = "a".repeat(64);
bench("newId", () => newId("audit"));
bench("toEntry", () => toEntry(row));
const e = toEntry(row);
bench("canonicalEntry", () => canonicalEntry(e));
bench("entryHash", () => entryHash(prev, e));
bench("JSON.stringify row", () => JSON.stringify(row));
bench("JSON roundtrip metadata", () => JSON.parse(JSON.stringify({ version: 3 })));
bench("toISOString", () => row.createdAt.toISOString());
const rows32 = Array.from({ length: 32 }, () => ({ ...row, createdAt: row.createdAt.toISOString() }));
bench("JSON.stringify 32 rows /32", () => JSON.stringify(rows32), 3000);

import { createHash, hash } from "node:crypto";

bench("createHash x2 update hex", () =>
  createHash("sha256").update(Buffer.from(prev, "hex")).update("x".repeat(400), "utf8").digest("hex"),
);
const s400 = "x".repeat(400);
bench("crypto.hash string", () => hash("sha256", s400, "hex"));
bench("Buffer.from hex", () => Buffer.from(prev, "hex"));
bench("regex safe test", () => /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/.test("apikey_01h455vb4pex5vsknk084sn02q"));
bench("JSON.stringify string", () => JSON.stringify("apikey_01h455vb4pex5vsknk084sn02q"));
bench("getUTC parts", () => {
  const d = row.createdAt;
  return (
    d.getUTCFullYear() +
    d.getUTCMonth() +
    d.getUTCDate() +
    d.getUTCHours() +
    d.getUTCMinutes() +
    d.getUTCSeconds() +
    d.getUTCMilliseconds()
  );
});
