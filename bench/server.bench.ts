import { Keyring } from "@vault/crypto";
import { FlagService } from "@vault/flag";
import { SecretService } from "@vault/secret";
import { buildServer, createVault } from "@vault/server";
import { closeDatabase, migrate, openDatabase } from "@vault/store";
import { Fastify, type LoadResult, runLoad } from "../apps/server/test/load.ts";

// The HTTP API against bare Fastify routes doing the same work, on loopback, in the same run:
// - GET a secret: the full server (auth, app check, validation, audited read, metrics) vs a bare route calling the
//   secret service's SELECT + decrypt with no auth and no audit;
// - POST evaluate: the full server (auth, validation, metrics) vs a bare route evaluating the compiled snapshot.
// autocannon runs in a child process. DATABASE_URL → Postgres, else in-memory PGlite.
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const durationSec = Number(process.env.BENCH_SECONDS ?? 5);

const db = process.env.DATABASE_URL ? await openDatabase({ url: process.env.DATABASE_URL }) : await openDatabase();
await migrate(db);
const keyring = Keyring.generate();
// BENCH_AUDIT_RELAXED_READS=1: run the server as with VAULT_AUDIT_RELAXED_READS=true.
const relaxedReads = process.env.BENCH_AUDIT_RELAXED_READS === "1";
const vault = await createVault({
  db,
  keyring,
  defaultMetrics: false,
  apiKeyCacheMs: 5_000,
  auditRelaxedReads: relaxedReads,
});
const appId = `bench-${Date.now().toString(36)}`;
await vault.apiKeys.bootstrap();
await vault.apps.create({ id: appId });
const { key } = await vault.apiKeys.create(appId, { name: "bench", scopes: ["admin"] });
await vault.secrets.set(appId, "db/password", "correct horse battery staple");
await vault.flags.define(appId, {
  key: "checkout",
  type: "bool",
  defaultValue: false,
  rules: [
    { type: "when_tenant", tenants: ["acme"], value: true },
    { type: "rollout", percentage: 30, value: true },
  ],
});

const server = await buildServer(vault);
await server.listen({ port: 0, host: "127.0.0.1" });
const serverUrl = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;

// Baseline: bare Fastify, same database, same keyring, same flags.
const bareSecrets = new SecretService({ db, keys: keyring });
const bareFlags = new FlagService({ db });
const evaluator = await bareFlags.evaluator(appId);
const bare = Fastify();
bare.get("/secret", async () => {
  const secret = await bareSecrets.get(appId, "db/password");
  return { value: secret.value, version: secret.version };
});
// Informative only: the same bare route, but the read audited like the server's (the DESIGN requires it), so the
// table separates what the audit write costs from what the HTTP facade (auth, validation, metrics) costs.
bare.get("/secret-audited", async () => {
  const secret = await vault.secrets.get(appId, "db/password");
  return { value: secret.value, version: secret.version };
});
bare.post("/evaluate", async (request) => evaluator.evaluate("checkout", request.body as { tenantId?: string }));
await bare.listen({ port: 0, host: "127.0.0.1" });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

const auth = { authorization: `Bearer ${key}` };
const evalBody = { tenantId: "globex", userId: "u-42" };
const load = { connections, durationSec };

async function measure(url: string, method: "GET" | "POST", headers: Record<string, string>, body?: unknown) {
  // A short warm-up so JIT and caches are in the same state for both sides.
  await runLoad({ url, method, headers, body, connections, durationSec: 1 });
  const result = await runLoad({ url, method, headers, body, ...load });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${method} ${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result;
}

const rows: Array<{ name: string; result: LoadResult; base?: LoadResult; target?: number }> = [];
// Both sides get byte-identical requests (the bare routes ignore the Authorization header), so the load generator,
// which shares this 2-core machine, does the same work for each and the ratio measures the servers.
const secretBase = await measure(`${bareUrl}/secret`, "GET", auth);
const secretServer = await measure(`${serverUrl}/v1/apps/${appId}/secrets/db%2Fpassword`, "GET", auth);
const secretAudited = await measure(`${bareUrl}/secret-audited`, "GET", auth);
const evalBase = await measure(`${bareUrl}/evaluate`, "POST", auth, evalBody);
const evalServer = await measure(`${serverUrl}/v1/apps/${appId}/flags/checkout/evaluate`, "POST", auth, evalBody);
rows.push({ name: "bare Fastify: SELECT + decrypt (baseline)", result: secretBase });
rows.push({ name: "server: GET /v1/apps/:app/secrets/:key", result: secretServer, base: secretBase, target: 0.7 });
rows.push({ name: "(info) bare Fastify: SELECT + decrypt + audit entry", result: secretAudited, base: secretBase });
rows.push({ name: "(info) server vs the audited bare route", result: secretServer, base: secretAudited });
rows.push({ name: "bare Fastify: snapshot evaluate (baseline)", result: evalBase });
rows.push({ name: "server: POST /v1/apps/:app/flags/:key/evaluate", result: evalServer, base: evalBase, target: 0.8 });

const driver = process.env.DATABASE_URL ? "Postgres" : "PGlite (in-memory)";
const mode = relaxedReads ? ", relaxed read-audit durability" : "";
console.log(`\n### HTTP API vs bare Fastify (${driver}, ${connections} connections, ${durationSec} s each${mode})\n`);
console.log("| case | req/s | p50 | p99 | vs baseline | target |");
console.log("|---|---|---|---|---|---|");
for (const row of rows) {
  const ratio = row.base ? row.result.requestsPerSec / row.base.requestsPerSec : 1;
  const target = row.target === undefined ? "" : `≥ ${row.target}× ${ratio >= row.target ? "✅ met" : "❌ not met"}`;
  console.log(
    `| ${row.name} | ${Math.round(row.result.requestsPerSec)} | ${row.result.p50Ms} ms | ${row.result.p99Ms} ms | ${ratio.toFixed(2)}× | ${target} |`,
  );
}

await server.close();
await bare.close();
bareFlags.close();
await vault.close();
await closeDatabase(db);
