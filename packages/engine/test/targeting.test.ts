import { BlockList, isIPv6 } from "node:net";
import { ManualClock } from "@vault/core";
import {
  type Condition,
  checkFlag,
  checkSegment,
  compileSnapshot,
  FlagDefinitionError,
  type FlagRule,
  type FlagSnapshot,
  parseCidr,
  parseIp,
  type RegexEngine,
  type Segment,
  type SnapshotFlag,
} from "@vault/engine";
import fc from "fast-check";
import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";

// Constraint lists, segments, the operators added with them, and individual (user) targets.

/** The adapter @vault/flag passes: RE2 (linear time), compiled once per pattern. */
const re2: RegexEngine = {
  compile(pattern, { caseInsensitive }) {
    const compiled = RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    return (text) => compiled.test(text);
  },
};

function flag(rules: Partial<FlagRule>[], extra: Partial<SnapshotFlag> = {}): SnapshotFlag {
  return {
    key: "f",
    type: "bool",
    defaultValue: false,
    enabled: true,
    rules: rules.map((r, i) => ({ id: `r${i}`, priority: i, value: true, ...r }) as FlagRule),
    ...extra,
  };
}

function snapshot(flags: SnapshotFlag[], segments?: Segment[]): FlagSnapshot {
  return { format: 2, revision: 1, appId: "app", flags, ...(segments ? { segments } : {}) };
}

/** Does one condition hold for `attributes`? (A `when_tenant` rule on everyone, constrained by the condition.) */
function holds(
  condition: Omit<Condition, "attribute">,
  attributes: Record<string, unknown> | undefined,
  tenantId = "t",
) {
  const e = compileSnapshot(
    snapshot([flag([{ type: "when_tenant", tenants: [tenantId], constraints: [{ ...condition, attribute: "a" }] }])]),
    { regexEngine: re2 },
  );
  expect(e.problems).toEqual([]);
  return e.bool("f", { tenantId, ...(attributes ? { attributes } : {}) }, false);
}

function definitionError(fn: () => unknown): FlagDefinitionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FlagDefinitionError) return error;
    throw error;
  }
  throw new Error("expected a FlagDefinitionError");
}

describe("operators: inverted, caseInsensitive, and missing attributes", () => {
  it("inverted flips the operator for a present attribute", () => {
    expect(holds({ operator: "in", values: ["eu"] }, { a: "eu" })).toBe(true);
    expect(holds({ operator: "in", values: ["eu"], inverted: true }, { a: "eu" })).toBe(false);
    expect(holds({ operator: "in", values: ["eu"], inverted: true }, { a: "us" })).toBe(true);
    expect(holds({ operator: "starts_with", values: ["ab"], inverted: true }, { a: "xyz" })).toBe(true);
    expect(holds({ operator: "gt", values: [10], inverted: true }, { a: 5 })).toBe(true);
    expect(holds({ operator: "gt", values: [10], inverted: true }, { a: 11 })).toBe(false);
  });

  it("a missing attribute (absent, null, no attributes at all) fails the condition, inverted or not", () => {
    for (const attributes of [{}, { a: null }, undefined]) {
      expect(holds({ operator: "in", values: ["eu"] }, attributes)).toBe(false);
      expect(holds({ operator: "in", values: ["eu"], inverted: true }, attributes)).toBe(false);
      expect(holds({ operator: "not_in", values: ["eu"] }, attributes)).toBe(false);
      expect(holds({ operator: "regex", values: [".*"] }, attributes)).toBe(false);
      expect(holds({ operator: "cidr", values: ["0.0.0.0/0"], inverted: true }, attributes)).toBe(false);
      expect(holds({ operator: "semver_gte", values: ["0.0.0"] }, attributes)).toBe(false);
    }
  });

  it("exists: present and not null; inverted, it is the test for a missing attribute", () => {
    expect(holds({ operator: "exists" }, { a: "x" })).toBe(true);
    expect(holds({ operator: "exists" }, { a: 0 })).toBe(true);
    expect(holds({ operator: "exists" }, { a: false })).toBe(true);
    expect(holds({ operator: "exists" }, { a: "" })).toBe(true);
    expect(holds({ operator: "exists" }, { a: null })).toBe(false);
    expect(holds({ operator: "exists" }, {})).toBe(false);
    expect(holds({ operator: "exists" }, undefined)).toBe(false);
    expect(holds({ operator: "exists", inverted: true }, {})).toBe(true);
    expect(holds({ operator: "exists", inverted: true }, { a: null })).toBe(true);
    expect(holds({ operator: "exists", inverted: true }, { a: 1 })).toBe(false);
    expect(holds({ operator: "exists", values: [] }, { a: 1 })).toBe(true);
  });

  it("caseInsensitive folds both sides for the string operators", () => {
    expect(holds({ operator: "in", values: ["EU", "us"] }, { a: "eu" })).toBe(false);
    expect(holds({ operator: "in", values: ["EU", "us"], caseInsensitive: true }, { a: "eu" })).toBe(true);
    expect(holds({ operator: "in", values: ["EU"], caseInsensitive: true }, { a: ["x", "Eu"] })).toBe(true);
    expect(holds({ operator: "eq", values: ["Acme"], caseInsensitive: true }, { a: "ACME" })).toBe(true);
    expect(holds({ operator: "neq", values: ["Acme"], caseInsensitive: true }, { a: "ACME" })).toBe(false);
    expect(holds({ operator: "not_in", values: ["Acme"], caseInsensitive: true }, { a: "acme" })).toBe(false);
    expect(holds({ operator: "starts_with", values: ["Mozilla"], caseInsensitive: true }, { a: "MOZILLA/5" })).toBe(
      true,
    );
    expect(holds({ operator: "ends_with", values: [".COM"], caseInsensitive: true }, { a: "a@b.com" })).toBe(true);
    expect(holds({ operator: "ends_with", values: [".COM"] }, { a: "a@b.com" })).toBe(false);
    expect(holds({ operator: "contains", values: ["BOT"], caseInsensitive: true }, { a: "googlebot" })).toBe(true);
    expect(holds({ operator: "regex", values: ["^ab+c$"], caseInsensitive: true }, { a: "ABBC" })).toBe(true);
    expect(holds({ operator: "regex", values: ["^ab+c$"] }, { a: "ABBC" })).toBe(false);
  });

  it("caseInsensitive is refused where it means nothing, naming the condition", () => {
    const error = definitionError(() =>
      checkFlag(
        flag([
          {
            type: "rollout",
            percentage: 30,
            constraints: [
              { attribute: "plan", operator: "in", values: ["enterprise"] },
              { attribute: "seats", operator: "gt", values: [10], caseInsensitive: true },
            ],
          },
        ]),
      ),
    );
    expect(error.path).toBe("rules.0.constraints.1.caseInsensitive");
    expect(error.message).toBe(
      "rules.0.constraints.1.caseInsensitive: operator gt does not compare text: drop caseInsensitive",
    );
  });
});

describe("operators: regex (a linear-time engine, compiled once)", () => {
  it("matches anywhere unless anchored; any of several patterns", () => {
    expect(holds({ operator: "regex", values: ["@acme\\.com$"] }, { a: "jo@acme.com" })).toBe(true);
    expect(holds({ operator: "regex", values: ["@acme\\.com$"] }, { a: "jo@acme.com.evil" })).toBe(false);
    expect(holds({ operator: "regex", values: ["^beta-", "-canary$"] }, { a: "svc-canary" })).toBe(true);
    expect(holds({ operator: "regex", values: ["^\\d+$"] }, { a: 123 })).toBe(false); // strings only
    expect(holds({ operator: "regex", values: ["^x"], inverted: true }, { a: "yx" })).toBe(true);
  });

  it("is linear: a pattern that backtracks exponentially in RegExp answers at once", () => {
    const evil = "a".repeat(5_000);
    expect(holds({ operator: "regex", values: ["^(a+)+$"] }, { a: `${evil}!` })).toBe(false);
    expect(holds({ operator: "regex", values: ["^(a|aa)*$"] }, { a: evil })).toBe(true);
  });

  it("compiles each pattern once per snapshot, not per evaluation", () => {
    let compiled = 0;
    const counting: RegexEngine = {
      compile(pattern, options) {
        compiled += 1;
        return re2.compile(pattern, options);
      },
    };
    const e = compileSnapshot(
      snapshot([
        flag([
          { type: "when_user", users: ["u"], constraints: [{ attribute: "a", operator: "regex", values: ["x"] }] },
        ]),
      ]),
      { regexEngine: counting },
    );
    for (let i = 0; i < 100; i++) e.evaluate("f", { userId: "u", attributes: { a: `x${i}` } });
    expect(compiled).toBe(1);
  });

  it("with a regex engine, checkFlag refuses a pattern it cannot run, naming the rule and condition", () => {
    const bad = flag([
      { type: "when_user", users: ["u"], constraints: [{ attribute: "a", operator: "regex", values: ["(a)\\1"] }] },
    ]);
    const error = definitionError(() => checkFlag(bad, { regexEngine: re2 }));
    expect(error.path).toBe("rules.0.constraints.0.values.0");
    expect(error.message).toMatch(/^rules\.0\.constraints\.0\.values\.0: pattern "\(a\)\\\\1" is not one the regex/);
    expect(
      definitionError(() =>
        checkFlag(
          flag([
            {
              type: "when_user",
              users: ["u"],
              constraints: [{ attribute: "a", operator: "regex", values: [7] } as never],
            },
          ]),
        ),
      ).path,
    ).toBe("rules.0.constraints.0.values.0");
  });

  it("without a regex engine, a rule with a regex condition is skipped and the result says why", () => {
    const e = compileSnapshot(
      snapshot([
        flag([
          { type: "when_user", users: ["u"], constraints: [{ attribute: "a", operator: "regex", values: ["x"] }] },
          { type: "when_user", users: ["u"], value: true },
        ]),
      ]),
    );
    const r = e.evaluate("f", { userId: "u", attributes: { a: "x" } });
    expect(r).toMatchObject({ value: true, ruleId: "r1" });
    expect(r.detail).toBe("rule r0 skipped: it has a regex condition and no regex engine was given");
    const attribute = compileSnapshot(
      snapshot([flag([{ type: "when_attribute", attribute: "a", operator: "regex", values: ["x"] }])]),
    );
    expect(attribute.evaluate("f", { attributes: { a: "x" } })).toMatchObject({ value: false, reason: "DEFAULT" });
  });
});

describe("operators: cidr (IPv4 and IPv6)", () => {
  it("IPv4 ranges and single addresses", () => {
    const ranges = ["10.0.0.0/8", "192.168.1.7"];
    expect(holds({ operator: "cidr", values: ranges }, { a: "10.200.3.4" })).toBe(true);
    expect(holds({ operator: "cidr", values: ranges }, { a: "11.0.0.1" })).toBe(false);
    expect(holds({ operator: "cidr", values: ranges }, { a: "192.168.1.7" })).toBe(true);
    expect(holds({ operator: "cidr", values: ranges }, { a: "192.168.1.8" })).toBe(false);
    expect(holds({ operator: "cidr", values: ["0.0.0.0/0"] }, { a: "8.8.8.8" })).toBe(true);
    expect(holds({ operator: "cidr", values: ["10.1.2.3/8"] }, { a: "10.9.9.9" })).toBe(true); // host bits ignored
    expect(holds({ operator: "cidr", values: ["10.0.0.0/8"], inverted: true }, { a: "172.16.0.1" })).toBe(true);
  });

  it("IPv6 ranges, compressed forms, and IPv4-mapped addresses as IPv4", () => {
    expect(holds({ operator: "cidr", values: ["2001:db8::/32"] }, { a: "2001:db8:ffff::1" })).toBe(true);
    expect(holds({ operator: "cidr", values: ["2001:db8::/32"] }, { a: "2001:DB9::1" })).toBe(false);
    expect(
      holds({ operator: "cidr", values: ["2001:db8::/32"] }, { a: "2001:0db8:0000:0000:0000:0000:0000:0001" }),
    ).toBe(true);
    expect(holds({ operator: "cidr", values: ["::1"] }, { a: "0:0:0:0:0:0:0:1" })).toBe(true);
    expect(holds({ operator: "cidr", values: ["fe80::/10"] }, { a: "febf::1" })).toBe(true);
    expect(holds({ operator: "cidr", values: ["fe80::/10"] }, { a: "fec0::1" })).toBe(false);
    expect(holds({ operator: "cidr", values: ["10.0.0.0/8"] }, { a: "::ffff:10.1.2.3" })).toBe(true);
    expect(holds({ operator: "cidr", values: ["::ffff:10.0.0.0/104"] }, { a: "10.1.2.3" })).toBe(true);
    // The families do not mix otherwise.
    expect(holds({ operator: "cidr", values: ["::/0"] }, { a: "10.1.2.3" })).toBe(false);
    expect(holds({ operator: "cidr", values: ["0.0.0.0/0"] }, { a: "2001:db8::1" })).toBe(false);
  });

  it("what is not an address does not match; what is not a range is refused on write", () => {
    for (const a of ["10.0.0", "10.0.0.256", "010.0.0.1", "fe80::1%eth0", "[::1]", "1:2:3:4:5:6:7:8:9", "", 42]) {
      expect(holds({ operator: "cidr", values: ["0.0.0.0/0", "::/0"] }, { a }), String(a)).toBe(false);
    }
    for (const range of ["10.0.0.0/33", "10.0.0.0/", "2001:db8::/129", "10.0.0.0/8/8", "example.com", "1:::2/64"]) {
      const error = definitionError(() =>
        checkFlag(
          flag([
            {
              type: "when_user",
              users: ["u"],
              constraints: [{ attribute: "ip", operator: "cidr", values: ["10.0.0.0/8", range] }],
            },
          ]),
        ),
      );
      expect(error.path, range).toBe("rules.0.constraints.0.values.1");
      expect(error.message).toContain("is not a CIDR range like 10.0.0.0/8 or 2001:db8::/32");
    }
  });

  it("agrees with node:net's BlockList on random addresses and ranges (property)", () => {
    const v4 = fc.ipV4();
    const v6 = fc.ipV6();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(v4, fc.integer({ min: 0, max: 32 }), v4),
          fc.tuple(v6, fc.integer({ min: 0, max: 128 }), v6),
          // Near misses: the same address with its last bits changed.
          v4.chain((a) =>
            fc.tuple(
              fc.constant(a),
              fc.integer({ min: 16, max: 32 }),
              fc.constant(a.replace(/\d+$/, (d) => String((Number(d) + 1) % 256))),
            ),
          ),
        ),
        ([network, prefix, address]) => {
          const family = isIPv6(network) ? "ipv6" : "ipv4";
          const range = parseCidr(`${network}/${prefix}`);
          const parsed = parseIp(address);
          expect(range).toBeDefined();
          expect(parsed).toBeDefined();
          const list = new BlockList();
          list.addSubnet(network, prefix, family);
          const expected = list.check(address, isIPv6(address) ? "ipv6" : "ipv4");
          expect(holds({ operator: "cidr", values: [`${network}/${prefix}`] }, { a: address })).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("operators: semver ranges", () => {
  it("semver_gte and semver_lte include the bound and follow precedence", () => {
    expect(holds({ operator: "semver_gte", values: ["2.3.0"] }, { a: "2.3.0" })).toBe(true);
    expect(holds({ operator: "semver_gte", values: ["2.3.0"] }, { a: "2.10.0" })).toBe(true);
    expect(holds({ operator: "semver_gte", values: ["2.3.0"] }, { a: "2.3.0-rc.1" })).toBe(false);
    expect(holds({ operator: "semver_lte", values: ["2.3.0"] }, { a: "2.3.0-rc.1" })).toBe(true);
    expect(holds({ operator: "semver_lte", values: ["2.3.0"] }, { a: "v2.3.0+build.9" })).toBe(true);
    expect(holds({ operator: "semver_lte", values: ["2.3.0"] }, { a: "2.3.1" })).toBe(false);
    expect(holds({ operator: "semver_gte", values: ["2.3.0"] }, { a: "garbage" })).toBe(false);
    expect(holds({ operator: "semver_gte", values: ["2.3.0"], inverted: true }, { a: "garbage" })).toBe(true);
  });

  it("a range is two conditions of one constraint list: >= 2.0.0 and <= 2.9.9", () => {
    const e = compileSnapshot(
      snapshot([
        flag([
          {
            type: "when_attribute",
            attribute: "app",
            operator: "exists",
            constraints: [
              { attribute: "appVersion", operator: "semver_gte", values: ["2.0.0"] },
              { attribute: "appVersion", operator: "semver_lte", values: ["2.9.9"] },
            ],
          },
        ]),
      ]),
    );
    const at = (appVersion: string) => e.bool("f", { attributes: { app: "ios", appVersion } }, false);
    expect([at("1.9.9"), at("2.0.0"), at("2.5.1"), at("2.9.9"), at("3.0.0")]).toEqual([false, true, true, true, false]);
  });

  it("answers right for many distinct versions (the parsed-version cache starts over when full)", () => {
    const e = compileSnapshot(
      snapshot([flag([{ type: "when_attribute", attribute: "v", operator: "semver_lt", values: ["1.300.0"] }])]),
    );
    for (let round = 0; round < 2; round++) {
      for (let minor = 0; minor < 600; minor++) {
        expect(e.bool("f", { attributes: { v: `1.${minor}.0` } }, false)).toBe(minor < 300);
      }
    }
  });

  it("refuses a bound that is not a version, and two values", () => {
    expect(
      definitionError(() =>
        checkFlag(flag([{ type: "when_attribute", attribute: "v", operator: "semver_gte", values: ["2.x"] }])),
      ).message,
    ).toBe("rules.0.values: operator semver_gte needs a semantic version like 1.2.3");
    expect(
      definitionError(() =>
        checkFlag(
          flag([{ type: "when_attribute", attribute: "v", operator: "semver_lte", values: ["1.0.0", "2.0.0"] }]),
        ),
      ).path,
    ).toBe("rules.0.values");
  });
});

describe("conditions read the context's own fields by name", () => {
  it("tenantId, userId and tenantTags read the context; other names read attributes", () => {
    const e = compileSnapshot(
      snapshot([
        flag([
          {
            type: "rollout",
            percentage: 100,
            stickiness: "user",
            constraints: [
              { attribute: "tenantId", operator: "starts_with", values: ["eu-"] },
              { attribute: "tenantTags", operator: "contains", values: ["beta"] },
              { attribute: "userId", operator: "regex", values: ["^staff-"], inverted: true },
            ],
          },
        ]),
      ]),
      { regexEngine: re2 },
    );
    expect(e.bool("f", { tenantId: "eu-1", userId: "u1", tenantTags: ["beta"] }, false)).toBe(true);
    expect(e.bool("f", { tenantId: "us-1", userId: "u1", tenantTags: ["beta"] }, false)).toBe(false);
    expect(e.bool("f", { tenantId: "eu-1", userId: "u1", tenantTags: ["free"] }, false)).toBe(false);
    expect(e.bool("f", { tenantId: "eu-1", userId: "staff-2", tenantTags: ["beta"] }, false)).toBe(false);
    // An attribute of the same name is not the context field.
    expect(e.bool("f", { userId: "u1", tenantTags: ["beta"], attributes: { tenantId: "eu-1" } }, false)).toBe(false);
  });

  it("when_attribute keeps reading attributes only, as before", () => {
    const e = compileSnapshot(
      snapshot([flag([{ type: "when_attribute", attribute: "tenantId", operator: "eq", values: ["t"] }])]),
    );
    expect(e.bool("f", { tenantId: "t" }, false)).toBe(false);
    expect(e.bool("f", { attributes: { tenantId: "t" } }, false)).toBe(true);
  });
});

describe("constraint lists on every rule type", () => {
  // One audience for all: enterprise tenants in the EU on app version 2.x or later.
  const audience: Condition[] = [
    { attribute: "plan", operator: "eq", values: ["enterprise"] },
    { attribute: "region", operator: "in", values: ["eu-west", "eu-central"] },
    { attribute: "appVersion", operator: "semver_gte", values: ["2.0.0"] },
  ];
  const inside = { plan: "enterprise", region: "eu-west", appVersion: "2.1.0" };
  const outside = [
    { plan: "team", region: "eu-west", appVersion: "2.1.0" },
    { plan: "enterprise", region: "us-east", appVersion: "2.1.0" },
    { plan: "enterprise", region: "eu-west", appVersion: "1.9.0" },
    { plan: "enterprise", region: "eu-west" },
  ];
  // Each rule type, a context its own test matches, and a change to that context that makes its own test fail.
  const cases: [string, Partial<FlagRule>, Record<string, unknown>, Record<string, unknown>][] = [
    ["when_tenant", { type: "when_tenant", tenants: ["t1"] }, { tenantId: "t1" }, { tenantId: "fallback" }],
    [
      "when_tenant_tag",
      { type: "when_tenant_tag", tags: ["beta"] },
      { tenantId: "t1", tenantTags: ["beta"] },
      { tenantTags: ["free"] },
    ],
    ["when_user", { type: "when_user", users: ["u1"] }, { userId: "u1" }, { userId: "u2" }],
    [
      "when_attribute",
      { type: "when_attribute", attribute: "seats", operator: "gte", values: [10] },
      { seats: 50 },
      { seats: 5 },
    ],
    ["rollout", { type: "rollout", percentage: 100, stickiness: "user" }, { userId: "u1" }, { userId: undefined }],
    ["schedule", { type: "schedule", from: "2026-04-01T00:00:00Z" }, {}, { now: "2026-03-01T00:00:00.000Z" }],
    ["custom", { type: "custom", evaluator: "unlessVetoed" }, {}, { veto: true }],
  ];
  for (const [name, rule, matching, failing] of cases) {
    it(`${name}: matches only inside the audience, and evaluation goes on to the next rule outside it`, () => {
      const clock = new ManualClock("2026-05-01T00:00:00.000Z");
      const e = compileSnapshot(
        snapshot([
          flag([
            { ...rule, constraints: audience, value: true },
            { type: "when_tenant", tenants: ["t1", "fallback"], value: false, id: "next" } as Partial<FlagRule>,
          ]),
        ]),
        { clock, customEvaluators: { unlessVetoed: (ctx) => ctx.attributes?.veto !== true } },
      );
      const { seats, now, veto, ...fields } = { ...matching, ...failing } as Record<string, unknown>;
      const ctx = (attributes: Record<string, unknown>, own: Record<string, unknown> = matching) => {
        const { seats: s, ...rest } = own;
        return {
          tenantId: "fallback",
          ...rest,
          attributes: { ...attributes, ...(s === undefined ? {} : { seats: s }) },
        };
      };
      expect(e.evaluate("f", ctx(inside))).toMatchObject({ value: true, ruleId: "r0" });
      for (const attributes of outside) {
        expect(e.evaluate("f", ctx(attributes)), JSON.stringify(attributes)).toMatchObject({
          value: false,
          ruleId: "next",
        });
      }
      // Inside the audience, the rule's own test still decides.
      if (typeof now === "string") clock.set(now);
      const own = { ...fields, ...(seats === undefined ? {} : { seats }) };
      expect(e.evaluate("f", ctx({ ...inside, ...(veto ? { veto } : {}) }, own)).ruleId).not.toBe("r0");
    });
  }

  it("a variant split limited to an audience: those inside get a variant, the rest go on", () => {
    const e = compileSnapshot(
      snapshot([
        {
          key: "theme",
          type: "string",
          defaultValue: "light",
          enabled: true,
          variants: { dark: "dark", contrast: "contrast" },
          rules: [
            {
              id: "split",
              priority: 0,
              type: "rollout",
              percentage: 100,
              stickiness: "user",
              variants: [
                { variant: "dark", weight: 50 },
                { variant: "contrast", weight: 50 },
              ],
              constraints: audience,
            },
          ],
        },
      ]),
    );
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const r = e.evaluate("theme", { userId: `u${i}`, attributes: inside });
      expect(r.reason).toBe("SPLIT");
      seen.add(r.variant as string);
      expect(e.evaluate("theme", { userId: `u${i}`, attributes: outside[0] })).toMatchObject({
        value: "light",
        reason: "DEFAULT",
      });
    }
    expect([...seen].sort()).toEqual(["contrast", "dark"]);
  });

  it("30% of enterprise tenants in the EU: the rollout's share is taken of the audience only", () => {
    const e = compileSnapshot(
      snapshot([flag([{ type: "rollout", percentage: 30, constraints: audience.slice(0, 2) }])]),
    );
    let inAudience = 0;
    let outOfAudience = 0;
    for (let i = 0; i < 4000; i++) {
      if (e.bool("f", { tenantId: `t-${i}`, attributes: inside }, false)) inAudience += 1;
      if (e.bool("f", { tenantId: `t-${i}`, attributes: outside[1] }, false)) outOfAudience += 1;
    }
    expect(inAudience / 4000).toBeGreaterThan(0.27);
    expect(inAudience / 4000).toBeLessThan(0.33);
    expect(outOfAudience).toBe(0);
    // The same tenants as the unconstrained 30% rollout: the audience filters, it does not reshuffle buckets.
    const plain = compileSnapshot(snapshot([flag([{ type: "rollout", percentage: 30 }])]));
    for (let i = 0; i < 500; i++) {
      expect(e.bool("f", { tenantId: `t-${i}`, attributes: inside }, false)).toBe(
        plain.bool("f", { tenantId: `t-${i}` }, false),
      );
    }
  });

  it("a custom evaluator is not called for contexts outside the audience", () => {
    let calls = 0;
    const e = compileSnapshot(snapshot([flag([{ type: "custom", evaluator: "count", constraints: audience }])]), {
      customEvaluators: {
        count: () => {
          calls += 1;
          return true;
        },
      },
    });
    e.evaluate("f", { attributes: outside[0] });
    expect(calls).toBe(0);
    e.evaluate("f", { attributes: inside });
    expect(calls).toBe(1);
  });

  it("write-time checks name the rule, the condition and the problem", () => {
    const cases: [Partial<FlagRule>, string, RegExp][] = [
      [
        { type: "rollout", percentage: 5, constraints: "plan=enterprise" as never },
        "rules.0.constraints",
        /must be a list of conditions/,
      ],
      [
        { type: "rollout", percentage: 5, constraints: [{ attribute: "", operator: "eq", values: ["x"] }] },
        "rules.0.constraints.0.attribute",
        /non-empty string/,
      ],
      [
        { type: "rollout", percentage: 5, constraints: [{ attribute: "a", operator: "like" as never, values: ["x"] }] },
        "rules.0.constraints.0.operator",
        /must be one of in, not_in/,
      ],
      [
        { type: "rollout", percentage: 5, constraints: [{ attribute: "a", operator: "eq", values: [] }] },
        "rules.0.constraints.0.values",
        /needs a non-empty list/,
      ],
      [
        { type: "rollout", percentage: 5, constraints: [{ attribute: "a", operator: "exists", values: ["x"] }] },
        "rules.0.constraints.0.values",
        /exists takes no values/,
      ],
      [
        {
          type: "rollout",
          percentage: 5,
          constraints: [{ attribute: "a", operator: "eq", values: ["x"], inverted: "yes" as never }],
        },
        "rules.0.constraints.0.inverted",
        /boolean/,
      ],
      [
        { type: "rollout", percentage: 5, constraints: [{ attribute: "a", operator: "lt", values: ["ten"] }] },
        "rules.0.constraints.0.values",
        /operator lt needs a number/,
      ],
      [
        { type: "rollout", percentage: 5, constraints: [{ attribute: "a", operator: "before", values: ["soon"] }] },
        "rules.0.constraints.0.values",
        /ISO-8601/,
      ],
      [{ type: "rollout", percentage: 5, segments: ["a", "a"] }, "rules.0.segments", /segment "a" is named twice/],
      [{ type: "rollout", percentage: 5, segments: [""] }, "rules.0.segments.0", /non-empty string/],
      [
        {
          type: "rollout",
          percentage: 5,
          constraints: Array.from({ length: 101 }, () => ({ attribute: "a", operator: "exists" })) as never,
        },
        "rules.0.constraints",
        /at most 100/,
      ],
    ];
    for (const [rule, path, message] of cases) {
      const error = definitionError(() => checkFlag(flag([{ type: "when_user", users: ["u"] }, rule])));
      expect(error.code).toBe("VALIDATION");
      expect(error.path.replace("rules.1", "rules.0"), JSON.stringify(rule)).toBe(path);
      expect(error.message).toMatch(message);
    }
  });

  it("checkFlag keeps constraints and segments, dropping empty lists", () => {
    const checked = checkFlag(
      flag([
        { type: "rollout", percentage: 5, constraints: audience, segments: ["eu"] },
        { type: "when_user", users: ["u"], constraints: [], segments: [] },
      ]),
    );
    expect(checked.rules?.[0]).toMatchObject({ constraints: audience, segments: ["eu"] });
    expect(checked.rules?.[1]).not.toHaveProperty("constraints");
    expect(checked.rules?.[1]).not.toHaveProperty("segments");
  });
});

describe("segments", () => {
  const enterpriseEu: Segment = {
    key: "enterprise-eu",
    constraints: [
      { attribute: "plan", operator: "eq", values: ["enterprise"] },
      { attribute: "region", operator: "starts_with", values: ["eu-"] },
    ],
  };
  const staff: Segment = {
    key: "staff",
    constraints: [{ attribute: "email", operator: "regex", values: ["@acme\\.com$"] }],
  };

  it("a rule naming segments matches only when all of them match (and its own constraints and test)", () => {
    const e = compileSnapshot(
      snapshot(
        [
          flag([
            { type: "rollout", percentage: 100, segments: ["enterprise-eu", "staff"] },
            { type: "when_user", users: ["u1"], segments: ["enterprise-eu"], value: true },
          ]),
        ],
        [enterpriseEu, staff],
      ),
      { regexEngine: re2 },
    );
    const both = { plan: "enterprise", region: "eu-west", email: "jo@acme.com" };
    expect(e.evaluate("f", { tenantId: "t", attributes: both })).toMatchObject({ value: true, ruleId: "r0" });
    expect(e.evaluate("f", { tenantId: "t", attributes: { ...both, email: "jo@other.com" } }).reason).toBe("DEFAULT");
    expect(e.evaluate("f", { tenantId: "t", userId: "u1", attributes: { ...both, email: "x" } })).toMatchObject({
      ruleId: "r1",
    });
    expect(e.evaluate("f", { userId: "u1", attributes: { ...both, region: "us-east" } }).reason).toBe("DEFAULT");
  });

  it("one segment serves every flag that names it; changing it changes them all", () => {
    const flags = ["a", "b", "c"].map((key) => ({
      ...flag([{ type: "when_tenant", tenants: ["t"], segments: ["enterprise-eu"] }]),
      key,
    }));
    const before = compileSnapshot(snapshot(flags, [enterpriseEu]));
    const after = compileSnapshot(
      snapshot(flags, [{ ...enterpriseEu, constraints: [{ attribute: "plan", operator: "eq", values: ["team"] }] }]),
    );
    const ctx = { tenantId: "t", attributes: { plan: "enterprise", region: "eu-north" } };
    expect(Object.values(before.evaluateAll(ctx)).map((r) => r.value)).toEqual([true, true, true]);
    expect(Object.values(after.evaluateAll(ctx)).map((r) => r.value)).toEqual([false, false, false]);
  });

  it("a rule naming a segment the snapshot lacks, or a broken one, is skipped and says why", () => {
    const rules = [
      { type: "when_tenant", tenants: ["t"], segments: ["gone"] },
      { type: "when_tenant", tenants: ["t"], segments: ["broken"] },
      { type: "when_tenant", tenants: ["t"], segments: ["staff"] },
    ] as Partial<FlagRule>[];
    const e = compileSnapshot(
      snapshot(
        rules.map((rule, i) => ({ ...flag([rule]), key: `f${i}` })),
        [{ key: "broken", constraints: [{ attribute: "a", operator: "lt", values: ["x"] }] }, staff],
      ),
    );
    expect(e.evaluate("f0", { tenantId: "t" })).toMatchObject({
      value: false,
      reason: "DEFAULT",
      detail: 'rule r0 skipped: segment "gone" is not in the snapshot',
    });
    expect(e.evaluate("f1", { tenantId: "t" }).detail).toMatch(
      /^rule r0 skipped: segment "broken" cannot be evaluated: constraints\.0\.values: operator lt needs a number/,
    );
    expect(e.evaluate("f2", { tenantId: "t", attributes: { email: "a@acme.com" } }).detail).toBe(
      'rule r0 skipped: segment "staff" has a regex condition and no regex engine was given',
    );
    expect(e.problems).toEqual([
      { flagKey: "", segmentKey: "broken", message: "constraints.0.values: operator lt needs a number" },
    ]);
  });

  it("checkSegment names the problem; an empty segment is refused", () => {
    expect(definitionError(() => checkSegment({ key: "s", constraints: [] })).message).toBe(
      "constraints: a segment needs at least one condition",
    );
    expect(
      definitionError(() =>
        checkSegment(
          { key: "s", constraints: [{ attribute: "a", operator: "regex", values: ["(?=x)"] }] },
          { regexEngine: re2 },
        ),
      ).path,
    ).toBe("constraints.0.values.0");
    expect(checkSegment(enterpriseEu)).toEqual(enterpriseEu);
  });
});

describe("individual targets (user overrides)", () => {
  const f: SnapshotFlag = {
    key: "limit",
    type: "int",
    defaultValue: 10,
    enabled: true,
    prerequisites: [],
    rules: [{ id: "r", priority: 0, type: "when_tenant", tenants: ["acme"], value: 20 }],
    overrides: [{ tenantId: "acme", value: 30 }],
    userOverrides: [{ userId: "alice", value: 99 }],
  };

  it("user beats tenant beats rules; everyone else as before", () => {
    const e = compileSnapshot(snapshot([f]));
    expect(e.evaluate("limit", { tenantId: "acme", userId: "alice" })).toEqual({
      value: 99,
      reason: "TARGETING_MATCH",
    });
    expect(e.evaluate("limit", { tenantId: "globex", userId: "alice" })).toEqual({
      value: 99,
      reason: "TARGETING_MATCH",
    });
    expect(e.evaluate("limit", { tenantId: "acme", userId: "bob" })).toEqual({ value: 30, reason: "TARGETING_MATCH" });
    expect(e.evaluate("limit", { tenantId: "globex", userId: "bob" })).toEqual({ value: 10, reason: "DEFAULT" });
  });

  it("a disabled flag or an unmet prerequisite still wins over a user override", () => {
    expect(compileSnapshot(snapshot([{ ...f, enabled: false }])).evaluate("limit", { userId: "alice" }).reason).toBe(
      "DISABLED",
    );
    const gated = compileSnapshot(snapshot([{ ...f, prerequisites: [{ flagKey: "missing", value: true }] }]));
    expect(gated.evaluate("limit", { userId: "alice" })).toMatchObject({ value: 10, reason: "DEFAULT" });
  });

  it("values are checked against the type; a user may appear once", () => {
    expect(definitionError(() => checkFlag({ ...f, userOverrides: [{ userId: "a", value: "x" }] }))).toMatchObject({
      code: "TYPE_MISMATCH",
      path: "userOverrides.0.value",
    });
    expect(
      definitionError(() =>
        checkFlag({
          ...f,
          userOverrides: [
            { userId: "a", value: 1 },
            { userId: "a", value: 2 },
          ],
        }),
      ).message,
    ).toBe("userOverrides.1.userId: user a is overridden twice");
  });
});

describe("snapshot format", () => {
  it("a format-1 snapshot (no format field, no segments) compiles and evaluates as before", () => {
    const old = {
      revision: 4,
      appId: "legacy",
      flags: [
        {
          key: "f",
          type: "bool",
          defaultValue: false,
          enabled: true,
          version: 3,
          rules: [
            {
              id: "r",
              priority: 0,
              type: "when_attribute",
              attribute: "plan",
              operator: "in",
              values: ["pro"],
              value: true,
            },
            { id: "s", priority: 1, type: "rollout", percentage: 100, value: true },
          ],
          overrides: [{ tenantId: "x", value: true }],
        },
      ],
    };
    const e = compileSnapshot(old);
    expect(e.problems).toEqual([]);
    expect(e.evaluate("f", { attributes: { plan: "pro" } })).toEqual({
      value: true,
      reason: "TARGETING_MATCH",
      ruleId: "r",
    });
    expect(e.evaluate("f", { tenantId: "t" })).toEqual({ value: true, reason: "SPLIT", ruleId: "s" });
  });

  it("a newer format is refused flag by flag (PARSE_ERROR: callers get their defaults), never half-read", () => {
    const e = compileSnapshot({ ...snapshot([flag([{ type: "rollout", percentage: 100 }])]), format: 3 });
    expect(e.evaluate("f", { tenantId: "t" })).toMatchObject({ reason: "ERROR", errorCode: "PARSE_ERROR" });
    expect(e.bool("f", { tenantId: "t" }, false)).toBe(false);
    expect(e.problems[0]?.message).toMatch(/snapshot format 3 is not one this engine reads \(1 to 2\)/);
    expect(compileSnapshot({ ...snapshot([flag([])]), format: "2" }).problems).toHaveLength(1);
  });
});

describe("onEvaluation (the seam usage counting plugs into)", () => {
  it("sees every evaluation of a known flag, through every entry point, and nothing for unknown keys", () => {
    const seen: [string, string | undefined][] = [];
    const e = compileSnapshot(
      snapshot([
        flag([{ type: "when_user", users: ["u"], value: undefined, variant: "on" }], { variants: { on: true } }),
        { key: "g", type: "int", defaultValue: 1, enabled: false },
      ]),
      { onEvaluation: (key, result) => seen.push([key, result.variant]) },
    );
    e.evaluate("f", { userId: "u" });
    e.bool("f", {}, false);
    e.int("g", {}, 0);
    e.evaluateAll({ userId: "u" });
    e.evaluate("missing");
    e.bool("missing", {}, true);
    expect(seen).toEqual([
      ["f", "on"],
      ["f", undefined],
      ["g", undefined],
      ["f", "on"],
      ["g", undefined],
    ]);
  });

  it("a hook that throws changes nothing", () => {
    const e = compileSnapshot(snapshot([flag([{ type: "when_user", users: ["u"] }])]), {
      onEvaluation: () => {
        throw new Error("counter broke");
      },
    });
    expect(e.evaluate("f", { userId: "u" })).toMatchObject({ value: true, ruleId: "r0" });
    expect(e.evaluateAll({ userId: "u" }).f?.value).toBe(true);
  });
});

describe("compiling with the previous evaluator (a client applying a change)", () => {
  let compiled = 0;
  const counting: RegexEngine = {
    compile(pattern, options) {
      compiled += 1;
      return re2.compile(pattern, options);
    },
  };
  /** Flag `key`: true for user u whose attribute `a` matches `pattern` (one regex compiled per compile of it). */
  const matching = (key: string, pattern: string, extra: Partial<SnapshotFlag> = {}) =>
    flag(
      [{ type: "when_user", users: ["u"], constraints: [{ attribute: "a", operator: "regex", values: [pattern] }] }],
      { key, ...extra },
    );
  const on = (e: ReturnType<typeof compileSnapshot>, key: string, a: string) =>
    e.bool(key, { userId: "u", attributes: { a } }, false);

  it("takes the flags the snapshot did not change from it and compiles the changed ones", () => {
    compiled = 0;
    const first = compileSnapshot(snapshot([matching("a", "^x"), matching("b", "^y")]), { regexEngine: counting });
    expect(compiled).toBe(2);
    const second = compileSnapshot(snapshot([matching("a", "^x"), matching("b", "^z"), matching("c", "^w")]), {
      regexEngine: counting,
      previous: first,
    });
    expect(compiled).toBe(4); // b changed, c is new; a was taken as it was
    expect([on(second, "a", "x1"), on(second, "b", "z1"), on(second, "b", "y1"), on(second, "c", "w1")]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(second.keys).toEqual(["a", "b", "c"]);
    // The evaluator it came from is not changed by the next compile.
    expect([on(first, "b", "y1"), first.has("c")]).toEqual([true, false]);
  });

  it("compiles every flag again when the segments, the regex engine, the custom evaluators or the clock differ", () => {
    const flags = [matching("a", "^x"), matching("b", "^y")];
    const first = compileSnapshot(snapshot(flags), { regexEngine: counting });
    const again = (options: Parameters<typeof compileSnapshot>[1], segments?: Segment[]) => {
      compiled = 0;
      compileSnapshot(snapshot(flags, segments), { ...options, previous: first });
      return compiled;
    };
    expect(again({ regexEngine: counting })).toBe(0);
    expect(again({ regexEngine: counting }, [{ key: "s", constraints: [] }])).toBe(2);
    expect(again({ regexEngine: { compile: (p, o) => counting.compile(p, o) } })).toBe(2);
    expect(again({ regexEngine: counting, customEvaluators: {} })).toBe(2);
    expect(again({ regexEngine: counting, clock: new ManualClock(new Date("2026-01-01T00:00:00Z")) })).toBe(2);
  });

  it("compiles a flag that requires another again, so that it sees the other's new definition", () => {
    const requiresB = flag([{ type: "when_user", users: ["u"] }], {
      key: "a",
      prerequisites: [{ flagKey: "b", value: true }],
    });
    const b = (defaultValue: boolean) => flag([], { key: "b", defaultValue });
    const first = compileSnapshot(snapshot([requiresB, b(true)]));
    expect(first.bool("a", { userId: "u" }, false)).toBe(true);
    const second = compileSnapshot(snapshot([requiresB, b(false)]), { previous: first });
    expect(second.evaluate("a", { userId: "u" })).toMatchObject({ value: false, detail: 'prerequisite "b" not met' });
  });
});
