import { createRequire } from "node:module";
import { join } from "node:path";
import { compileSnapshot, type EvaluationContext, type FlagRule, type SnapshotFlag } from "@vault/engine";
import { type CaseResult, compare } from "./lib";

// Flag evaluation from a local snapshot, beside three peers evaluating the same flags in the same process:
// @openfeature/flagd-core (json-logic), unleash-client (bootstrapped, no network) and @growthbook/growthbook.
// Peers are devDependencies of @vault/engine, so they are loaded from that package.
const requireFromEngine = createRequire(join(import.meta.dirname, "../packages/engine/package.json"));

interface FlagdCore {
  setConfigurations(config: string): string[];
  resolveBooleanEvaluation(key: string, defaultValue: boolean, ctx: Record<string, unknown>): { value: boolean };
  resolveAll(ctx: Record<string, unknown>): unknown[];
}
interface UnleashClient {
  start(): Promise<void>;
  isEnabled(name: string, context: Record<string, unknown>): boolean;
  destroy(): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
}
interface GrowthBookClient {
  initSync(options: { payload: { features: Record<string, unknown> } }): GrowthBookClient;
  isOn(key: string, user: { attributes: Record<string, unknown> }): boolean;
  evalFeature(key: string, user: { attributes: Record<string, unknown> }): { value: unknown };
  destroy(): void;
}

const { FlagdCore } = requireFromEngine("@openfeature/flagd-core") as { FlagdCore: new () => FlagdCore };
const { Unleash, InMemStorageProvider } = requireFromEngine("unleash-client") as {
  Unleash: new (options: Record<string, unknown>) => UnleashClient;
  InMemStorageProvider: new () => unknown;
};
const { GrowthBookClient } = requireFromEngine("@growthbook/growthbook") as {
  GrowthBookClient: new (options?: Record<string, unknown>) => GrowthBookClient;
};

// ---- One set of flags, described once and translated into each library's format. ----

type Kind = "none" | "tenant" | "attribute" | "rollout" | "five";
interface BenchFlag {
  key: string;
  kind: Kind;
}
const VIP_TENANTS = Array.from({ length: 10 }, (_, i) => `vip-${i}`);
const TAGS = ["beta", "internal"];
const ADMINS = ["admin-1", "admin-2"];
const PLANS = ["enterprise"];

// (c): 100 flags, a quarter each without rules, on a tenant list, on an attribute, and a 50% rollout.
const hundred: BenchFlag[] = Array.from({ length: 100 }, (_, i) => ({
  key: `flag-${String(i).padStart(3, "0")}`,
  kind: (["none", "tenant", "attribute", "rollout"] as const)[i % 4] as Kind,
}));
const all: BenchFlag[] = [{ key: "plain", kind: "none" }, { key: "five-rules", kind: "five" }, ...hundred];

function vaultFlag(flag: BenchFlag): SnapshotFlag {
  const rule = (priority: number, r: Record<string, unknown>) =>
    ({ id: `${flag.key}-r${priority}`, priority, value: true, ...r }) as FlagRule;
  const tenant = { type: "when_tenant", tenants: VIP_TENANTS };
  const tag = { type: "when_tenant_tag", tags: TAGS };
  const user = { type: "when_user", users: ADMINS };
  const plan = { type: "when_attribute", attribute: "plan", operator: "in", values: PLANS };
  const rules: Record<Kind, Record<string, unknown>[]> = {
    none: [],
    tenant: [tenant],
    attribute: [plan],
    rollout: [{ type: "rollout", percentage: 50 }],
    five: [tenant, tag, user, plan, { type: "rollout", percentage: 30 }],
  };
  return {
    key: flag.key,
    type: "bool",
    defaultValue: false,
    enabled: true,
    rules: rules[flag.kind].map((r, i) => rule(i, r)),
  };
}

function flagdFlag(flag: BenchFlag): Record<string, unknown> {
  const tenant = { in: [{ var: "tenantId" }, VIP_TENANTS] };
  const tag = { some: [{ var: "tenantTags" }, { in: [{ var: "" }, TAGS] }] };
  const user = { in: [{ var: "userId" }, ADMINS] };
  const plan = { in: [{ var: "plan" }, PLANS] };
  const rollout = (p: number) => ({
    fractional: [{ cat: [{ var: "$flagd.flagKey" }, { var: "tenantId" }] }, ["on", p], ["off", 100 - p]],
  });
  const targeting: Record<Kind, unknown> = {
    none: undefined,
    tenant: { if: [tenant, "on", "off"] },
    attribute: { if: [plan, "on", "off"] },
    rollout: rollout(50),
    five: { if: [tenant, "on", tag, "on", user, "on", plan, "on", rollout(30)] },
  };
  return {
    state: "ENABLED",
    variants: { on: true, off: false },
    defaultVariant: "off",
    ...(targeting[flag.kind] ? { targeting: targeting[flag.kind] } : {}),
  };
}

function unleashFeature(flag: BenchFlag): Record<string, unknown> {
  const constrained = (contextName: string, values: string[]) => ({
    name: "default",
    parameters: {},
    constraints: [{ contextName, operator: "IN", values }],
  });
  const rollout = (p: number) => ({
    name: "flexibleRollout",
    parameters: { rollout: String(p), stickiness: "tenantId", groupId: flag.key },
    constraints: [],
  });
  const strategies: Record<Kind, unknown[]> = {
    none: [],
    tenant: [constrained("tenantId", VIP_TENANTS)],
    attribute: [constrained("plan", PLANS)],
    rollout: [rollout(50)],
    // Unleash constraints compare one context value, so the tag rule looks at one tag.
    five: [
      constrained("tenantId", VIP_TENANTS),
      constrained("tenantTag", TAGS),
      constrained("userId", ADMINS),
      constrained("plan", PLANS),
      rollout(30),
    ],
  };
  const list = strategies[flag.kind];
  // A feature with no strategies is simply on; "off by default" needs a strategy nobody matches.
  return {
    name: flag.key,
    enabled: true,
    strategies: list.length > 0 ? list : [constrained("tenantId", ["nobody"])],
  };
}

function growthbookFeature(flag: BenchFlag): Record<string, unknown> {
  const tenant = { condition: { tenantId: { $in: VIP_TENANTS } }, force: true };
  const tag = { condition: { tenantTags: { $in: TAGS } }, force: true };
  const user = { condition: { userId: { $in: ADMINS } }, force: true };
  const plan = { condition: { plan: { $in: PLANS } }, force: true };
  const rollout = (p: number) => ({ force: true, coverage: p / 100, hashAttribute: "tenantId" });
  const rules: Record<Kind, unknown[]> = {
    none: [],
    tenant: [tenant],
    attribute: [plan],
    rollout: [rollout(50)],
    five: [tenant, tag, user, plan, rollout(30)],
  };
  return { defaultValue: false, rules: rules[flag.kind] };
}

// ---- Contexts: 1,024 tenants that match none of the targeting rules, so (b) always reaches the rollout. ----

const N = 1024;
const vaultContexts: EvaluationContext[] = [];
const flagdContexts: Record<string, unknown>[] = [];
const unleashContexts: Record<string, unknown>[] = [];
const growthbookContexts: { attributes: Record<string, unknown> }[] = [];
for (let i = 0; i < N; i++) {
  const tenantId = `tenant-${i}`;
  const userId = `user-${i}`;
  vaultContexts.push({ tenantId, userId, tenantTags: ["free"], attributes: { plan: "team" } });
  flagdContexts.push({ targetingKey: tenantId, tenantId, userId, tenantTags: ["free"], plan: "team" });
  unleashContexts.push({ userId, properties: { tenantId, tenantTag: "free", plan: "team" } });
  growthbookContexts.push({ attributes: { id: tenantId, tenantId, userId, tenantTags: ["free"], plan: "team" } });
}

const vault = compileSnapshot({ revision: 1, appId: "bench", flags: all.map(vaultFlag) });

const flagd = new FlagdCore();
flagd.setConfigurations(JSON.stringify({ flags: Object.fromEntries(all.map((f) => [f.key, flagdFlag(f)])) }));

const unleash = new Unleash({
  appName: "vault-bench",
  // Never contacted: refresh and metrics are off; the address is an unused loopback port.
  url: "http://127.0.0.1:9/api/",
  refreshInterval: 0,
  disableMetrics: true,
  disableAutoStart: true,
  skipInstanceCountWarning: true,
  storageProvider: new InMemStorageProvider(),
  bootstrap: { data: all.map(unleashFeature) },
});
unleash.on("error", () => {});
unleash.on("warn", () => {});
// The bootstrap is applied during start(); the client answers only after its "ready" event (next tick).
const unleashReady = new Promise<void>((resolve, reject) => {
  unleash.on("ready", () => resolve());
  setTimeout(() => reject(new Error("unleash-client did not become ready from its bootstrap")), 5000).unref();
});
await unleash.start();
await unleashReady;

const growthbook = new GrowthBookClient().initSync({
  payload: { features: Object.fromEntries(all.map((f) => [f.key, growthbookFeature(f)])) },
});

// ---- Sanity: every library answers the same for the rule-driven cases (the rollouts hash differently). ----
{
  const vipVault = { tenantId: "vip-3", userId: "u", tenantTags: ["free"], attributes: { plan: "team" } };
  const checks: [string, boolean, boolean, boolean, boolean][] = [
    [
      "plain",
      vault.bool("plain", vaultContexts[0], true),
      flagd.resolveBooleanEvaluation("plain", true, flagdContexts[0]!).value,
      unleash.isEnabled("plain", unleashContexts[0]!),
      growthbook.isOn("plain", growthbookContexts[0]!),
    ],
    [
      "five-rules (vip)",
      vault.bool("five-rules", vipVault, false),
      flagd.resolveBooleanEvaluation("five-rules", false, { tenantId: "vip-3", targetingKey: "vip-3" }).value,
      unleash.isEnabled("five-rules", { properties: { tenantId: "vip-3" } }),
      growthbook.isOn("five-rules", { attributes: { tenantId: "vip-3" } }),
    ],
  ];
  for (const [name, ...answers] of checks) {
    if (new Set(answers).size !== 1) throw new Error(`libraries disagree on ${name}: ${answers.join(", ")}`);
  }
  let inside = 0;
  for (const ctx of vaultContexts) if (vault.bool("five-rules", ctx, false)) inside += 1;
  console.log(`five-rules: ${((inside / N) * 100).toFixed(1)}% of ${N} tenants inside the 30% rollout (vault)`);
}

// ---- Measurements: each call runs LOOP evaluations over rotating contexts. ----

const LOOP = N;
let sink = 0;
const loop = (fn: (i: number) => unknown) => () => {
  for (let i = 0; i < LOOP; i++) if (fn(i)) sink++;
};

function report(title: string, results: CaseResult[], ours: string[], peers: string[]): void {
  const best = Math.max(...results.filter((r) => peers.includes(r.name)).map((r) => r.opsPerSec));
  const fastest = results.find((r) => r.opsPerSec === best)?.name;
  for (const name of ours) {
    const r = results.find((x) => x.name === name);
    if (!r) continue;
    const ratio = r.opsPerSec / best;
    console.log(
      `${title}: ${name} is ${ratio.toFixed(2)}× the fastest peer (${fastest}); target ≥ 2× → ${ratio >= 2 ? "met" : "NOT met"}`,
    );
  }
}

const peersA = ["flagd-core resolveBooleanEvaluation", "unleash isEnabled", "growthbook isOn"];
const a = await compare({
  title: "(a) a flag with no rules",
  baseline: {
    name: peersA[0]!,
    fn: loop((i) => flagd.resolveBooleanEvaluation("plain", false, flagdContexts[i]!).value),
    opsPerCall: LOOP,
  },
  cases: [
    { name: peersA[1]!, fn: loop((i) => unleash.isEnabled("plain", unleashContexts[i]!)), opsPerCall: LOOP },
    { name: peersA[2]!, fn: loop((i) => growthbook.isOn("plain", growthbookContexts[i]!)), opsPerCall: LOOP },
    { name: "vault evaluate", fn: loop((i) => vault.evaluate("plain", vaultContexts[i]).value), opsPerCall: LOOP },
    { name: "vault bool", fn: loop((i) => vault.bool("plain", vaultContexts[i], false)), opsPerCall: LOOP },
  ],
});
report("(a)", a, ["vault evaluate", "vault bool"], peersA);

const peersB = ["flagd-core resolveBooleanEvaluation", "unleash isEnabled", "growthbook isOn"];
const b = await compare({
  title: "(b) a flag with five rules ending in a 30% rollout (tenants reach the rollout)",
  baseline: {
    name: peersB[0]!,
    fn: loop((i) => flagd.resolveBooleanEvaluation("five-rules", false, flagdContexts[i]!).value),
    opsPerCall: LOOP,
  },
  cases: [
    { name: peersB[1]!, fn: loop((i) => unleash.isEnabled("five-rules", unleashContexts[i]!)), opsPerCall: LOOP },
    { name: peersB[2]!, fn: loop((i) => growthbook.isOn("five-rules", growthbookContexts[i]!)), opsPerCall: LOOP },
    {
      name: "vault evaluate",
      fn: loop((i) => vault.evaluate("five-rules", vaultContexts[i]).value),
      opsPerCall: LOOP,
      target: { maxNsPerOp: 300 },
    },
    {
      name: "vault bool",
      fn: loop((i) => vault.bool("five-rules", vaultContexts[i], false)),
      opsPerCall: LOOP,
      target: { maxNsPerOp: 300 },
    },
  ],
});
report("(b)", b, ["vault evaluate", "vault bool"], peersB);

const keys = hundred.map((f) => f.key);
const ALL_LOOP = 64;
const loopAll = (fn: (i: number) => unknown) => () => {
  for (let i = 0; i < ALL_LOOP; i++) if (fn(i)) sink++;
};
const peersC = ["flagd-core resolveAll", "unleash isEnabled × 100", "growthbook evalFeature × 100"];
const c = await compare({
  title: "(c) evaluateAll over 100 flags (one op = all 100 flags for one context)",
  baseline: {
    name: peersC[0]!,
    fn: loopAll((i) => flagd.resolveAll(flagdContexts[i]!).length),
    opsPerCall: ALL_LOOP,
  },
  cases: [
    {
      name: peersC[1]!,
      fn: loopAll((i) => {
        const ctx = unleashContexts[i]!;
        let on = 0;
        for (const key of keys) if (unleash.isEnabled(key, ctx)) on++;
        return on;
      }),
      opsPerCall: ALL_LOOP,
    },
    {
      name: peersC[2]!,
      fn: loopAll((i) => {
        const ctx = growthbookContexts[i]!;
        let on = 0;
        for (const key of keys) if (growthbook.evalFeature(key, ctx).value) on++;
        return on;
      }),
      opsPerCall: ALL_LOOP,
    },
    { name: "vault evaluateAll", fn: loopAll((i) => vault.evaluateAll(vaultContexts[i])), opsPerCall: ALL_LOOP },
  ],
});
report("(c)", c, ["vault evaluateAll"], peersC);

unleash.destroy();
growthbook.destroy();
if (sink < 0) console.log(sink);
// Nothing of ours keeps the event loop alive, but a peer's timer must not hang the bench either.
process.exit(0);
