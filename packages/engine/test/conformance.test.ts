import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bucketOf, compileSnapshot, murmur3String, PrefixHasher, ROLLOUT_SEED, VARIANT_SEED } from "@vault/engine";
import { describe, expect, it } from "vitest";

interface RolloutVector {
  groupId: string;
  stickinessValue: string;
  percentage: number;
  bucket: number;
  enabled: boolean;
}
interface VariantVector {
  groupId: string;
  stickinessValue: string;
  variants: { name: string; weight: number }[];
  expected: string;
}

const vectors = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/rollout-vectors.json"), "utf8")) as {
  rollout: RolloutVector[];
  variants: VariantVector[];
};

describe("conformance vectors (shared/conformance/rollout-vectors.json)", () => {
  it("has the vectors", () => {
    expect(vectors.rollout.length).toBeGreaterThan(300);
    expect(vectors.variants.length).toBeGreaterThan(150);
  });

  it("murmur3 known answers (seed 0 and a seed)", () => {
    // Published MurmurHash3_x86_32 values.
    expect(murmur3String("", 0)).toBe(0);
    expect(murmur3String("", 1)).toBe(0x514e28b7);
    expect(murmur3String("hello", 0)).toBe(0x248bfa47);
    expect(murmur3String("The quick brown fox jumps over the lazy dog", 0)).toBe(0x2e4ff723);
  });

  it.each(vectors.rollout.map((v, i) => [i, v] as const))("rollout vector %i", (_i, v) => {
    const plain = bucketOf(murmur3String(`${v.groupId}:${v.stickinessValue}`, ROLLOUT_SEED));
    const prefixed = bucketOf(new PrefixHasher(`${v.groupId}:`, ROLLOUT_SEED).hash(v.stickinessValue));
    expect(plain).toBe(v.bucket);
    expect(prefixed).toBe(v.bucket);
    const evaluator = compileSnapshot({
      revision: 1,
      appId: "conformance",
      flags: [
        {
          key: "f",
          type: "bool",
          defaultValue: false,
          enabled: true,
          rules: [{ id: "r", priority: 0, type: "rollout", percentage: v.percentage, groupId: v.groupId, value: true }],
        },
      ],
    });
    const result = evaluator.evaluate("f", { tenantId: v.stickinessValue });
    expect(result.reason === "SPLIT").toBe(v.enabled);
    expect(evaluator.bool("f", { tenantId: v.stickinessValue }, false)).toBe(v.enabled);
  });

  it.each(vectors.variants.map((v, i) => [i, v] as const))("variant vector %i", (_i, v) => {
    const variants = Object.fromEntries(v.variants.map((x) => [x.name, `value-of-${x.name}`]));
    const evaluator = compileSnapshot({
      revision: 1,
      appId: "conformance",
      flags: [
        {
          key: "f",
          type: "string",
          defaultValue: "none",
          enabled: true,
          variants,
          rules: [
            {
              id: "r",
              priority: 0,
              type: "rollout",
              percentage: 100,
              groupId: v.groupId,
              stickiness: "user",
              variants: v.variants.map((x) => ({ variant: x.name, weight: x.weight })),
            },
          ],
        },
      ],
    });
    const result = evaluator.evaluate("f", { userId: v.stickinessValue });
    expect(result.reason).toBe("SPLIT");
    expect(result.variant).toBe(v.expected);
    expect(result.value).toBe(`value-of-${v.expected}`);
    // The same pick, computed by hand from the formula.
    const total = v.variants.reduce((s, x) => s + x.weight, 0);
    const target = (new PrefixHasher(`${v.groupId}:`, VARIANT_SEED).hash(v.stickinessValue) % total) + 1;
    let running = 0;
    const picked = v.variants.find((x) => {
      running += x.weight;
      return x.weight > 0 && running >= target;
    });
    expect(picked?.name).toBe(v.expected);
  });
});
