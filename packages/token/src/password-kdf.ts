import { hashRaw } from "@node-rs/argon2";
import { z } from "zod";

/**
 * Argon2id parameters, stored beside every output (as `kdf` on a password key), so that a change of defaults never
 * strands a key made under the old ones. Version 19 is Argon2 1.3 (0x13), the only version new keys use.
 */
export interface Argon2Params {
  algorithm: "argon2id";
  version: 19;
  /** Memory in KiB. */
  memoryKiB: number;
  /** Passes over memory (Argon2's t). */
  iterations: number;
  /** Lanes (Argon2's p). */
  parallelism: number;
}

/**
 * The presets. `default` is OWASP's recommended minimum for Argon2id (19 MiB, t=2, p=1); `high` is RFC 9106's second
 * recommended option (64 MiB, t=3, p=4), for servers with memory to spare; `lightweight` is for tests only — it
 * makes guessing a password about a thousand times cheaper than `default`.
 */
export const ARGON2_PRESETS = {
  default: { algorithm: "argon2id", version: 19, memoryKiB: 19_456, iterations: 2, parallelism: 1 },
  high: { algorithm: "argon2id", version: 19, memoryKiB: 65_536, iterations: 3, parallelism: 4 },
  lightweight: { algorithm: "argon2id", version: 19, memoryKiB: 1_024, iterations: 1, parallelism: 1 },
} as const satisfies Record<string, Argon2Params>;

export type Argon2Preset = keyof typeof ARGON2_PRESETS;

/** Bytes of every derived key (an AES-256 key). */
export const DERIVED_KEY_BYTES = 32;

export const argon2ParamsSchema = z
  .object({
    algorithm: z.literal("argon2id"),
    version: z.literal(19),
    // Argon2 needs at least 8 KiB per lane; 4 GiB is far beyond anything a server should spend per request.
    memoryKiB: z
      .number()
      .int()
      .min(8)
      .max(4 * 1024 * 1024),
    iterations: z.number().int().min(1).max(100),
    parallelism: z.number().int().min(1).max(255),
  })
  .strict()
  .refine((p) => p.memoryKiB >= 8 * p.parallelism, "memoryKiB must be at least 8 × parallelism");

/**
 * Derives a 32-byte key from a password: Argon2id over `password` with `salt` and `secret` (Argon2's keyed mode:
 * the secret is the app's key from the keyring, so a database dump alone cannot test a single guess). Replaceable so
 * tests can count derivations.
 */
export type PasswordKdf = (
  password: string,
  params: Argon2Params,
  salt: Uint8Array,
  secret: Uint8Array,
) => Promise<Buffer>;

/** The KDF: `@node-rs/argon2`'s raw Argon2id output (no PHC string: the output is a key, not a stored hash). */
export const argon2id: PasswordKdf = (password, params, salt, secret) =>
  hashRaw(password, {
    // Algorithm.Argon2id and Version.V0x13: the package's enums are `const enum`s, which isolated modules cannot read.
    algorithm: 2,
    version: 1,
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: DERIVED_KEY_BYTES,
    salt,
    secret,
  });
