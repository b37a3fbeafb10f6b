import { isVaultError } from "@vault/core";
import { Keyring, type RewrapOptions, type Rewrappable, type RewrapStatus } from "@vault/crypto";
import { describe, expect, it } from "vitest";
import { type KekWrapped, kekWrapStatus, rewrapKekWrapped, rotateKek } from "../src/index";

/** A subsystem of `rows` keys, each under a KEK id; rewrapAll moves those not under the keyring's active KEK. */
class FakeSubsystem implements Rewrappable {
  readonly kekOf: string[];
  failNext = false;

  constructor(
    readonly keyring: Keyring,
    rows: number,
  ) {
    this.kekOf = Array.from({ length: rows }, () => keyring.activeKeyId());
  }

  async rewrapAll(options: RewrapOptions = {}): Promise<{ rewrapped: number }> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error("database away");
    }
    const active = this.keyring.activeKeyId();
    let done = 0;
    for (let i = 0; i < this.kekOf.length; i++) {
      if (this.kekOf[i] === active) continue;
      this.kekOf[i] = active;
      done += 1;
      options.onProgress?.({ done, remaining: this.kekOf.filter((k) => k !== active).length });
    }
    return { rewrapped: done };
  }

  async rewrapStatus(): Promise<RewrapStatus> {
    const active = this.keyring.activeKeyId();
    const byKek: Record<string, number> = {};
    for (const kek of this.kekOf) byKek[kek] = (byKek[kek] ?? 0) + 1;
    return { activeKekId: active, byKek, pending: this.kekOf.filter((k) => k !== active).length };
  }
}

describe("KEK rotation over every subsystem a KEK wraps", () => {
  it("rotateKek persists twice, then rewraps each subsystem in order, with progress per subsystem", async () => {
    const keyring = Keyring.generate();
    const secrets = new FakeSubsystem(keyring, 2);
    const blobs = new FakeSubsystem(keyring, 3);
    const empty = new FakeSubsystem(keyring, 0);
    const wrapped: KekWrapped[] = [
      { name: "secrets", service: secrets },
      { name: "blobs", service: blobs },
      { name: "webhooks", service: empty },
    ];
    const before = keyring.activeKeyId();
    const persisted: string[] = [];
    const progress: Array<{ subsystem: string; done: number; kekId: string }> = [];
    const result = await rotateKek({
      keyring,
      wrapped,
      persist: (k) => {
        persisted.push(k.activeKeyId());
      },
      onProgress: ({ subsystem, done, kekId }) => progress.push({ subsystem, done, kekId }),
    });
    expect(result).toEqual({
      previousKekId: before,
      kekId: keyring.activeKeyId(),
      rewrapped: 5,
      bySubsystem: { secrets: 2, blobs: 3, webhooks: 0 },
    });
    expect(persisted).toEqual([before, result.kekId]);
    expect(progress.map((p) => `${p.subsystem}:${p.done}`)).toEqual([
      "secrets:1",
      "secrets:2",
      "blobs:1",
      "blobs:2",
      "blobs:3",
    ]);
    expect(progress.every((p) => p.kekId === result.kekId)).toBe(true);
    expect(await kekWrapStatus(wrapped)).toEqual({
      activeKekId: result.kekId,
      byKek: { [result.kekId]: 5 },
      pending: 0,
      bySubsystem: {
        secrets: { byKek: { [result.kekId]: 2 }, pending: 0 },
        blobs: { byKek: { [result.kekId]: 3 }, pending: 0 },
        webhooks: { byKek: {}, pending: 0 },
      },
    });
  });

  it("the status totals every subsystem: an old KEK still wrapping blobs is pending even when secrets are done", async () => {
    const keyring = Keyring.generate();
    const old = keyring.activeKeyId();
    const secrets = new FakeSubsystem(keyring, 2);
    const blobs = new FakeSubsystem(keyring, 3);
    const wrapped = [
      { name: "secrets", service: secrets },
      { name: "blobs", service: blobs },
    ];
    keyring.activate(keyring.add());
    const next = keyring.activeKeyId();
    await secrets.rewrapAll();
    blobs.failNext = true;
    await expect(rewrapKekWrapped(wrapped)).rejects.toThrow(/database away/);
    expect(await kekWrapStatus(wrapped)).toEqual({
      activeKekId: next,
      byKek: { [old]: 3, [next]: 2 },
      pending: 3,
      bySubsystem: {
        secrets: { byKek: { [next]: 2 }, pending: 0 },
        blobs: { byKek: { [old]: 3 }, pending: 3 },
      },
    });
    // A rerun finishes the job.
    expect(await rewrapKekWrapped(wrapped)).toEqual({ rewrapped: 3, bySubsystem: { secrets: 0, blobs: 3 } });
    expect((await kekWrapStatus(wrapped)).pending).toBe(0);
  });

  it("refuses to rotate without saying what the KEK wraps, and changes nothing then", async () => {
    const keyring = Keyring.generate();
    const active = keyring.activeKeyId();
    const subsystem = new FakeSubsystem(keyring, 1);
    for (const options of [
      {},
      { wrapped: [] },
      { wrapped: [{ name: "secrets", service: subsystem }], secrets: subsystem },
      {
        wrapped: [
          { name: "secrets", service: subsystem },
          { name: "secrets", service: subsystem },
        ],
      },
    ]) {
      const error = await rotateKek({ keyring, ...options }).catch((e: unknown) => e);
      expect(isVaultError(error, "VALIDATION")).toBe(true);
    }
    expect(keyring.keyIds()).toEqual([active]);
    await expect(kekWrapStatus([])).rejects.toThrow(/must not be empty/);
    // The shorthand still works: secrets alone.
    const result = await rotateKek({ keyring, secrets: subsystem });
    expect(result).toMatchObject({ rewrapped: 1, bySubsystem: { secrets: 1 } });
  });
});
