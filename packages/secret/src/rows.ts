import { currentActor, VaultError, validation } from "@vault/core";
import type { EnvelopeContext } from "@vault/crypto";
import type { SecretRow, SecretVersionRow } from "@vault/store";
import type { SecretMeta, SecretValue, SecretVersionInfo } from "./types";

/** The table name bound into every value's associated data. */
export const SECRET_VERSIONS_TABLE = "vault_secret_versions";

// The first plaintext byte says what the value was, so bytes never come back as a string (and it is authenticated).
const KIND_STRING = 1;
const KIND_BYTES = 2;
const KIND_STRING_PREFIX = Buffer.of(KIND_STRING);
const KIND_BYTES_PREFIX = Buffer.of(KIND_BYTES);

/** Where a value lives, bound into its ciphertext: moved anywhere else, it no longer decrypts. */
export function envelopePlace(appId: string, key: string, version: number): EnvelopeContext {
  return { table: SECRET_VERSIONS_TABLE, appId, key, version };
}

export function toMeta(row: SecretRow): SecretMeta {
  return {
    id: row.id,
    appId: row.appId,
    key: row.key,
    version: row.currentVersion,
    metadata: row.metadata as SecretMeta["metadata"],
    maxVersions: row.maxVersions,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toVersionInfo(row: SecretVersionRow): SecretVersionInfo {
  return {
    id: row.id,
    version: row.version,
    state: row.destroyedAt !== null ? "destroyed" : row.deletedAt !== null ? "deleted" : "active",
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    deletedAt: row.deletedAt,
    destroyedAt: row.destroyedAt,
    kekId: row.kekId,
  };
}

/** The columns a destroyed (crypto-shredded) version is left with. */
export function destroyed(now: Date): Pick<SecretVersionRow, "ciphertext" | "wrappedDek" | "kekId" | "destroyedAt"> {
  return { ciphertext: null, wrappedDek: null, kekId: null, destroyedAt: now };
}

/** The plaintext to seal: a kind byte, then the value's bytes. VALIDATION (naming the type only) for anything else. */
export function encodeValue(value: SecretValue, maxValueBytes: number): Uint8Array[] {
  let body: Uint8Array;
  let prefix: Buffer;
  if (typeof value === "string") {
    body = Buffer.from(value, "utf8");
    prefix = KIND_STRING_PREFIX;
  } else if (value instanceof Uint8Array) {
    body = value;
    prefix = KIND_BYTES_PREFIX;
  } else {
    // The message names the type only: never the value.
    throw validation(`invalid secret value: expected a string or a Uint8Array, got ${describeType(value)}`, {
      field: "value",
    });
  }
  if (body.length > maxValueBytes) {
    throw validation(`invalid secret value: ${body.length} bytes exceeds the limit of ${maxValueBytes}`, {
      field: "value",
      bytes: body.length,
      limit: maxValueBytes,
    });
  }
  return [prefix, body];
}

export function decodeValue(plain: Buffer, key: string): SecretValue {
  const kind = plain[0];
  if (kind === KIND_STRING) return plain.toString("utf8", 1);
  if (kind === KIND_BYTES) return new Uint8Array(plain.subarray(1));
  throw new VaultError("DECRYPTION_FAILED", `secret "${key}" decrypted to an unknown value encoding`);
}

/** The bytes as a Buffer without copying (the bytea column already yields Buffers; the type says Uint8Array). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Who wrote a version (API key, user or system label), for `createdBy`. */
export function actorLabel(): string | null {
  const actor = currentActor();
  if (actor === undefined) return null;
  if (actor.apiKeyId) return actor.apiKeyId;
  if (actor.userId) return `user:${actor.userId}`;
  if (actor.system) return `system:${actor.system}`;
  return null;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}
