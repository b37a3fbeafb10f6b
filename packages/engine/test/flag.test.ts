import { ManualClock } from "@vault/core";
import {
  checkFlag,
  compileSnapshot,
  FlagDefinitionError,
  type FlagRule,
  type FlagSnapshot,
  type RuleCommon,
  type RuleCondition,
  type SnapshotFlag,
} from "@vault/engine";
import { describe, expect, it } from "vitest";

function snapshotOf(...flags: SnapshotFlag[]): FlagSnapshot {
  return { revision: 1, appId: "app", flags };
}

function boolFlag(
  rules: (Omit<RuleCommon, "id"> & RuleCondition)[] = [],
  extra: Partial<SnapshotFlag> = {},
): SnapshotFlag {
  return {
    key: "f",
    type: "bool",
    defaultValue: false,
    enabled: true,
    rules: rules.map((r, i) => ({ id: `r${i}`, ...r }) as FlagRule),
    ...extra,
  };
}

const tenants = Array.from({ length: 20 }, (_, i) => `tenant-${i}`);

function definitionError(fn: () => unknown): FlagDefinitionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FlagDefinitionError) return error;
    throw error;
  }
  throw new Error("expected a FlagDefinitionError");
}

describe("engine: evaluation order (DESIGN §6)", () => {
  it("a missing flag is FLAG_NOT_FOUND and accessors give the caller's default", () => {
    const e = compileSnapshot(snapshotOf());
    const r = e.evaluate("nope", {});
    expect(r).toMatchObject({ value: null, reason: "ERROR", errorCode: "FLAG_NOT_FOUND" });
    expect(e.bool("nope", {}, true)).toBe(true);
    expect(e.string("nope", {}, "x")).toBe("x");
  });

  it("a disabled flag returns its default with reason DISABLED, whatever the rules say", () => {
    const e = compileSnapshot(
      snapshotOf(
        boolFlag([{ priority: 0, type: "when_tenant", tenants: ["t1"], value: true }], {
          enabled: false,
          overrides: [{ tenantId: "t1", value: true }],
        }),
      ),
    );
    expect(e.evaluate("f", { tenantId: "t1" })).toEqual({ value: false, reason: "DISABLED" });
    expect(e.bool("f", { tenantId: "t1" }, true)).toBe(false);
  });

  it("no rules → STATIC; rules that do not match → DEFAULT", () => {
    const e = compileSnapshot(
      snapshotOf(boolFlag(), {
        ...boolFlag([{ priority: 0, type: "when_user", users: ["u"], value: true }]),
        key: "g",
      }),
    );
    expect(e.evaluate("f")).toEqual({ value: false, reason: "STATIC" });
    expect(e.evaluate("g", { userId: "other" })).toEqual({ value: false, reason: "DEFAULT" });
  });

  it("a tenant override beats every rule", () => {
    const e = compileSnapshot(
      snapshotOf({
        key: "limit",
        type: "int",
        defaultValue: 10,
        enabled: true,
        rules: [{ id: "r0", priority: 0, type: "when_tenant", tenants: ["acme"], value: 20 }],
        overrides: [{ tenantId: "acme", value: 99 }],
      }),
    );
    expect(e.evaluate("limit", { tenantId: "acme" })).toEqual({ value: 99, reason: "TARGETING_MATCH" });
    expect(e.int("limit", { tenantId: "acme" }, 0)).toBe(99);
    expect(e.int("limit", { tenantId: "globex" }, 0)).toBe(10);
  });

  it("rules run by priority (lower first) and the first match wins, whatever order they are stored in", () => {
    const e = compileSnapshot(
      snapshotOf({
        key: "color",
        type: "string",
        defaultValue: "grey",
        enabled: true,
        rules: [
          { id: "late", priority: 20, type: "when_user", users: ["u1"], value: "red" },
          { id: "early", priority: 5, type: "when_tenant", tenants: ["t1"], value: "blue" },
          { id: "mid", priority: 10, type: "when_user", users: ["u1", "u2"], value: "green" },
        ],
      }),
    );
    expect(e.evaluate("color", { tenantId: "t1", userId: "u1" })).toEqual({
      value: "blue",
      reason: "TARGETING_MATCH",
      ruleId: "early",
    });
    expect(e.evaluate("color", { userId: "u1" })).toMatchObject({ value: "green", ruleId: "mid" });
    expect(e.evaluate("color", { userId: "u3" })).toMatchObject({ value: "grey", reason: "DEFAULT" });
  });
});

describe("engine: rollouts", () => {
  const rollout = (percentage: number, extra: Record<string, unknown> = {}) =>
    compileSnapshot(snapshotOf(boolFlag([{ priority: 0, type: "rollout", percentage, value: true, ...extra }])));

  it("0% matches none and 100% matches all of 20 tenants", () => {
    const none = rollout(0);
    const all = rollout(100);
    for (const tenantId of tenants) {
      expect(none.evaluate("f", { tenantId }).reason).toBe("DEFAULT");
      expect(all.evaluate("f", { tenantId })).toEqual({ value: true, reason: "SPLIT", ruleId: "r0" });
    }
  });

  it("no stickiness value → no match (tenant by default, user, attribute)", () => {
    expect(rollout(100).evaluate("f", { userId: "u" }).reason).toBe("DEFAULT");
    expect(rollout(100).evaluate("f", { tenantId: "" }).reason).toBe("DEFAULT");
    expect(rollout(100, { stickiness: "user" }).evaluate("f", { tenantId: "t" }).reason).toBe("DEFAULT");
    expect(rollout(100, { stickiness: "user" }).evaluate("f", { userId: "u" }).reason).toBe("SPLIT");
    const byDevice = rollout(100, { stickiness: "deviceId" });
    expect(byDevice.evaluate("f", { tenantId: "t", attributes: {} }).reason).toBe("DEFAULT");
    expect(byDevice.evaluate("f", { attributes: { deviceId: "d1" } }).reason).toBe("SPLIT");
    expect(byDevice.evaluate("f", { attributes: { deviceId: 42 } }).reason).toBe("SPLIT");
    expect(byDevice.evaluate("f", { attributes: { deviceId: { nested: true } } }).reason).toBe("DEFAULT");
  });

  it("groupId defaults to the flag key, so two flags at 50% split tenants differently", () => {
    const flag = (key: string) => ({
      ...boolFlag([{ priority: 0, type: "rollout", percentage: 50, value: true }]),
      key,
    });
    const e = compileSnapshot(snapshotOf(flag("a"), flag("b")));
    const a = tenants.map((tenantId) => e.bool("a", { tenantId }, false));
    const b = tenants.map((tenantId) => e.bool("b", { tenantId }, false));
    expect(a).not.toEqual(b);
    // With an explicit shared groupId they agree.
    const shared = compileSnapshot(
      snapshotOf(
        { ...boolFlag([{ priority: 0, type: "rollout", percentage: 50, groupId: "g", value: true }]), key: "a" },
        { ...boolFlag([{ priority: 0, type: "rollout", percentage: 50, groupId: "g", value: true }]), key: "b" },
      ),
    );
    for (const tenantId of tenants) {
      expect(shared.bool("a", { tenantId }, false)).toBe(shared.bool("b", { tenantId }, false));
    }
  });

  it("hashes long and non-ASCII stickiness values (buffer growth, UTF-8)", () => {
    const e = rollout(100);
    expect(e.evaluate("f", { tenantId: "x".repeat(10_000) }).reason).toBe("SPLIT");
    expect(e.evaluate("f", { tenantId: "テナント-😀".repeat(500) }).reason).toBe("SPLIT");
  });
});

describe("engine: targeting rules", () => {
  const attr = (operator: string, values: unknown[]) =>
    compileSnapshot(
      snapshotOf(
        boolFlag([{ priority: 0, type: "when_attribute", attribute: "a", operator, values, value: true } as never]),
      ),
    );
  const matches = (operator: string, values: unknown[], a: unknown) =>
    attr(operator, values).evaluate("f", { attributes: { a } }).reason === "TARGETING_MATCH";

  it("when_tenant_tag matches any tag", () => {
    const e = compileSnapshot(
      snapshotOf(boolFlag([{ priority: 0, type: "when_tenant_tag", tags: ["beta", "internal"], value: true }])),
    );
    expect(e.bool("f", { tenantTags: ["free", "beta"] }, false)).toBe(true);
    expect(e.bool("f", { tenantTags: ["free"] }, false)).toBe(false);
    expect(e.bool("f", {}, false)).toBe(false);
  });

  it("in / not_in / eq / neq compare as strings, and arrays match on any element", () => {
    expect(matches("in", ["eu", "us"], "eu")).toBe(true);
    expect(matches("in", ["eu", "us"], "apac")).toBe(false);
    expect(matches("in", [5], 5)).toBe(true);
    expect(matches("in", ["5"], 5)).toBe(true);
    expect(matches("in", ["eu"], ["apac", "eu"])).toBe(true);
    expect(matches("not_in", ["eu"], "us")).toBe(true);
    expect(matches("not_in", ["eu"], "eu")).toBe(false);
    expect(matches("not_in", ["eu"], ["us", "eu"])).toBe(false);
    expect(matches("eq", [true], true)).toBe(true);
    expect(matches("eq", ["x"], "y")).toBe(false);
    expect(matches("neq", ["x"], "y")).toBe(true);
    expect(matches("neq", ["x"], "x")).toBe(false);
  });

  it("a missing attribute never matches, not even not_in/neq", () => {
    expect(attr("not_in", ["x"]).evaluate("f", { attributes: {} }).reason).toBe("DEFAULT");
    expect(attr("neq", ["x"]).evaluate("f", {}).reason).toBe("DEFAULT");
    // Prototype properties are not attributes.
    const proto = compileSnapshot(
      snapshotOf(
        boolFlag([
          {
            priority: 0,
            type: "when_attribute",
            attribute: "constructor",
            operator: "contains",
            values: ["F"],
            value: true,
          },
        ]),
      ),
    );
    expect(proto.evaluate("f", { attributes: {} }).reason).toBe("DEFAULT");
  });

  it("string operators", () => {
    expect(matches("starts_with", ["ab", "x"], "abc")).toBe(true);
    expect(matches("starts_with", ["b"], "abc")).toBe(false);
    expect(matches("ends_with", ["bc"], "abc")).toBe(true);
    expect(matches("ends_with", ["ab"], "abc")).toBe(false);
    expect(matches("contains", ["b"], "abc")).toBe(true);
    expect(matches("contains", ["z"], "abc")).toBe(false);
    expect(matches("contains", ["b"], ["a", "b"])).toBe(true);
    expect(matches("starts_with", ["1"], 12)).toBe(false);
  });

  it("numeric operators accept numbers and numeric strings", () => {
    expect(matches("lt", [10], 9)).toBe(true);
    expect(matches("lt", [10], 10)).toBe(false);
    expect(matches("lte", [10], 10)).toBe(true);
    expect(matches("gt", [10], "11")).toBe(true);
    expect(matches("gt", [10], 10)).toBe(false);
    expect(matches("gte", ["10"], 10)).toBe(true);
    expect(matches("gte", [10], "abc")).toBe(false);
    expect(matches("lt", [10], "")).toBe(false);
  });

  it("semver operators follow semver precedence", () => {
    expect(matches("semver_eq", ["1.2.3"], "1.2.3")).toBe(true);
    expect(matches("semver_eq", ["1.2.3"], "v1.2.3+build.5")).toBe(true);
    expect(matches("semver_lt", ["1.10.0"], "1.9.9")).toBe(true);
    expect(matches("semver_lt", ["1.0.0"], "1.0.0-rc.1")).toBe(true);
    expect(matches("semver_lt", ["1.0.0-rc.10"], "1.0.0-rc.2")).toBe(true);
    expect(matches("semver_lt", ["1.0.0-beta"], "1.0.0-alpha")).toBe(true);
    expect(matches("semver_gt", ["2.0.0"], "10.0.0")).toBe(true);
    expect(matches("semver_gt", ["2.0.0"], "not-a-version")).toBe(false);
    expect(matches("semver_gt", ["2.0.0"], 3)).toBe(false);
  });

  it("date operators compare instants (ISO strings or epoch ms)", () => {
    expect(matches("before", ["2026-01-01T00:00:00Z"], "2025-12-31T23:59:59Z")).toBe(true);
    expect(matches("before", ["2026-01-01T00:00:00Z"], "2026-01-01T00:00:00Z")).toBe(false);
    expect(matches("after", ["2026-01-01T00:00:00Z"], Date.parse("2026-06-01T00:00:00Z"))).toBe(true);
    expect(matches("after", ["2026-01-01T00:00:00Z"], "yesterday")).toBe(false);
  });

  it("schedule windows follow the injected clock, inclusive at both ends, open when a bound is missing", () => {
    const clock = new ManualClock("2026-03-01T00:00:00.000Z");
    const e = compileSnapshot(
      snapshotOf(
        boolFlag([
          { priority: 0, type: "schedule", from: "2026-03-10T00:00:00Z", until: "2026-03-20T00:00:00Z", value: true },
        ]),
        { ...boolFlag([{ priority: 0, type: "schedule", from: "2026-04-01T00:00:00Z", value: true }]), key: "from" },
        { ...boolFlag([{ priority: 0, type: "schedule", until: "2026-03-05T00:00:00Z", value: true }]), key: "until" },
      ),
      { clock },
    );
    expect(e.bool("f", {}, false)).toBe(false);
    expect(e.bool("until", {}, false)).toBe(true);
    clock.set("2026-03-10T00:00:00.000Z");
    expect(e.evaluate("f", {})).toMatchObject({ value: true, reason: "TARGETING_MATCH" });
    clock.set("2026-03-20T00:00:00.000Z");
    expect(e.bool("f", {}, false)).toBe(true);
    clock.set("2026-03-20T00:00:00.001Z");
    expect(e.bool("f", {}, false)).toBe(false);
    expect(e.bool("until", {}, false)).toBe(false);
    expect(e.bool("from", {}, false)).toBe(false);
    clock.set("2030-01-01T00:00:00.000Z");
    expect(e.bool("from", {}, false)).toBe(true);
  });

  it("custom evaluators: registered ones decide; unknown or throwing ones do not match and say why", () => {
    const flag = boolFlag([
      { priority: 0, type: "custom", evaluator: "isEven", params: { field: "n" }, value: true },
      { priority: 1, type: "when_user", users: ["u"], value: true },
    ]);
    const seen: unknown[] = [];
    const withIt = compileSnapshot(snapshotOf(flag), {
      customEvaluators: {
        isEven: (ctx, params, info) => {
          seen.push(params, info);
          return Number(ctx.attributes?.n) % 2 === 0;
        },
      },
    });
    expect(withIt.evaluate("f", { attributes: { n: 4 } })).toEqual({
      value: true,
      reason: "TARGETING_MATCH",
      ruleId: "r0",
    });
    expect(seen).toEqual([{ field: "n" }, { flagKey: "f", ruleId: "r0" }]);
    expect(withIt.evaluate("f", { attributes: { n: 3 } }).reason).toBe("DEFAULT");

    const without = compileSnapshot(snapshotOf(flag));
    const unknown = without.evaluate("f", { attributes: { n: 4 } });
    expect(unknown).toMatchObject({ value: false, reason: "DEFAULT" });
    expect(unknown.detail).toMatch(/custom evaluator "isEven" is not registered/);
    expect(unknown.errorCode).toBeUndefined();
    // A later rule still matches, and the skip is still reported.
    expect(without.evaluate("f", { userId: "u" })).toMatchObject({ value: true, ruleId: "r1" });
    expect(without.evaluate("f", { userId: "u" }).detail).toMatch(/isEven/);

    const throwing = compileSnapshot(snapshotOf(flag), {
      customEvaluators: new Map([
        [
          "isEven",
          () => {
            throw new Error("boom");
          },
        ],
      ]),
    });
    expect(throwing.evaluate("f", {}).detail).toMatch(/custom evaluator "isEven" threw/);
  });

  it("rules can return named variants", () => {
    const e = compileSnapshot(
      snapshotOf({
        key: "theme",
        type: "json",
        defaultValue: { color: "grey" },
        enabled: true,
        variants: { dark: { color: "black" }, light: { color: "white" } },
        rules: [{ id: "r", priority: 0, type: "when_user", users: ["u"], variant: "dark" }],
      }),
    );
    expect(e.evaluate("theme", { userId: "u" })).toEqual({
      value: { color: "black" },
      variant: "dark",
      reason: "TARGETING_MATCH",
      ruleId: "r",
    });
    expect(e.json("theme", { userId: "x" }, {})).toEqual({ color: "grey" });
  });
});

describe("engine: prerequisites", () => {
  const parent = (enabled: boolean): SnapshotFlag => ({
    key: "parent",
    type: "string",
    defaultValue: "off",
    enabled: true,
    rules: [{ id: "p", priority: 0, type: "when_tenant", tenants: ["t1"], value: enabled ? "on" : "off" }],
  });
  const child: SnapshotFlag = {
    key: "child",
    type: "bool",
    defaultValue: false,
    enabled: true,
    prerequisites: [{ flagKey: "parent", value: "on" }],
    overrides: [{ tenantId: "t1", value: true }],
  };

  it("an unmet prerequisite gives the default (before overrides), a met one lets the flag evaluate", () => {
    const met = compileSnapshot(snapshotOf(parent(true), child));
    expect(met.evaluate("child", { tenantId: "t1" })).toEqual({ value: true, reason: "TARGETING_MATCH" });
    expect(met.evaluate("child", { tenantId: "t2" })).toMatchObject({ value: false, reason: "DEFAULT" });
    const unmet = compileSnapshot(snapshotOf(parent(false), child));
    const r = unmet.evaluate("child", { tenantId: "t1" });
    expect(r).toMatchObject({ value: false, reason: "DEFAULT" });
    expect(r.detail).toBe('prerequisite "parent" not met');
    // A missing prerequisite flag is unmet too.
    expect(compileSnapshot(snapshotOf(child)).evaluate("child", { tenantId: "t1" }).reason).toBe("DEFAULT");
  });

  it("a layered prerequisite graph evaluates each flag once per evaluation (not once per path)", () => {
    // 8 flags per layer, 12 layers, every flag requiring all 8 of the layer below: 8^12 paths, 96 flags. Without
    // reusing results within an evaluation this does not finish.
    const width = 8;
    const depth = 12;
    const flags: SnapshotFlag[] = [];
    for (let layer = 0; layer < depth; layer++) {
      for (let i = 0; i < width; i++) {
        flags.push({
          key: `l${layer}-${i}`,
          type: "bool",
          defaultValue: true,
          enabled: true,
          rules: [{ id: `r${layer}-${i}`, priority: 0, type: "when_tenant", tenants: ["blocked"], value: false }],
          prerequisites:
            layer === 0
              ? []
              : Array.from({ length: width }, (_, j) => ({ flagKey: `l${layer - 1}-${j}`, value: true })),
        });
      }
    }
    const e = compileSnapshot(snapshotOf(...flags));
    expect(e.evaluate(`l${depth - 1}-0`, { tenantId: "t" })).toMatchObject({ value: true, reason: "DEFAULT" });
    // For "blocked" every flag's own rule answers false: layer 0 is false, so layer 1 finds its prerequisites unmet
    // (and answers its default, true), layer 2 finds them met and answers false by its rule, and so on.
    expect(e.evaluate(`l${depth - 1}-0`, { tenantId: "blocked" })).toMatchObject({ value: true, reason: "DEFAULT" });
    expect(e.evaluate(`l${depth - 1}-0`, { tenantId: "blocked" }).detail).toBe('prerequisite "l10-0" not met');
    expect(e.evaluate("l1-0", { tenantId: "blocked" }).detail).toBe('prerequisite "l0-0" not met');
  });

  it("a cycle in a hand-made snapshot compiles to PARSE_ERROR for the flags on it, never a hang", () => {
    const a: SnapshotFlag = { ...boolFlag(), key: "a", prerequisites: [{ flagKey: "b", value: true }] };
    const b: SnapshotFlag = { ...boolFlag(), key: "b", prerequisites: [{ flagKey: "a", value: true }] };
    const c: SnapshotFlag = { ...boolFlag(), key: "c", prerequisites: [{ flagKey: "a", value: true }] };
    const e = compileSnapshot(snapshotOf(a, b, c));
    expect(e.evaluate("a")).toMatchObject({ reason: "ERROR", errorCode: "PARSE_ERROR" });
    expect(e.evaluate("a").errorMessage).toMatch(/a → b → a/);
    expect(e.evaluate("c")).toMatchObject({ value: false, reason: "DEFAULT" });
    expect(e.problems.map((p) => p.flagKey).sort()).toEqual(["a", "b"]);
  });
});

describe("engine: typed accessors", () => {
  const e = compileSnapshot(
    snapshotOf(
      { key: "whole", type: "float", defaultValue: 99.0, enabled: true },
      { key: "half", type: "float", defaultValue: 99.5, enabled: true },
      { key: "name", type: "string", defaultValue: "x", enabled: true },
      { key: "on", type: "bool", defaultValue: true, enabled: true },
    ),
  );

  it("int on 99.0 gives 99 and on 99.5 the caller's default", () => {
    expect(e.int("whole", {}, -1)).toBe(99);
    expect(e.int("half", {}, -1)).toBe(-1);
    expect(e.float("half", {}, -1)).toBe(99.5);
  });

  it("a value of another type gives the caller's default", () => {
    expect(e.bool("name", {}, false)).toBe(false);
    expect(e.int("name", {}, 7)).toBe(7);
    expect(e.string("on", {}, "d")).toBe("d");
    expect(e.json("missing", {}, { d: 1 })).toEqual({ d: 1 });
    expect(e.json("name", {}, null)).toBe("x");
  });

  it("never throw, whatever they are given", () => {
    const hostile = {
      get tenantId(): string {
        throw new Error("nope");
      },
    };
    const f = compileSnapshot(
      snapshotOf(boolFlag([{ priority: 0, type: "rollout", percentage: 50, value: true }], { key: "r" })),
    );
    expect(f.bool("r", hostile as never, true)).toBe(true);
    expect(f.evaluate("r", hostile as never)).toMatchObject({ reason: "ERROR", errorCode: "GENERAL" });
    expect(f.bool(42 as never, null as never, true)).toBe(true);
    expect(f.evaluateAll(hostile as never).r?.errorCode).toBe("GENERAL");
  });
});

describe("engine: snapshots", () => {
  it("results and values are frozen; changing the input after compiling changes nothing", () => {
    const input = snapshotOf({
      key: "cfg",
      type: "json",
      defaultValue: { limit: 1 },
      enabled: true,
    });
    const e = compileSnapshot(input);
    (input.flags[0]!.defaultValue as { limit: number }).limit = 2;
    const r = e.evaluate("cfg");
    expect(r.value).toEqual({ limit: 1 });
    expect(Object.isFrozen(r)).toBe(true);
    expect(() => {
      (r.value as { limit: number }).limit = 3;
    }).toThrow();
  });

  it("evaluateAll evaluates every flag for one context", () => {
    const e = compileSnapshot(
      snapshotOf(boolFlag([{ priority: 0, type: "when_tenant", tenants: ["t"], value: true }]), {
        key: "n",
        type: "int",
        defaultValue: 3,
        enabled: false,
      }),
    );
    expect(e.evaluateAll({ tenantId: "t" })).toEqual({
      f: { value: true, reason: "TARGETING_MATCH", ruleId: "r0" },
      n: { value: 3, reason: "DISABLED" },
    });
    expect(e.keys).toEqual(["f", "n"]);
    expect(e.revision).toBe(1);
  });

  it("a broken flag evaluates to PARSE_ERROR and the rest still work; garbage compiles to nothing", () => {
    const e = compileSnapshot({
      revision: 3,
      appId: "a",
      flags: [{ key: "bad", type: "bool", defaultValue: "yes", enabled: true }, boolFlag(), 17, { key: "bad" }],
    });
    expect(e.evaluate("bad")).toMatchObject({ reason: "ERROR", errorCode: "PARSE_ERROR" });
    expect(e.evaluate("f").reason).toBe("STATIC");
    expect(e.problems.length).toBe(3);
    expect(compileSnapshot("garbage").keys).toEqual([]);
    expect(compileSnapshot(null).evaluate("x").errorCode).toBe("FLAG_NOT_FOUND");
  });
});

describe("engine: checkFlag (what the service validates on write)", () => {
  it("every value must match the flag's type: default, rule value, override, variant", () => {
    expect(definitionError(() => checkFlag({ key: "k", type: "int", defaultValue: 1.5, enabled: true })).code).toBe(
      "TYPE_MISMATCH",
    );
    const rule = definitionError(() =>
      checkFlag(boolFlag([{ priority: 0, type: "when_user", users: ["u"], value: "yes" }])),
    );
    expect(rule.code).toBe("TYPE_MISMATCH");
    expect(rule.path).toBe("rules.0.value");
    expect(definitionError(() => checkFlag(boolFlag([], { overrides: [{ tenantId: "t", value: 1 }] }))).path).toBe(
      "overrides.0.value",
    );
    expect(definitionError(() => checkFlag(boolFlag([], { variants: { on: "true" } }))).path).toBe("variants.on");
    expect(definitionError(() => checkFlag({ key: "j", type: "json", defaultValue: null, enabled: true })).code).toBe(
      "TYPE_MISMATCH",
    );
  });

  it("rejects duplicate priorities, unknown variants, bad operands and inverted windows", () => {
    const dup = definitionError(() =>
      checkFlag(
        boolFlag([
          { priority: 1, type: "when_user", users: ["u"], value: true },
          { priority: 1, type: "when_user", users: ["v"], value: true },
        ]),
      ),
    );
    expect(dup.code).toBe("VALIDATION");
    expect(dup.message).toMatch(/priority 1 is used twice/);
    expect(
      definitionError(() => checkFlag(boolFlag([{ priority: 0, type: "when_user", users: ["u"], variant: "x" }])))
        .message,
    ).toMatch(/unknown variant/);
    const bad = [
      { priority: 0, type: "when_attribute", attribute: "v", operator: "semver_gt", values: ["one"], value: true },
      { priority: 0, type: "when_attribute", attribute: "v", operator: "lt", values: ["x"], value: true },
      { priority: 0, type: "when_attribute", attribute: "v", operator: "lt", values: [1, 2], value: true },
      { priority: 0, type: "when_attribute", attribute: "v", operator: "before", values: ["soon"], value: true },
      { priority: 0, type: "when_attribute", attribute: "v", operator: "like", values: ["x"], value: true },
      { priority: 0, type: "rollout", percentage: 101, value: true },
      { priority: 0, type: "rollout", percentage: 12.5, value: true },
      { priority: 0, type: "schedule", from: "2026-02-01T00:00:00Z", until: "2026-01-01T00:00:00Z", value: true },
      { priority: 0, type: "when_tenant", tenants: [], value: true },
      { priority: 0, type: "when_tenant", tenants: ["t"] },
      { priority: 0, type: "custom", evaluator: "", value: true },
    ];
    for (const r of bad) {
      expect(definitionError(() => checkFlag(boolFlag([r as never]))).code, JSON.stringify(r)).toBe("VALIDATION");
    }
  });

  it("a flag cannot require itself", () => {
    expect(
      definitionError(() => checkFlag(boolFlag([], { prerequisites: [{ flagKey: "f", value: true }] }))).message,
    ).toMatch(/f → f/);
  });
});
