import { createHash } from "node:crypto";
import { isVaultError } from "@vault/core";
import fc from "fast-check";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { generateApiKey } from "../src/auth/apikeys";
import { KeyDigestCache, sha256Words } from "../src/auth/key-digest";
import { HttpMetrics, LATENCY_BUCKETS } from "../src/http/metrics";
import { paramsValidator } from "../src/http/route";
import { evaluationContext, isPlainEvaluationContext } from "../src/routes/flags";

// The per-request parts of the route pipeline that keep state of their own: the HTTP metrics (plain counts read at
// scrape time) and the remembered path-parameter validation. No database.

describe("HttpMetrics", () => {
  const scrape = (registry: Registry) => registry.metrics();

  it("exports counts by status and a cumulative latency histogram in Prometheus text", async () => {
    const registry = new Registry();
    const metrics = new HttpMetrics(registry);
    const route = metrics.route("/v1/apps/:appId/flags/:key/evaluate", "POST");
    route.observe(200, 0.2); // 0.0002 s: first bucket
    route.observe(200, 3); // 0.003 s: le=0.005
    route.observe(404, 10_000); // 10 s: above every bound
    metrics.observe("unmatched", "GET", 404, 1);
    const text = await scrape(registry);
    const labels = 'route="/v1/apps/:appId/flags/:key/evaluate",method="POST"';
    expect(text).toContain(`vault_http_requests_total{${labels},status="200"} 2\n`);
    expect(text).toContain(`vault_http_requests_total{${labels},status="404"} 1\n`);
    expect(text).toContain('vault_http_requests_total{route="unmatched",method="GET",status="404"} 1\n');
    expect(text).toContain("# TYPE vault_http_requests_total counter");
    expect(text).toContain("# TYPE vault_http_request_duration_seconds histogram");
    const bucket = (le: string) => {
      const line = `vault_http_request_duration_seconds_bucket{${labels},le="${le}"} `;
      const at = text.indexOf(line);
      return at === -1 ? Number.NaN : Number(text.slice(at + line.length).split("\n")[0]);
    };
    expect(bucket("0.0005")).toBe(1);
    expect(bucket("0.0025")).toBe(1);
    expect(bucket("0.005")).toBe(2);
    expect(bucket(String(LATENCY_BUCKETS[LATENCY_BUCKETS.length - 1]))).toBe(2);
    expect(bucket("+Inf")).toBe(3);
    expect(text).toContain(`vault_http_request_duration_seconds_count{${labels}} 3\n`);
    const sum = Number(new RegExp(`vault_http_request_duration_seconds_sum\\{${labels}\\} (\\S+)`).exec(text)?.[1]);
    expect(sum).toBeCloseTo(10.0032, 6);
  });

  it("keeps counting into the same series after a reset", async () => {
    const registry = new Registry();
    const metrics = new HttpMetrics(registry);
    const route = metrics.route("/health", "GET");
    route.observe(200, 1);
    registry.resetMetrics();
    expect(await scrape(registry)).not.toContain('status="200"} 1');
    route.observe(200, 1);
    expect(await scrape(registry)).toContain(
      'vault_http_requests_total{route="/health",method="GET",status="200"} 1\n',
    );
  });
});

describe("paramsValidator", () => {
  const schema = z.object({ appId: z.string().regex(/^[a-z]+$/), key: z.string().min(1) });

  it("validates with the schema and hands back the same frozen result for the same values", () => {
    const validate = paramsValidator(schema);
    const first = validate({ appId: "shop", key: "beta" });
    expect(first).toEqual({ appId: "shop", key: "beta" });
    expect(Object.isFrozen(first)).toBe(true);
    expect(validate({ appId: "shop", key: "beta" })).toBe(first);
  });

  it("never answers one parameter set with another's result, whatever characters they hold", () => {
    const validate = paramsValidator(z.object({ a: z.string(), b: z.string() }));
    const sets = [
      { a: "x\u0000", b: "y" },
      { a: "x", b: "\u0000y" },
      { a: "1:x", b: "" },
      { a: "", b: "1:x" },
      { a: "x1:", b: "" },
    ];
    for (const set of sets) validate(set);
    for (const set of sets) expect(validate(set)).toEqual(set);
  });

  it("rejects invalid values every time, naming the field, and remembers nothing for them", () => {
    const validate = paramsValidator(schema);
    for (let attempt = 0; attempt < 2; attempt++) {
      let caught: unknown;
      try {
        validate({ appId: "Not Valid", key: "beta" });
      } catch (error) {
        caught = error;
      }
      expect(isVaultError(caught) && caught.code).toBe("VALIDATION");
      expect((caught as Error).message).toContain("params.appId");
    }
  });

  it("stays bounded: after many distinct values it still validates correctly", () => {
    const validate = paramsValidator(schema);
    for (let i = 0; i < 3000; i++) expect(validate({ appId: "shop", key: `k${i}` }).key).toBe(`k${i}`);
    expect(() => validate({ appId: "UPPER", key: "k1" })).toThrow(/params\.appId/);
  });
});

describe("isPlainEvaluationContext", () => {
  const schema = evaluationContext.optional();

  it("accepts only bodies zod accepts and returns unchanged (property)", () => {
    const text = fc.string({ maxLength: 260 });
    const anything = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.jsonValue());
    const body = fc.oneof(
      fc.constant(undefined),
      anything,
      fc.record(
        {
          tenantId: fc.oneof(text, anything),
          userId: fc.oneof(text, anything),
          tenantTags: fc.oneof(fc.array(text, { maxLength: 258 }), fc.array(anything), anything),
          attributes: fc.dictionary(fc.string(), fc.jsonValue()),
          other: fc.string(),
        },
        { requiredKeys: [] },
      ),
    );
    let fast = 0;
    fc.assert(
      fc.property(body, (b) => {
        if (!isPlainEvaluationContext(b)) return;
        fast += 1;
        const parsed = schema.safeParse(b);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(b);
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(100);
  });

  it("leaves attributes, unknown fields and anything invalid to zod", () => {
    expect(isPlainEvaluationContext({ tenantId: "acme", userId: "u-1", tenantTags: ["eu"] })).toBe(true);
    expect(isPlainEvaluationContext(undefined)).toBe(true);
    expect(isPlainEvaluationContext({ attributes: { plan: "pro" } })).toBe(false);
    expect(isPlainEvaluationContext({ tenantId: "acme", extra: 1 })).toBe(false);
    expect(isPlainEvaluationContext({ tenantId: "x".repeat(257) })).toBe(false);
    expect(isPlainEvaluationContext({ tenantTags: [1] })).toBe(false);
    expect(isPlainEvaluationContext(null)).toBe(false);
    expect(isPlainEvaluationContext([])).toBe(false);
  });
});

describe("the API-key digest cache", () => {
  const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();
  const asBytes = (words: Int32Array) => {
    const bytes = Buffer.alloc(32);
    for (let i = 0; i < 8; i++) bytes.writeInt32BE(words[i]!, i * 4);
    return bytes;
  };

  it("hashes with SHA-256, for API keys and any other input (property)", () => {
    for (let i = 0; i < 50; i++) {
      const key = generateApiKey();
      expect(asBytes(sha256Words(key)).equals(sha256(key))).toBe(true);
    }
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
      maxLength: 80,
    });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string({ unit: "binary", maxLength: 80 })), (text) => {
        expect(asBytes(sha256Words(text)).equals(sha256(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // Every length around the one-block limit (55 bytes), and the empty string.
    for (let n = 0; n <= 70; n++) expect(asBytes(sha256Words("k".repeat(n))).equals(sha256("k".repeat(n)))).toBe(true);
  });

  it("finds a value only by its exact key, and forgets it on delete", () => {
    const cache = new KeyDigestCache<string>();
    const [a, b] = [generateApiKey(), generateApiKey()];
    cache.set(a, "A");
    expect(cache.get(a)).toBe("A");
    expect(cache.get(b)).toBeUndefined();
    expect(cache.get(`${a.slice(0, -1)}x`)).toBeUndefined();
    cache.delete(b); // another key: nothing happens
    expect(cache.get(a)).toBe("A");
    cache.delete(a);
    expect(cache.get(a)).toBeUndefined();
    cache.set(a, "A");
    cache.set(b, "B");
    cache.deleteWhere((value) => value === "A");
    expect([cache.get(a), cache.get(b)]).toEqual([undefined, "B"]);
  });

  it("keeps two keys whose digests share a slot apart: they take turns, never answer for each other", () => {
    // 30 bits of the digest pick the slot: among ~100k keys two share one (birthday bound); find such a pair.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; pair === undefined; i++) {
      const key = `vault_collision_test_${i}`;
      const slot = sha256(key).readInt32BE(0) >> 2;
      const other = seen.get(slot);
      if (other === undefined) seen.set(slot, key);
      else pair = [other, key];
    }
    const [first, second] = pair;
    const cache = new KeyDigestCache<string>();
    cache.set(first, "first");
    expect(cache.get(second)).toBeUndefined();
    cache.set(second, "second");
    expect([cache.get(first), cache.get(second)]).toEqual([undefined, "second"]);
    cache.delete(first); // not the one in the slot: it stays
    expect(cache.get(second)).toBe("second");
    expect(cache.size).toBe(1);
  });
});
