import { randomBytes } from "node:crypto";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AesGcm, aesGcm, aesGcmStatus, nativeAesGcm, nodeAesGcm } from "../src/index";

const native = nativeAesGcm();
const implementations: AesGcm[] = native ? [nodeAesGcm, native] : [nodeAesGcm];

function sealWith(impl: AesGcm, key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, parts: Uint8Array[]): Buffer {
  const out = Buffer.alloc(parts.reduce((n, p) => n + p.length, 0) + 16);
  impl.seal(key, nonce, ad, parts, out);
  return out;
}

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });
const sealInput = fc.record({
  key: bytes(32, 32),
  nonce: bytes(12, 12),
  ad: bytes(0, 80),
  parts: fc.array(bytes(0, 300), { minLength: 1, maxLength: 10 }),
});

describe("AES-256-GCM implementations", () => {
  it("the native binding is built where CI requires it", () => {
    // .ci/run sets this: there, a binding that failed to build must fail the run, not fall back silently.
    if (process.env.VAULT_REQUIRE_NATIVE_CRYPTO === "1") expect(native?.name).toBe("native");
    expect(aesGcm().name).toBe(process.env.VAULT_CRYPTO_NATIVE === "0" || !native ? "node:crypto" : "native");
    expect(aesGcmStatus().implementation).toBe(aesGcm().name);
  });

  it.runIf(native)("native and node:crypto produce the same bytes and open each other's output", () => {
    fc.assert(
      fc.property(sealInput, ({ key, nonce, ad, parts }) => {
        const fromNode = sealWith(nodeAesGcm, key, nonce, ad, parts);
        const fromNative = sealWith(native!, key, nonce, ad, parts);
        expect(fromNative.equals(fromNode)).toBe(true);
        const plain = Buffer.concat(parts);
        const body = fromNode.subarray(0, plain.length);
        const tag = fromNode.subarray(plain.length);
        expect(native!.open(key, nonce, ad, body, tag)?.equals(plain)).toBe(true);
        expect(nodeAesGcm.open(key, nonce, ad, body, tag)?.equals(plain)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  for (const impl of implementations) {
    describe(impl.name, () => {
      it("round-trips empty, small and 1 MiB plaintexts", () => {
        const key = randomBytes(32);
        const nonce = randomBytes(12);
        const ad = Buffer.from("place");
        for (const plain of [Buffer.alloc(0), Buffer.from("hunter2"), randomBytes(1024 * 1024)]) {
          const sealed = sealWith(impl, key, nonce, ad, [plain]);
          expect(sealed.length).toBe(plain.length + 16);
          const opened = impl.open(key, nonce, ad, sealed.subarray(0, plain.length), sealed.subarray(plain.length));
          expect(opened?.equals(plain)).toBe(true);
        }
      });

      it("refuses any single flipped bit in body, tag, AD, nonce or key", () => {
        fc.assert(
          fc.property(
            sealInput,
            fc.constantFrom("body", "tag", "ad", "nonce", "key"),
            fc.nat(),
            fc.integer({ min: 0, max: 7 }),
            ({ key, nonce, ad, parts }, where, position, bit) => {
              const sealed = sealWith(impl, key, nonce, ad, parts);
              const length = sealed.length - 16;
              const input = {
                body: Buffer.from(sealed.subarray(0, length)),
                tag: Buffer.from(sealed.subarray(length)),
                ad: Buffer.from(ad),
                nonce: Buffer.from(nonce),
                key: Buffer.from(key),
              };
              const target = input[where];
              fc.pre(target.length > 0);
              target[position % target.length]! ^= 1 << bit;
              expect(impl.open(input.key, input.nonce, input.ad, input.body, input.tag)).toBeUndefined();
            },
          ),
          { numRuns: 300 },
        );
      });

      it("encrypts more parts than the binding takes in one call as their concatenation", () => {
        const key = randomBytes(32);
        const nonce = randomBytes(12);
        const parts = Array.from({ length: 12 }, (_, i) => Buffer.from(`part-${i};`));
        const sealed = sealWith(impl, key, nonce, Buffer.alloc(0), parts);
        expect(sealed.equals(sealWith(nodeAesGcm, key, nonce, Buffer.alloc(0), [Buffer.concat(parts)]))).toBe(true);
      });
    });
  }

  describe.runIf(native)("native binding argument checks", () => {
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    it("rejects wrong key, nonce, tag and output lengths instead of reading or writing out of bounds", () => {
      expect(() => native!.seal(randomBytes(31), nonce, Buffer.alloc(0), [Buffer.from("x")], Buffer.alloc(17))).toThrow(
        RangeError,
      );
      expect(() => native!.seal(key, randomBytes(16), Buffer.alloc(0), [Buffer.from("x")], Buffer.alloc(17))).toThrow(
        RangeError,
      );
      expect(() => native!.seal(key, nonce, Buffer.alloc(0), [Buffer.from("x")], Buffer.alloc(16))).toThrow(RangeError);
      expect(() => native!.seal(key, nonce, Buffer.alloc(0), [Buffer.from("x")], Buffer.alloc(18))).toThrow(RangeError);
      expect(native!.open(key, nonce, Buffer.alloc(0), Buffer.alloc(4), Buffer.alloc(15))).toBeUndefined();
      expect(() => native!.open(randomBytes(8), nonce, Buffer.alloc(0), Buffer.alloc(4), Buffer.alloc(16))).toThrow(
        RangeError,
      );
    });

    it("rejects arguments that are not Uint8Arrays", () => {
      const notBytes = [new Uint16Array(16), "0123456789abcdef0123456789abcdef", null] as unknown as Uint8Array[];
      for (const bad of notBytes) {
        expect(() => native!.seal(bad, nonce, Buffer.alloc(0), [Buffer.from("x")], Buffer.alloc(17))).toThrow(
          TypeError,
        );
        expect(() => native!.open(key, nonce, bad, Buffer.alloc(1), Buffer.alloc(16))).toThrow(TypeError);
      }
    });

    it("works in a worker thread too (each thread has its own OpenSSL context)", async () => {
      const plain = Buffer.from("from a worker");
      const expected = sealWith(nodeAesGcm, key, nonce, Buffer.alloc(0), [plain]);
      const bindingPath = new URL("../build/Release/vault_aes_gcm.node", import.meta.url).pathname;
      const worker = new Worker(
        `const { workerData, parentPort } = require("node:worker_threads");
         const binding = require(workerData.bindingPath);
         const out = Buffer.alloc(workerData.plain.length + 16);
         binding.seal(workerData.key, workerData.nonce, Buffer.alloc(0), out, workerData.plain);
         parentPort.postMessage(out);`,
        { eval: true, workerData: { bindingPath, key, nonce, plain } },
      );
      const fromWorker = await new Promise<Uint8Array>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
      await worker.terminate();
      expect(Buffer.from(fromWorker).equals(expected)).toBe(true);
    });
  });
});
