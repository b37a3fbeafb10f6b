import { VaultError, validation } from "@vault/core";
import type { TokenRow } from "@vault/store";
import type { TokenMeta, TokenValue } from "./types";

// The first plaintext byte says what the value was, so bytes never come back as a string (and it is authenticated).
const KIND_STRING = 1;
const KIND_BYTES = 2;

export function toMeta(row: TokenRow): TokenMeta {
  return {
    id: row.id,
    appId: row.appId,
    data: row.data as TokenMeta["data"],
    passwordProtected: row.passwordKeyId !== null,
    version: row.version,
    expiresAt: row.expiresAt,
    deletedAt: row.deletedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The plaintext to seal: a kind byte, then the value's bytes. VALIDATION (naming the type only) for anything else. */
export function encodeValue(value: TokenValue, maxValueBytes: number): Uint8Array[] {
  let body: Uint8Array;
  let kind: number;
  if (typeof value === "string") {
    body = Buffer.from(value, "utf8");
    kind = KIND_STRING;
  } else if (value instanceof Uint8Array) {
    body = value;
    kind = KIND_BYTES;
  } else {
    throw validation(`invalid token value: expected a string or a Uint8Array, got ${describeType(value)}`, {
      field: "value",
    });
  }
  if (body.length > maxValueBytes) {
    throw new VaultError(
      "PAYLOAD_TOO_LARGE",
      `invalid token value: ${body.length} bytes exceeds the limit of ${maxValueBytes}`,
      { details: { field: "value", bytes: body.length, limit: maxValueBytes } },
    );
  }
  return [Buffer.of(kind), body];
}

export function decodeValue(plain: Buffer, id: string): TokenValue {
  const kind = plain[0];
  if (kind === KIND_STRING) return plain.toString("utf8", 1);
  if (kind === KIND_BYTES) return new Uint8Array(plain.subarray(1));
  throw new VaultError("DECRYPTION_FAILED", `token ${id} decrypted to an unknown value encoding`);
}

/**
 * What a read finds wrong with a record, in order: none → NOT_FOUND; soft-deleted → NOT_FOUND; past its expiry →
 * EXPIRED. Messages name the record id at most, never the token.
 */
export function checkLive(row: TokenRow | undefined, now: Date): asserts row is TokenRow {
  if (row === undefined) throw tokenNotFound();
  if (row.deletedAt !== null) {
    throw new VaultError("NOT_FOUND", `token ${row.id} is deleted`, { details: { tokenId: row.id, state: "deleted" } });
  }
  if (isExpired(row, now)) {
    throw new VaultError("EXPIRED", `token ${row.id} expired at ${row.expiresAt!.toISOString()}`, {
      details: { tokenId: row.id, expiresAt: row.expiresAt!.toISOString() },
    });
  }
}

export function isExpired(row: Pick<TokenRow, "expiresAt">, now: Date): boolean {
  return row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime();
}

/** NOT_FOUND for a token with no record: the message and details say nothing of the token. */
export function tokenNotFound(): VaultError {
  return new VaultError("NOT_FOUND", "token not found", { details: { what: "token" } });
}

/** `expiresAt` of a write: must lie in the future (null clears). */
export function futureExpiry(expiresAt: Date | null | undefined, now: Date): Date | null | undefined {
  if (expiresAt instanceof Date && expiresAt.getTime() <= now.getTime()) {
    throw validation("expiresAt must lie in the future", { field: "expiresAt" });
  }
  return expiresAt;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}
