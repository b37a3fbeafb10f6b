import { isVaultError, ManualClock, type VaultErrorCode } from "@vault/core";
import { Keyring } from "@vault/crypto";
import { MemoryAuditSink } from "@vault/store";
import type { TestDatabase } from "@vault/store/testing";
import { ARGON2_PRESETS, argon2id, type PasswordKdf, TokenService, type TokenServiceOptions } from "../src/index";

/** The code a promise rejects with ("no error" when it resolves). */
export async function codeOf(promise: Promise<unknown>): Promise<VaultErrorCode | "no error"> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    if (isVaultError(error)) return error.code;
    throw error;
  }
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function errorOf(promise: Promise<unknown>): Promise<Error & { code?: string; details?: object }> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  if (outcome === undefined) throw new Error("expected the operation to fail");
  return outcome;
}

/** One keyring per test file: app token keys are wrapped by it, and apps are shared between a file's tests. */
const fileKeyring = Keyring.generate();

/** A token service on `t` with a ManualClock, an in-memory audit sink and the lightweight Argon2 preset, counted. */
export function tokenServiceFor(t: TestDatabase, options: Partial<TokenServiceOptions> = {}) {
  const clock = new ManualClock("2026-03-01T00:00:00Z");
  const audit = new MemoryAuditSink();
  const keys = options.keys ?? fileKeyring;
  const kdf = { derivations: 0 };
  const derive: PasswordKdf = (...args) => {
    kdf.derivations += 1;
    return argon2id(...args);
  };
  const service = new TokenService({
    db: t.db,
    keys,
    clock,
    audit,
    kdf: { params: ARGON2_PRESETS.lightweight, derive },
    ...options,
  });
  return { service, clock, audit, keys, kdf };
}
