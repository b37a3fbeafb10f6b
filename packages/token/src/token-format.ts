import { randomInt } from "node:crypto";
import { z } from "zod";

/** Every generated token starts with this. */
export const TOKEN_PREFIX = "tk_";
export const MIN_TOKEN_LENGTH = 16;
export const MAX_TOKEN_LENGTH = 64;
export const DEFAULT_TOKEN_LENGTH = 32;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Bits of randomness in a generated token of `length` random characters: length × log2(62) ≈ 5.954 per character. */
export function tokenEntropyBits(length: number): number {
  return length * Math.log2(ALPHABET.length);
}

export const tokenLengthSchema = z.number().int().min(MIN_TOKEN_LENGTH).max(MAX_TOKEN_LENGTH);

/**
 * `tk_` and `length` characters drawn uniformly from [0-9A-Za-z] by the CSPRNG (`crypto.randomInt` rejects the
 * biased tail, so every character carries a full log2(62) bits). Alphanumeric so a token survives URLs, shells and a
 * double-click.
 */
export function generateToken(length: number): string {
  let out = TOKEN_PREFIX;
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/**
 * A token as callers send it: 8–256 printable ASCII characters without spaces. Caller-chosen tokens follow the same
 * rule; the message never repeats the token.
 */
export const tokenSchema = z
  .string({ error: "a token must be a string" })
  .min(8, "a token has at least 8 characters")
  .max(256, "a token has at most 256 characters")
  .regex(/^[\x21-\x7e]+$/, "a token is printable ASCII without spaces");
