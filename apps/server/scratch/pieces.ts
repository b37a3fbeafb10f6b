import { randomUUID, hash } from "node:crypto";
import { appKeyParams } from "../src/routes/schemas";
import { evaluationContext } from "../src/routes/flags";
import { Registry, Counter, Histogram } from "prom-client";
const reg = new Registry();
const c = new Counter({ name: "a", help: "a", labelNames: ["route", "method", "status"], registers: [reg] });
const h = new Histogram({ name: "b", help: "b", labelNames: ["route", "method"], registers: [reg], buckets: [0.001,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10] });
const fe = new Counter({ name: "fe", help: "fe", registers: [reg] });
const cc = c.labels({ route: "/v1/apps/:appId/flags/:key/evaluate", method: "POST", status: "200" });
const hc = h.labels({ route: "/v1/apps/:appId/flags/:key/evaluate", method: "POST" });
const body = evaluationContext.optional();
const key = "vk_" + "a".repeat(43);
const re = /^Bearer ([^\s]+)$/;
function bench(name: string, fn: () => unknown, n = 200000) {
  for (let i = 0; i < 20000; i++) fn();
  const t = process.hrtime.bigint(); for (let i = 0; i < n; i++) fn(); const ns = Number(process.hrtime.bigint() - t) / n;
  console.log(name.padEnd(40), ns.toFixed(0), "ns");
}
const params = { appId: "bench", key: "checkout" };
const b = { tenantId: "globex", userId: "u-42" };
for (let k = 0; k < 2; k++) {
bench("zod params", () => appKeyParams.safeParse(params));
bench("zod body", () => body.safeParse(b));
bench("JSON.parse body", () => JSON.parse('{"tenantId":"globex","userId":"u-42"}'));
bench("bearer regex", () => re.exec("Bearer " + key));
bench("hash sha256 b64", () => hash("sha256", key, "base64"));
bench("randomUUID req id", () => `req_${randomUUID()}`);
bench("counter child inc", () => cc.inc());
bench("counter no-label inc", () => fe.inc());
bench("histogram child observe", () => hc.observe(0.0003));
bench("Date.now", () => Date.now());
}
