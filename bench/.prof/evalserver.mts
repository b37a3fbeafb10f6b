import { Keyring } from "@vault/crypto";
import { buildServer, createVault } from "@vault/server";
import { migrate, openDatabase } from "@vault/store";
import { runLoad } from "/work/main/apps/server/test/load.ts";
import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";

const db = await openDatabase();
await migrate(db);
const vault = await createVault({ db, keyring: Keyring.generate(), defaultMetrics: false, apiKeyCacheMs: 5_000 });
await vault.apps.create({ id: "bench" });
const { key } = await vault.apiKeys.create("bench", { name: "b", scopes: ["admin"] });
await vault.flags.define("bench", { key: "checkout", type: "bool", defaultValue: false, rules: [
  { type: "when_tenant", tenants: ["acme"], value: true }, { type: "rollout", percentage: 30, value: true } ] });
const server = await buildServer(vault);
await server.listen({ port: 0, host: "127.0.0.1" });
const url = `http://127.0.0.1:${(server.server.address() as { port: number }).port}/v1/apps/bench/flags/checkout/evaluate`;
const opts = { url, method: "POST" as const, body: { tenantId: "globex", userId: "u-42" }, headers: { authorization: `Bearer ${key}` }, connections: 10, durationSec: 3 };
await runLoad(opts);
const session = new Session(); session.connect();
await session.post("Profiler.enable"); await session.post("Profiler.setSamplingInterval", { interval: 100 });
await session.post("Profiler.start");
const r = await runLoad({ ...opts, durationSec: 8 });
const { profile } = await session.post("Profiler.stop");
writeFileSync("/tmp/prof/eval.cpuprofile", JSON.stringify(profile));
console.log("req/s", r.requestsPerSec, "total", r.total);
await server.close(); await vault.close();
process.exit(0);
