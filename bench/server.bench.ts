import { Keyring } from "@vault/crypto";
import { FlagService } from "@vault/flag";
import { SecretService } from "@vault/secret";
import { buildServer, createVault } from "@vault/server";
import { migrate, openDatabase } from "@vault/store";
import { Fastify, type LoadResult, runLoad } from "../apps/server/test/load.ts";

// The HTTP API against bare Fastify routes doing the same work, on loopback, in the same run. The server is plain
// Fastify with its plugins (zod validation and serialization, hooks for auth and metrics, compression); these are
// guards that it stays within a sensible distance of a route with none of that, not goals to chase:
// - GET a secret: the full server vs a bare route doing the same audited read (SELECT + decrypt + the durable audit
//   entry every read needs), guard ≥ 0.85×; a bare route without the audit entry is shown for information;
// - POST evaluate: the full server vs a bare route evaluating the compiled snapshot, guard ≥ 0.6×.
// autocannon runs in a child process. DATABASE_URL → Postgres, else in-memory PGlite.
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const durationSec = Number(process.env.BENCH_SECONDS ?? 2);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
// BENCH_CASES=evaluate (or secret) measures one comparison only.
const cases = new Set((process.env.BENCH_CASES ?? "secret,evaluate").split(","));

const database = process.env.DATABASE_URL
  ? await openDatabase({ url: process.env.DATABASE_URL })
  : await openDatabase();
const { db } = database;
await migrate(db);
const keyring = Keyring.generate();
const vault = await createVault({ database, keyring, defaultMetrics: false, apiKeyCacheMs: 5_000 });
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

// Baseline: bare Fastify, same database, same keyring, same flags, and the same paths as the server's routes, so
// that both sides receive byte-identical requests (only the port differs) and route them the same way.
const bareSecrets = new SecretService({ db, keys: keyring });
const bareFlags = new FlagService({ db, changes: database.changes });
const evaluator = await bareFlags.evaluator(appId);
const bare = Fastify();
type AppKey = { Params: { appId: string; key: string } };
// The read the server does: audited through the same audit log (the DESIGN requires an entry per read).
bare.get<AppKey>("/v1/apps/:appId/secrets/:key", async (request) => {
  const secret = await vault.secrets.get(request.params.appId, request.params.key);
  return { value: secret.value, version: secret.version };
});
// Informative only: the same read without its audit entry, so the table shows what the entry itself costs.
bare.get<AppKey>("/unaudited/v1/apps/:appId/secrets/:key", async (request) => {
  const secret = await bareSecrets.get(request.params.appId, request.params.key);
  return { value: secret.value, version: secret.version };
});
bare.post<AppKey>("/v1/apps/:appId/flags/:key/evaluate", async (request) =>
  evaluator.evaluate(request.params.key, request.body as { tenantId?: string }),
);
await bare.listen({ port: 0, host: "127.0.0.1" });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

const auth = { authorization: `Bearer ${key}` };
const evalBody = { tenantId: "globex", userId: "u-42" };
const secretPath = `/v1/apps/${appId}/secrets/db%2Fpassword`;
const evaluatePath = `/v1/apps/${appId}/flags/checkout/evaluate`;

interface Target {
  name: string;
  url: string;
  method: "GET" | "POST";
  body?: unknown;
}

/**
 * Measure several targets in interleaved rounds (A, B, C, A, B, C, …) and keep each target's median round. This
 * VM's speed drifts by tens of percent within a minute; one long run per side would compare two different
 * machines. Every request carries the same headers and body on both sides (the bare routes ignore Authorization).
 */
async function interleaved(targets: Target[]): Promise<Map<string, LoadResult[]>> {
  const results = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
  // A short warm-up so JIT and caches are in the same state for every side.
  for (const t of targets) await runLoad({ ...t, headers: auth, connections, durationSec: 1 });
  for (let round = 0; round < rounds; round++) {
    for (const t of targets) {
      const result = await runLoad({ ...t, headers: auth, connections, durationSec });
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(`${t.method} ${t.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      }
      results.get(t.name)!.push(result);
    }
  }
  return results;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Row {
  name: string;
  runs: LoadResult[];
  base?: LoadResult[];
  target?: number;
}

const secretRuns = !cases.has("secret")
  ? undefined
  : await interleaved([
      { name: "bare", url: `${bareUrl}${secretPath}`, method: "GET" },
      { name: "server", url: `${serverUrl}${secretPath}`, method: "GET" },
      { name: "unaudited", url: `${bareUrl}/unaudited${secretPath}`, method: "GET" },
    ]);
const evalRuns = !cases.has("evaluate")
  ? undefined
  : await interleaved([
      { name: "bare", url: `${bareUrl}${evaluatePath}`, method: "POST", body: evalBody },
      { name: "server", url: `${serverUrl}${evaluatePath}`, method: "POST", body: evalBody },
    ]);
const rows: Row[] = [];
if (secretRuns) {
  rows.push(
    { name: "bare Fastify: SELECT + decrypt + audit entry (baseline)", runs: secretRuns.get("bare")! },
    {
      name: "server: GET /v1/apps/:app/secrets/:key",
      runs: secretRuns.get("server")!,
      base: secretRuns.get("bare")!,
      target: 0.85,
    },
    {
      name: "(info) bare Fastify: SELECT + decrypt, no audit entry",
      runs: secretRuns.get("unaudited")!,
      base: secretRuns.get("bare")!,
    },
  );
}
if (evalRuns) {
  rows.push(
    { name: "bare Fastify: snapshot evaluate (baseline)", runs: evalRuns.get("bare")! },
    {
      name: "server: POST /v1/apps/:app/flags/:key/evaluate",
      runs: evalRuns.get("server")!,
      base: evalRuns.get("bare")!,
      target: 0.6,
    },
  );
}

const driver = process.env.DATABASE_URL ? "Postgres" : "PGlite (in-memory)";
console.log(
  `\n### HTTP API vs bare Fastify (${driver}, ${connections} connections, ${rounds} interleaved rounds of ${durationSec} s)\n`,
);
console.log(
  "Medians over the rounds; the ratio is the median of the per-round ratios (each round's sides ran back to back).\n",
);
console.log("| case | req/s | p50 | p99 | vs baseline | per-round ratios | guard |");
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) {
  const perRound = row.base ? row.runs.map((r, i) => r.requestsPerSec / row.base![i]!.requestsPerSec) : [];
  const ratio = row.base ? median(perRound) : 1;
  const target =
    row.target === undefined ? "" : `guard ≥ ${row.target}× ${ratio >= row.target ? "✅ held" : "❌ not held"}`;
  const rps = median(row.runs.map((r) => r.requestsPerSec));
  const p50 = median(row.runs.map((r) => r.p50Ms));
  const p99 = median(row.runs.map((r) => r.p99Ms));
  const spread = perRound.map((r) => r.toFixed(2)).join(" ");
  console.log(
    `| ${row.name} | ${Math.round(rps)} | ${p50} ms | ${p99} ms | ${ratio.toFixed(2)}× | ${spread} | ${target} |`,
  );
}

await server.close();
await bare.close();
await bareFlags.close();
await vault.close();
await database.close();
