import { TypeID, typeid } from "typeid-js";
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
  tokenPasswordKey: "tokpwk",
  blob: "blob",
  blobOwnerKey: "blobown",
  blobSweep: "blobswp",
  webhook: "whk",
  webhookDelivery: "whd",
  event: "evt",
  segment: "seg",
  app: "app",
  apiKey: "apikey",
  kek: "kek",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;
export type IdPrefix<K extends IdKind> = (typeof ID_PREFIXES)[K];
/** A branded string: `Id<"secret">` cannot be passed where `Id<"flag">` is expected. */
export type Id<K extends IdKind> = `${IdPrefix<K>}_${string}` & { readonly __idKind?: K };

/**
 * A new K-sortable ID of the given kind: a TypeID (typeid-js) whose suffix is a UUIDv7 (RFC 9562). IDs made by one
 * process sort in the order they were made: the `uuid` package behind typeid-js puts a 31-bit counter below the
 * millisecond timestamp (RFC 9562 §6.2 method 1) and keeps the timestamp from going back (unless the system clock
 * steps back by more than 10 seconds).
 */
export function newId<K extends IdKind>(kind: K): Id<K> {
  return typeid(ID_PREFIXES[kind]).toString() as Id<K>;
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

/** The UTC time encoded in an ID's UUIDv7 timestamp (its first 48 bits: milliseconds since the epoch). */
export function idTimestamp(id: string): Date {
  const bytes = TypeID.fromString(id).toUUIDBytes();
  let ms = 0;
  for (let i = 0; i < 6; i++) ms = ms * 256 + bytes[i]!;
  return new Date(ms);
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
