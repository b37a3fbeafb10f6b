import { randomFillSync } from "node:crypto";
import { TypeID } from "typeid-js";
import { z } from "zod";
import { VaultError } from "./errors";

/** Every ID prefix in one place (DESIGN §3). The key is the kind used in code; the value is the wire prefix. */
export const ID_PREFIXES = {
  secret: "sec",
  secretVersion: "secver",
  flag: "flag",
  rule: "rule",
  flagOverride: "flagovr",
  configEntry: "cfg",
  configVersion: "cfgver",
  configOverride: "ovr",
  rotationPolicy: "rotpol",
  rotation: "rot",
  audit: "audit",
  token: "tok",
  app: "app",
  apiKey: "apikey",
  kek: "kek",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;
export type IdPrefix<K extends IdKind> = (typeof ID_PREFIXES)[K];
/** A branded string: `Id<"secret">` cannot be passed where `Id<"flag">` is expected. */
export type Id<K extends IdKind> = `${IdPrefix<K>}_${string}` & { readonly __idKind?: K };

/**
 * A new K-sortable ID of the given kind: a TypeID whose suffix is a UUIDv7 (RFC 9562). IDs made by one process sort
 * in the order they were made: the 48-bit millisecond timestamp never goes back, and within a millisecond a 31-bit
 * counter (randomly seeded at each new millisecond, RFC 9562 §6.2 method 1) orders them; 43 more bits are random.
 *
 * Built here rather than with typeid-js (which parses what this makes): every audited read mints an ID, and the
 * library's path through `uuid` and an array join cost several microseconds on a busy server.
 */
export function newId<K extends IdKind>(kind: K): Id<K> {
  return `${ID_PREFIXES[kind]}_${uuidV7Suffix()}` as Id<K>;
}

/** Crockford base32, lowercase, as TypeID spells it. */
const BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";
const randomPool = new Uint8Array(4096);
let randomAt = randomPool.length;
let lastMs = -1;
let counter = 0;
const uuidBytes = new Uint8Array(16);

function randomByte(): number {
  if (randomAt === randomPool.length) {
    randomFillSync(randomPool);
    randomAt = 0;
  }
  return randomPool[randomAt++]!;
}

/** The 26-character TypeID suffix of a new UUIDv7. */
function uuidV7Suffix(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    // Top bit clear, so the counter has room to count up within the millisecond.
    counter = ((randomByte() & 0x7f) << 24) | (randomByte() << 16) | (randomByte() << 8) | randomByte();
  } else {
    ms = lastMs; // the clock went back or did not move: keep the order
    counter += 1;
    if (counter > 0x7fffffff) {
      lastMs += 1;
      ms = lastMs;
      counter = 0;
    }
  }
  const b = uuidBytes;
  b[0] = Math.floor(ms / 0x10000000000) & 0xff;
  b[1] = Math.floor(ms / 0x100000000) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  const high = counter >>> 19; // 12 bits: rand_a
  const low = counter & 0x7ffff; // 19 bits: the top of rand_b
  b[6] = 0x70 | (high >>> 8); // version 7
  b[7] = high & 0xff;
  b[8] = 0x80 | (low >>> 13); // variant 10
  b[9] = (low >>> 5) & 0xff;
  b[10] = ((low << 3) & 0xf8) | (randomByte() & 0x07);
  for (let i = 11; i < 16; i++) b[i] = randomByte();
  return encodeBase32(b);
}

/** TypeID's base32 of 16 bytes (130 bits, the first two zero): the same bit layout as typeid-js's `encode`. */
function encodeBase32(s: Uint8Array): string {
  const a = BASE32;
  return (
    a[(s[0]! & 224) >> 5]! +
    a[s[0]! & 31]! +
    a[(s[1]! & 248) >> 3]! +
    a[((s[1]! & 7) << 2) | ((s[2]! & 192) >> 6)]! +
    a[(s[2]! & 62) >> 1]! +
    a[((s[2]! & 1) << 4) | ((s[3]! & 240) >> 4)]! +
    a[((s[3]! & 15) << 1) | ((s[4]! & 128) >> 7)]! +
    a[(s[4]! & 124) >> 2]! +
    a[((s[4]! & 3) << 3) | ((s[5]! & 224) >> 5)]! +
    a[s[5]! & 31]! +
    a[(s[6]! & 248) >> 3]! +
    a[((s[6]! & 7) << 2) | ((s[7]! & 192) >> 6)]! +
    a[(s[7]! & 62) >> 1]! +
    a[((s[7]! & 1) << 4) | ((s[8]! & 240) >> 4)]! +
    a[((s[8]! & 15) << 1) | ((s[9]! & 128) >> 7)]! +
    a[(s[9]! & 124) >> 2]! +
    a[((s[9]! & 3) << 3) | ((s[10]! & 224) >> 5)]! +
    a[s[10]! & 31]! +
    a[(s[11]! & 248) >> 3]! +
    a[((s[11]! & 7) << 2) | ((s[12]! & 192) >> 6)]! +
    a[(s[12]! & 62) >> 1]! +
    a[((s[12]! & 1) << 4) | ((s[13]! & 240) >> 4)]! +
    a[((s[13]! & 15) << 1) | ((s[14]! & 128) >> 7)]! +
    a[(s[14]! & 124) >> 2]! +
    a[((s[14]! & 3) << 3) | ((s[15]! & 224) >> 5)]! +
    a[s[15]! & 31]!
  );
}

/** Parse an ID of the given kind; a malformed ID or one with another kind's prefix is a VALIDATION error. */
export function parseId<K extends IdKind>(kind: K, value: string): Id<K> {
  const expected = ID_PREFIXES[kind];
  const underscore = value.lastIndexOf("_");
  const actual = underscore === -1 ? "" : value.slice(0, underscore);
  if (actual !== expected) {
    throw new VaultError(
      "VALIDATION",
      actual === ""
        ? `invalid ${kind} id "${truncate(value)}": expected prefix "${expected}_"`
        : `invalid ${kind} id "${truncate(value)}": expected prefix "${expected}_", got "${actual}_"`,
      { details: { kind, expectedPrefix: expected, actualPrefix: actual } },
    );
  }
  try {
    return TypeID.fromString(value, expected).toString() as Id<K>;
  } catch (cause) {
    throw new VaultError("VALIDATION", `invalid ${kind} id "${truncate(value)}": malformed suffix`, {
      details: { kind, expectedPrefix: expected },
      cause,
    });
  }
}

/** True when `value` is a well-formed ID of this kind. */
export function isId<K extends IdKind>(kind: K, value: unknown): value is Id<K> {
  if (typeof value !== "string") return false;
  try {
    parseId(kind, value);
    return true;
  } catch {
    return false;
  }
}

/** The UTC time encoded in an ID's UUIDv7 timestamp. */
export function idTimestamp(id: string): Date {
  const uuid = TypeID.fromString(id).toUUID().replaceAll("-", "");
  return new Date(Number.parseInt(uuid.slice(0, 12), 16));
}

/** A zod schema accepting only IDs of one kind, with the same message as {@link parseId}. */
export function idSchema<K extends IdKind>(kind: K): z.ZodType<Id<K>> {
  return z.string().transform((value, ctx) => {
    try {
      return parseId(kind, value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  }) as unknown as z.ZodType<Id<K>>;
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
