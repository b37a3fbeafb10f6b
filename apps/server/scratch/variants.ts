import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Keyring } from "@vault/crypto";
import { FlagService } from "@vault/flag";
import { closeDatabase, migrate, openDatabase } from "@vault/store";
import Fastify, { type FastifyBaseLogger, LogController } from "fastify";
import type { Logger } from "pino";
import { HttpMetrics } from "../src/http/metrics";
import { routeHandler } from "../src/http/route";
import { RequestLogger } from "../src/logger";
import { allRoutes } from "../src/routes/index";
import { buildServer } from "../src/server";
import { createVault } from "../src/vault";
import { profiled } from "../../../bench/scratch/prof";

const db = await openDatabase();
await migrate(db);
const vault = await createVault({ db, keyring: Keyring.generate(), defaultMetrics: false, apiKeyCacheMs: 600_000 });
const appId = "bench";
await vault.apiKeys.bootstrap();
await vault.apps.create({ id: appId });
const { key } = await vault.apiKeys.create(appId, { name: "bench", scopes: ["admin"] });
await vault.flags.define(appId, { key: "checkout", type: "bool", defaultValue: false, rules: [
  { type: "when_tenant", tenants: ["acme"], value: true }, { type: "rollout", percentage: 30, value: true } ] });
const bareFlags = new FlagService({ db });
const evaluator = await bareFlags.evaluator(appId);
const evalRoute = allRoutes().find((r) => r.operationId === "evaluateFlag")!;
const url = `/v1/apps/${appId}/flags/checkout/evaluate`;
class RequestLogs extends LogController { override incomingRequest(): void {} }
const serverLike = () => Fastify({
  loggerInstance: vault.logger as FastifyBaseLogger,
  genReqId: (req) => { const g = req.headers["x-request-id"]; return typeof g === "string" ? g : `req_${randomUUID()}`; },
  requestIdHeader: false, logController: new RequestLogs(),
  childLoggerFactory: (logger, bindings, options) => new RequestLogger(logger as unknown as Logger, bindings, options) as unknown as FastifyBaseLogger,
  routerOptions: { maxParamLength: 512 }, return503OnClosing: true,
});
const bareHandler = async (request: any) => evaluator.evaluate("checkout", request.body);
const variants: Record<string, any> = {};
variants.bare = Fastify(); variants.bare.post(url.replace(/\/v1.*/, "/v1/apps/:appId/flags/:key/evaluate"), bareHandler);
variants.nolog = Fastify({ genReqId: (req) => { const g = req.headers["x-request-id"]; return typeof g === "string" ? g : `req_${randomUUID()}`; }, requestIdHeader: false, routerOptions: { maxParamLength: 512 }, return503OnClosing: true }); variants.nolog.post("/v1/apps/:appId/flags/:key/evaluate", bareHandler);
variants.cfg = serverLike(); variants.cfg.post("/v1/apps/:appId/flags/:key/evaluate", bareHandler);
const metrics = vault.metrics.http;
variants.pipe = serverLike(); variants.pipe.route({ method: "POST", url: evalRoute.url, handler: routeHandler(evalRoute, vault, { validateResponses: false, metrics }) });
variants.allroutes = Fastify(); for (const r of allRoutes()) variants.allroutes.route({ method: r.method, url: r.url, handler: r === evalRoute ? bareHandler : () => ({}) });
variants.server = await buildServer(vault);
{
  const { hash } = await import("node:crypto");
  const { appKeyParams } = await import("../src/routes/schemas");
  const { evaluationContext } = await import("../src/routes/flags");
  const bodySchema = evaluationContext.optional();
  const m = metrics.route("/x", "POST");
  const mk = (extra: (req: any, reply: any) => void) => { const f = Fastify(); f.post("/v1/apps/:appId/flags/:key/evaluate", (req: any, reply: any) => { extra(req, reply); return evaluator.evaluate("checkout", req.body); }); return f; };
  let sink = 0;
  variants.hash = mk((req) => { sink += hash("sha256", req.headers.authorization.slice(7), "base64").length; });
  variants.zod = mk((req) => { sink += appKeyParams.safeParse(req.params).success ? 1 : 0; sink += bodySchema.safeParse(req.body).success ? 1 : 0; });
  variants.zodbody = mk((req) => { sink += bodySchema.safeParse(req.body).success ? 1 : 0; });
  variants.metric = mk((req, reply) => { m.observe(200, 0.3); vault.metrics.flagEvaluations.inc(); });
  variants.reqid = mk((req, reply) => { reply.header("x-request-id", `req_${(globalThis as any).crypto.randomUUID()}`); });
  variants.code = mk((req, reply) => { reply.code(200); });
  variants.auth = mk((req, reply) => { sink += vault.apiKeys.authenticateCached(req.headers.authorization.slice(7)) ? 1 : 0; });
}
for (const v of Object.values(variants)) await v.ready();
const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
const payload = JSON.stringify({ tenantId: "globex", userId: "u-42" });
const tcpu = () => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]);
const names = (process.env.V ?? "bare,cfg,pipe,allroutes,server").split(",");
for (const n of names) { const r = await variants[n].inject({ method: "POST", url, headers, payload }); if (r.statusCode !== 200) throw new Error(n + r.body); }
async function time(n: string, count: number) { const v = variants[n]; const t = tcpu(); for (let i = 0; i < count; i++) await v.inject({ method: "POST", url, headers, payload }); return (tcpu() - t) / 1000 / count; }
for (const n of names) await time(n, 3000);
const res: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
const R = Number(process.env.R ?? 15);
for (let r = 0; r < R; r++) for (const n of names) res[n]!.push(await time(n, 2000));
if (process.env.PROF) for (const n of names) await profiled(`${process.env.PROF}-${n}.cpuprofile`, () => time(n, 20000));
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
for (const n of names) console.log(n.padEnd(10), med(res[n]!).toFixed(1), "µs", "diff vs bare", med(res[n]!.map((v, i) => v - res.bare![i]!)).toFixed(1));
for (const v of Object.values(variants)) await v.close();
bareFlags.close(); await vault.close(); await closeDatabase(db);
