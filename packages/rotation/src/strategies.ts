import { randomBytes as cryptoRandomBytes, randomInt } from "node:crypto";
import { jsonValueSchema, parseInput } from "@vault/core";
import type { SecretValue } from "@vault/secret";
import { z } from "zod";

/** What a rotator is given: the secret's current value (undefined if it does not exist yet) and the policy params. */
export interface RotationContext {
  appId: string;
  secretKey: string;
  currentValue: SecretValue | undefined;
  /** The current version (null if the secret does not exist yet). */
  currentVersion: number | null;
  params: Record<string, unknown>;
  now: Date;
}

/**
 * Produces the next value of a secret. It runs with no transaction open, so it may take seconds and call other
 * systems (or this vault). Throwing fails the rotation: nothing changes and a failure is recorded; so does a write to
 * the secret by anyone else while it runs (CONFLICT).
 */
export type Rotator = (context: RotationContext) => SecretValue | Promise<SecretValue>;

export const STRATEGIES = ["random_password", "random_bytes", "custom"] as const;
export type RotationStrategy = (typeof STRATEGIES)[number];

export const DEFAULT_PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&*+-=?@^_";

const passwordParamsSchema = z
  .object({
    length: z.number().int().min(8).max(1024).default(32),
    alphabet: z
      .string()
      .default(DEFAULT_PASSWORD_ALPHABET)
      .refine((alphabet) => {
        const chars = Array.from(alphabet);
        return chars.length >= 2 && new Set(chars).size === chars.length;
      }, "alphabet must have at least 2 characters, each once"),
  })
  .strict();

const bytesParamsSchema = z
  .object({
    length: z.number().int().min(1).max(4096).default(32),
    /** `bytes` stores raw bytes; the others store text. */
    encoding: z.enum(["bytes", "base64", "base64url", "hex"]).default("base64url"),
  })
  .strict();

const customParamsSchema = z.record(z.string(), jsonValueSchema);

export type PasswordParams = z.output<typeof passwordParamsSchema>;
export type BytesParams = z.output<typeof bytesParamsSchema>;

/** Check a strategy's params and fill in defaults (what is stored on the policy). */
export function normalizeParams(strategy: RotationStrategy, params: unknown): Record<string, unknown> {
  switch (strategy) {
    case "random_password":
      return parseInput(passwordParamsSchema, params ?? {}, "random_password params");
    case "random_bytes":
      return parseInput(bytesParamsSchema, params ?? {}, "random_bytes params");
    case "custom":
      return parseInput(customParamsSchema, params ?? {}, "custom rotator params") as Record<string, unknown>;
  }
}

/** A uniformly random password of `length` characters drawn from `alphabet` (no modulo bias: `crypto.randomInt`). */
export function randomPassword(params: Partial<PasswordParams> = {}): string {
  const { length, alphabet } = parseInput(passwordParamsSchema, params, "random_password params");
  const chars = Array.from(alphabet);
  let out = "";
  for (let i = 0; i < length; i++) out += chars[randomInt(chars.length)];
  return out;
}

/** `length` random bytes, raw or encoded as text. */
export function randomBytes(params: Partial<BytesParams> = {}): SecretValue {
  const { length, encoding } = parseInput(bytesParamsSchema, params, "random_bytes params");
  const bytes = cryptoRandomBytes(length);
  return encoding === "bytes" ? new Uint8Array(bytes) : bytes.toString(encoding);
}

/** The built-in rotator of a strategy (`custom` has none: it is registered per app and key). */
export function builtInRotator(strategy: RotationStrategy): Rotator | undefined {
  if (strategy === "random_password") return ({ params }) => randomPassword(params as Partial<PasswordParams>);
  if (strategy === "random_bytes") return ({ params }) => randomBytes(params as Partial<BytesParams>);
  return undefined;
}
