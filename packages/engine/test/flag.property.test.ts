import { ATTRIBUTE_OPERATORS, compileSnapshot, type RegexEngine } from "@vault/engine";
import fc from "fast-check";
import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";

const re2: RegexEngine = {
  compile(pattern, { caseInsensitive }) {
    const compiled = RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    return (text) => compiled.test(text);
  },
};

/** Conditions as stored data could hold them: mostly sensible, sometimes not. */
const conditionArb = fc.oneof(
  fc.record(
    {
      attribute: fc.constantFrom("a", "b", "tenantId", "userId", "tenantTags", "constructor", "__proto__", ""),
      operator: fc.constantFrom(...ATTRIBUTE_OPERATORS, "nope"),
      values: fc.oneof(
        fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxLength: 3 }),
        fc.constantFrom(["1.2.3"], [5], ["2026-01-01T00:00:00Z"], ["10.0.0.0/8", "2001:db8::/32"], ["^a+$", "(b|c)"]),
        fc.constantFrom(["(?=x)"], ["("], undefined),
      ),
      inverted: fc.oneof(fc.boolean(), fc.anything()),
      caseInsensitive: fc.oneof(fc.boolean(), fc.anything()),
    },
    { requiredKeys: ["attribute", "operator"] },
  ),
  fc.anything(),
);
const constraintsArb = fc.oneof(fc.array(conditionArb, { maxLength: 3 }), fc.anything());
const segmentsArb = fc.oneof(
  fc.array(fc.record({ key: fc.constantFrom("s1", "s2", "s3"), constraints: constraintsArb }), { maxLength: 3 }),
  fc.anything(),
);

const ruleArb = fc.oneof(
  fc.record({ type: fc.constant("when_tenant"), tenants: fc.array(fc.string(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant("when_tenant_tag"), tags: fc.array(fc.string(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant("when_user"), users: fc.array(fc.string(), { minLength: 1, maxLength: 3 }) }),
  fc.record({
    type: fc.constant("when_attribute"),
    attribute: fc.constantFrom("a", "b", "constructor", "__proto__"),
    operator: fc.constantFrom(...ATTRIBUTE_OPERATORS),
    values: fc.oneof(
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean()), { minLength: 1, maxLength: 3 }),
      fc.constantFrom(["1.2.3"], [5], ["2026-01-01T00:00:00Z"]),
    ),
  }),
  fc.record({
    type: fc.constant("rollout"),
    percentage: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double()),
    stickiness: fc.constantFrom(undefined, "tenant", "user", "a"),
  }),
  fc.record({ type: fc.constant("schedule"), from: fc.constantFrom(undefined, "2026-01-01T00:00:00Z", "junk") }),
  fc.record({ type: fc.constant("custom"), evaluator: fc.constantFrom("known", "unknown", "throws") }),
);

/** Flags that are mostly well-formed, with arbitrary values sprinkled in where stored data could be wrong. */
const storedFlagArb = fc.record({
  key: fc.constantFrom("a", "b", "c"),
  type: fc.constantFrom("bool", "string", "int", "float", "json", "nonsense"),
  defaultValue: fc.oneof(fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.jsonValue(), fc.anything()),
  enabled: fc.oneof(fc.boolean(), fc.anything()),
  rules: fc.oneof(
    fc.array(
      fc
        .tuple(
          ruleArb,
          fc.integer({ min: 0, max: 5 }),
          fc.oneof(fc.boolean(), fc.anything()),
          fc.option(constraintsArb, { nil: undefined }),
          fc.option(fc.oneof(fc.subarray(["s1", "s2", "s4"]), fc.anything()), { nil: undefined }),
        )
        .map(([rule, priority, value, constraints, segments]) => ({
          ...rule,
          id: `r${priority}`,
          priority,
          value,
          ...(constraints === undefined ? {} : { constraints }),
          ...(segments === undefined ? {} : { segments }),
        })),
      { maxLength: 5 },
    ),
    fc.anything(),
  ),
  prerequisites: fc.oneof(
    fc.constant(undefined),
    fc.array(fc.record({ flagKey: fc.constantFrom("a", "b", "c"), value: fc.jsonValue() }), { maxLength: 2 }),
  ),
  overrides: fc.oneof(
    fc.constant(undefined),
    fc.array(fc.record({ tenantId: fc.string(), value: fc.anything() }), { maxLength: 2 }),
  ),
  userOverrides: fc.oneof(
    fc.constant(undefined),
    fc.array(fc.record({ userId: fc.string(), value: fc.oneof(fc.boolean(), fc.anything()) }), { maxLength: 2 }),
    fc.anything(),
  ),
});

const contextArb = fc.oneof(
  fc.anything(),
  fc.record(
    {
      tenantId: fc.oneof(fc.string(), fc.anything()),
      userId: fc.oneof(fc.string(), fc.anything()),
      tenantTags: fc.oneof(fc.array(fc.string()), fc.anything()),
      attributes: fc.oneof(
        fc.dictionary(
          fc.constantFrom("a", "b", "constructor"),
          fc.oneof(fc.anything(), fc.ipV4(), fc.ipV6(), fc.constantFrom("1.2.3", "aaa", "10.1.2.3", "::ffff:10.0.0.1")),
        ),
        fc.anything(),
      ),
    },
    { requiredKeys: [] },
  ),
);

describe("engine properties", () => {
  it("never throws for arbitrary stored flags and arbitrary contexts; accessors keep their types", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(storedFlagArb, { maxLength: 3 }), fc.anything()),
        segmentsArb,
        fc.constantFrom(undefined, 1, 2, 3, "2"),
        fc.boolean(),
        fc.array(contextArb, { minLength: 1, maxLength: 4 }),
        (flags, segments, format, withRegex, contexts) => {
          const evaluator = compileSnapshot(
            { revision: 1, appId: "p", flags, segments, ...(format === undefined ? {} : { format }) },
            {
              ...(withRegex ? { regexEngine: re2 } : {}),
              customEvaluators: {
                known: (ctx) => typeof ctx.tenantId === "string",
                throws: () => {
                  throw new Error("x");
                },
              },
            },
          );
          for (const ctx of contexts) {
            for (const key of ["a", "b", "c", "zzz"]) {
              const r = evaluator.evaluate(key, ctx as never);
              expect(typeof r.reason).toBe("string");
              expect(typeof evaluator.bool(key, ctx as never, true)).toBe("boolean");
              expect(typeof evaluator.string(key, ctx as never, "d")).toBe("string");
              expect(Number.isInteger(evaluator.int(key, ctx as never, 1))).toBe(true);
              expect(typeof evaluator.float(key, ctx as never, 1.5)).toBe("number");
              evaluator.json(key, ctx as never, null);
            }
            expect(typeof evaluator.evaluateAll(ctx as never)).toBe("object");
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("compiling with the previous evaluator gives the same results as compiling afresh", () => {
    const options = {
      regexEngine: re2,
      customEvaluators: { known: (ctx: { tenantId?: unknown }) => typeof ctx.tenantId === "string" },
    };
    fc.assert(
      fc.property(
        fc.array(storedFlagArb, { maxLength: 4 }),
        fc.array(fc.option(storedFlagArb, { nil: undefined }), { maxLength: 4 }),
        segmentsArb,
        fc.option(segmentsArb, { nil: undefined }),
        fc.array(contextArb, { minLength: 1, maxLength: 3 }),
        (before, changes, segments, newSegments, contexts) => {
          // The next snapshot keeps some flags as they were, changes or adds others, and may change the segments.
          const after = [
            ...before.map((flag, i) => changes[i] ?? flag),
            ...changes.slice(before.length).filter(Boolean),
          ];
          const next = { revision: 2, appId: "p", flags: after, segments: newSegments ?? segments };
          const previous = compileSnapshot({ revision: 1, appId: "p", flags: before, segments }, options);
          const reused = compileSnapshot(next, { ...options, previous });
          const fresh = compileSnapshot(next, options);
          expect(reused.keys).toEqual(fresh.keys);
          expect(reused.problems).toEqual(fresh.problems);
          for (const ctx of contexts) expect(reused.evaluateAll(ctx as never)).toEqual(fresh.evaluateAll(ctx as never));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("a tenant inside a rollout at p stays inside at every p' > p", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (groupId, tenantId, x, y) => {
          const [p, q] = x <= y ? [x, y] : [y, x];
          const at = (percentage: number) =>
            compileSnapshot({
              revision: 1,
              appId: "p",
              flags: [
                {
                  key: "f",
                  type: "bool",
                  defaultValue: false,
                  enabled: true,
                  rules: [{ id: "r", priority: 0, type: "rollout", percentage, groupId, value: true }],
                },
              ],
            }).bool("f", { tenantId }, false);
          if (at(p)) expect(at(q)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("100,000 random ids at 30% land within 29–31%", () => {
    const evaluator = compileSnapshot({
      revision: 1,
      appId: "p",
      flags: [
        {
          key: "checkout-v2",
          type: "bool",
          defaultValue: false,
          enabled: true,
          rules: [{ id: "r", priority: 0, type: "rollout", percentage: 30, value: true }],
        },
      ],
    });
    const ids = fc.sample(fc.uuid(), { numRuns: 100_000, seed: 42 });
    let inside = 0;
    for (const tenantId of ids) if (evaluator.bool("checkout-v2", { tenantId }, false)) inside += 1;
    const share = inside / ids.length;
    expect(share).toBeGreaterThanOrEqual(0.29);
    expect(share).toBeLessThanOrEqual(0.31);
  });
});
