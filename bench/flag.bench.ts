import { createRequire } from "node:module";
import { join } from "node:path";
import { compileSnapshot, type EvaluationContext, type FlagRule, type Segment, type SnapshotFlag } from "@vault/engine";
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

type Kind = "none" | "tenant" | "attribute" | "rollout" | "five" | "audience";
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
const all: BenchFlag[] = [
  { key: "plain", kind: "none" },
  { key: "five-rules", kind: "five" },
  { key: "audience-rollout", kind: "audience" },
  ...hundred,
];

// (d): three rules, each with a three-condition constraint list and a segment (two conditions each), the last a 30%
// rollout with that audience. The (d) contexts fail rule 1 at its third condition and rule 2 at its third, and pass
// rule 3's audience, so every evaluation reaches the rollout's hash — as (b) does. Conditions are checked in the same
// order everywhere: the constraint list, then the segment, then the rule's own test.
const MOBILE = { devices: ["ios", "android"], minVersion: "2.0.0" }; // segment "mobile"
const ENTERPRISE_EU = { plans: ["enterprise", "scale"], regionPrefix: "eu-" }; // segment "enterprise-eu"
const DACH = { countries: ["DE", "AT", "CH"], minSeats: 10 }; // segment "dach"

/** Vault's segments for (d). */
const vaultSegments = [
  {
    key: "mobile",
    constraints: [
      { attribute: "device", operator: "in", values: MOBILE.devices },
      { attribute: "appVersion", operator: "semver_gte", values: [MOBILE.minVersion] },
    ],
  },
  {
    key: "enterprise-eu",
    constraints: [
      { attribute: "plan", operator: "in", values: ENTERPRISE_EU.plans },
      { attribute: "region", operator: "starts_with", values: [ENTERPRISE_EU.regionPrefix] },
    ],
  },
  {
    key: "dach",
    constraints: [
      { attribute: "country", operator: "in", values: DACH.countries },
      { attribute: "seats", operator: "gte", values: [DACH.minSeats] },
    ],
  },
] as const;

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
    audience: [
      {
        type: "when_attribute",
        attribute: "device",
        operator: "in",
        values: MOBILE.devices,
        segments: ["mobile"],
        constraints: [
          { attribute: "plan", operator: "eq", values: ["enterprise"] },
          { attribute: "region", operator: "starts_with", values: ["eu-"] },
          { attribute: "appVersion", operator: "semver_lt", values: ["2.4.0"] },
        ],
      },
      {
        type: "when_tenant_tag",
        tags: ["enterprise"],
        segments: ["enterprise-eu"],
        constraints: [
          { attribute: "country", operator: "in", values: DACH.countries },
          { attribute: "device", operator: "eq", values: ["ios"] },
          { attribute: "seats", operator: "gte", values: [1000] },
        ],
      },
      {
        type: "rollout",
        percentage: 30,
        segments: ["dach"],
        constraints: [
          { attribute: "plan", operator: "in", values: ENTERPRISE_EU.plans },
          { attribute: "region", operator: "starts_with", values: ["eu-"] },
          { attribute: "appVersion", operator: "semver_gte", values: ["2.0.0"] },
        ],
      },
    ],
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
  const v = (name: string) => ({ var: name });
  const targeting: Record<Kind, unknown> = {
    none: undefined,
    tenant: { if: [tenant, "on", "off"] },
    attribute: { if: [plan, "on", "off"] },
    rollout: rollout(50),
    five: { if: [tenant, "on", tag, "on", user, "on", plan, "on", rollout(30)] },
    audience: {
      if: [
        {
          and: [
            { "==": [v("plan"), "enterprise"] },
            { starts_with: [v("region"), "eu-"] },
            { sem_ver: [v("appVersion"), "<", "2.4.0"] },
            { $ref: "mobile" },
            { in: [v("device"), MOBILE.devices] },
          ],
        },
        "on",
        {
          and: [
            { in: [v("country"), DACH.countries] },
            { "==": [v("device"), "ios"] },
            { ">=": [v("seats"), 1000] },
            { $ref: "enterprise-eu" },
            { some: [v("tenantTags"), { in: [v(""), ["enterprise"]] }] },
          ],
        },
        "on",
        {
          and: [
            { in: [v("plan"), ENTERPRISE_EU.plans] },
            { starts_with: [v("region"), "eu-"] },
            { sem_ver: [v("appVersion"), ">=", "2.0.0"] },
            { $ref: "dach" },
          ],
        },
        rollout(30),
        "off",
      ],
    },
  };
  return {
    state: "ENABLED",
    variants: { on: true, off: false },
    defaultVariant: "off",
    ...(targeting[flag.kind] ? { targeting: targeting[flag.kind] } : {}),
  };
}

/** flagd's shared evaluators ($ref): the segments of (d). */
const flagdEvaluators = {
  mobile: {
    and: [{ in: [{ var: "device" }, MOBILE.devices] }, { sem_ver: [{ var: "appVersion" }, ">=", MOBILE.minVersion] }],
  },
  "enterprise-eu": {
    and: [
      { in: [{ var: "plan" }, ENTERPRISE_EU.plans] },
      { starts_with: [{ var: "region" }, ENTERPRISE_EU.regionPrefix] },
    ],
  },
  dach: { and: [{ in: [{ var: "country" }, DACH.countries] }, { ">=": [{ var: "seats" }, DACH.minSeats] }] },
};

/** Unleash's segments of (d) (ids in the bootstrap; strategies name them by id). */
const unleashConstraint = (contextName: string, operator: string, values: string[] | string) =>
  Array.isArray(values)
    ? { contextName, operator, values, inverted: false }
    : { contextName, operator, value: values, values: [], inverted: false };
const unleashSegments = [
  {
    id: 1,
    constraints: [
      unleashConstraint("device", "IN", MOBILE.devices),
      unleashConstraint("appVersion", "SEMVER_GTE", MOBILE.minVersion),
    ],
  },
  {
    id: 2,
    constraints: [
      unleashConstraint("plan", "IN", ENTERPRISE_EU.plans),
      unleashConstraint("region", "STR_STARTS_WITH", [ENTERPRISE_EU.regionPrefix]),
    ],
  },
  {
    id: 3,
    constraints: [
      unleashConstraint("country", "IN", DACH.countries),
      unleashConstraint("seats", "NUM_GTE", String(DACH.minSeats)),
    ],
  },
];

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
    // Each rule's own test is its strategy's last constraint; Unleash checks segments after the constraints.
    audience: [
      {
        name: "default",
        parameters: {},
        segments: [1],
        constraints: [
          unleashConstraint("plan", "IN", ["enterprise"]),
          unleashConstraint("region", "STR_STARTS_WITH", ["eu-"]),
          unleashConstraint("appVersion", "SEMVER_LT", "2.4.0"),
          unleashConstraint("device", "IN", MOBILE.devices),
        ],
      },
      {
        name: "default",
        parameters: {},
        segments: [2],
        constraints: [
          unleashConstraint("country", "IN", DACH.countries),
          unleashConstraint("device", "IN", ["ios"]),
          unleashConstraint("seats", "NUM_GTE", "1000"),
          unleashConstraint("tenantTag", "IN", ["enterprise"]),
        ],
      },
      {
        ...rollout(30),
        segments: [3],
        constraints: [
          unleashConstraint("plan", "IN", ENTERPRISE_EU.plans),
          unleashConstraint("region", "STR_STARTS_WITH", ["eu-"]),
          unleashConstraint("appVersion", "SEMVER_GTE", "2.0.0"),
        ],
      },
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
  // GrowthBook's saved groups are lists of ids; groups defined by conditions are inlined into each rule's condition
  // (as GrowthBook's own server does when it builds the SDK payload).
  const mobile = [{ device: { $in: MOBILE.devices } }, { appVersion: { $vgte: MOBILE.minVersion } }];
  const enterpriseEu = [
    { plan: { $in: ENTERPRISE_EU.plans } },
    { region: { $regex: `^${ENTERPRISE_EU.regionPrefix}` } },
  ];
  const dach = [{ country: { $in: DACH.countries } }, { seats: { $gte: DACH.minSeats } }];
  const rules: Record<Kind, unknown[]> = {
    none: [],
    tenant: [tenant],
    attribute: [plan],
    rollout: [rollout(50)],
    five: [tenant, tag, user, plan, rollout(30)],
    audience: [
      {
        condition: {
          $and: [
            { plan: "enterprise" },
            { region: { $regex: "^eu-" } },
            { appVersion: { $vlt: "2.4.0" } },
            ...mobile,
            { device: { $in: MOBILE.devices } },
          ],
        },
        force: true,
      },
      {
        condition: {
          $and: [
            { country: { $in: DACH.countries } },
            { device: "ios" },
            { seats: { $gte: 1000 } },
            ...enterpriseEu,
            { tenantTags: { $in: ["enterprise"] } },
          ],
        },
        force: true,
      },
      {
        condition: {
          $and: [
            { plan: { $in: ENTERPRISE_EU.plans } },
            { region: { $regex: "^eu-" } },
            { appVersion: { $vgte: "2.0.0" } },
            ...dach,
          ],
        },
        ...rollout(30),
      },
    ],
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

// (d)'s 1,024 tenants: enterprise customers in the EU, in Germany or Austria, on iOS or Android, at app version 2.4.x
// with 50 seats — outside rules 1 and 2 (version, seats), inside rule 3's audience.
const audienceVault: EvaluationContext[] = [];
const audienceFlagd: Record<string, unknown>[] = [];
const audienceUnleash: Record<string, unknown>[] = [];
const audienceGrowthbook: { attributes: Record<string, unknown> }[] = [];
for (let i = 0; i < N; i++) {
  const tenantId = `tenant-${i}`;
  const attributes = {
    plan: "enterprise",
    region: i % 2 === 0 ? "eu-west" : "eu-central",
    appVersion: `2.4.${i % 7}`,
    country: i % 3 === 0 ? "AT" : "DE",
    device: i % 2 === 0 ? "ios" : "android",
    seats: 50,
  };
  audienceVault.push({ tenantId, tenantTags: ["enterprise"], attributes });
  audienceFlagd.push({ targetingKey: tenantId, tenantId, tenantTags: ["enterprise"], ...attributes });
  audienceUnleash.push({
    properties: { tenantId, tenantTag: "enterprise", ...attributes, seats: String(attributes.seats) },
  });
  audienceGrowthbook.push({ attributes: { id: tenantId, tenantId, tenantTags: ["enterprise"], ...attributes } });
}

const vault = compileSnapshot({
  format: 2,
  revision: 1,
  appId: "bench",
  flags: all.map(vaultFlag),
  segments: vaultSegments as unknown as Segment[],
});
if (vault.problems.length > 0) throw new Error(`vault snapshot problems: ${JSON.stringify(vault.problems)}`);

const flagd = new FlagdCore();
flagd.setConfigurations(
  JSON.stringify({
    $evaluators: flagdEvaluators,
    flags: Object.fromEntries(all.map((f) => [f.key, flagdFlag(f)])),
  }),
);

const unleash = new Unleash({
  appName: "vault-bench",
  // Never contacted: refresh and metrics are off; the address is an unused loopback port.
  url: "http://127.0.0.1:9/api/",
  refreshInterval: 0,
  disableMetrics: true,
  disableAutoStart: true,
  skipInstanceCountWarning: true,
  storageProvider: new InMemStorageProvider(),
  bootstrap: { data: all.map(unleashFeature), segments: unleashSegments },
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

  // (d): the targeting rules answer alike in all four (one context each that rule 1, rule 2, or nothing matches)...
  const base = { plan: "enterprise", region: "eu-west", country: "DE", device: "ios" };
  const cases: [string, Record<string, unknown>, boolean][] = [
    ["rule 1 (app 2.1.0)", { ...base, appVersion: "2.1.0", seats: 50 }, true],
    ["rule 2 (5,000 seats)", { ...base, appVersion: "2.4.1", seats: 5000 }, true],
    ["no rule, outside the audience (US)", { ...base, region: "us-east", appVersion: "2.4.1", seats: 50 }, false],
    ["no rule, outside the segment (FR)", { ...base, country: "FR", appVersion: "2.4.1", seats: 50 }, false],
  ];
  for (const [name, attributes, expected] of cases) {
    // Matching rules 1 or 2 comes before the rollout, and the other two contexts are outside its audience: the
    // answers do not depend on a hash.
    const tenantId = "tenant-rule-check";
    const answers = [
      vault.bool("audience-rollout", { tenantId, tenantTags: ["enterprise"], attributes }, false),
      flagd.resolveBooleanEvaluation("audience-rollout", false, {
        targetingKey: tenantId,
        tenantId,
        tenantTags: ["enterprise"],
        ...attributes,
      }).value,
      unleash.isEnabled("audience-rollout", {
        properties: { tenantId, tenantTag: "enterprise", ...attributes, seats: String(attributes.seats) },
      }),
      growthbook.isOn("audience-rollout", {
        attributes: { id: tenantId, tenantId, tenantTags: ["enterprise"], ...attributes },
      }),
    ];
    if (answers.some((a) => a !== expected))
      throw new Error(`(d) libraries disagree on ${name}: ${answers.join(", ")}`);
  }
  // ...and each lets about 30% of the audience through its own hash.
  const shares = [
    audienceVault.filter((ctx) => vault.bool("audience-rollout", ctx, false)).length,
    audienceFlagd.filter((ctx) => flagd.resolveBooleanEvaluation("audience-rollout", false, ctx).value).length,
    audienceUnleash.filter((ctx) => unleash.isEnabled("audience-rollout", ctx)).length,
    audienceGrowthbook.filter((ctx) => growthbook.isOn("audience-rollout", ctx)).length,
  ].map((n) => n / N);
  if (shares.some((share) => share < 0.25 || share > 0.35)) {
    throw new Error(`(d) rollout shares are not near 30%: ${shares.map((x) => x.toFixed(3)).join(", ")}`);
  }
  console.log(
    `audience-rollout: ${shares.map((x) => `${(x * 100).toFixed(1)}%`).join(" / ")} of ${N} tenants inside (vault / flagd / unleash / growthbook)`,
  );
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

const peersD = ["flagd-core resolveBooleanEvaluation", "unleash isEnabled", "growthbook isOn"];
const d = await compare({
  title:
    "(d) three rules, each with a three-condition constraint list and a segment, ending in a 30% rollout with an audience",
  baseline: {
    name: peersD[0]!,
    fn: loop((i) => flagd.resolveBooleanEvaluation("audience-rollout", false, audienceFlagd[i]!).value),
    opsPerCall: LOOP,
  },
  cases: [
    { name: peersD[1]!, fn: loop((i) => unleash.isEnabled("audience-rollout", audienceUnleash[i]!)), opsPerCall: LOOP },
    {
      name: peersD[2]!,
      fn: loop((i) => growthbook.isOn("audience-rollout", audienceGrowthbook[i]!)),
      opsPerCall: LOOP,
    },
    {
      name: "vault evaluate",
      fn: loop((i) => vault.evaluate("audience-rollout", audienceVault[i]).value),
      opsPerCall: LOOP,
    },
    { name: "vault bool", fn: loop((i) => vault.bool("audience-rollout", audienceVault[i], false)), opsPerCall: LOOP },
  ],
});
report("(d)", d, ["vault evaluate", "vault bool"], peersD);

unleash.destroy();
growthbook.destroy();
if (sink < 0) console.log(sink);
// Nothing of ours keeps the event loop alive, but a peer's timer must not hang the bench either.
process.exit(0);
