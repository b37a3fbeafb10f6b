import { createHash, createHmac } from "node:crypto";

/** The `prev_hash` of the first entry: 32 zero bytes, hex. */
export const GENESIS_HASH = "0".repeat(64);

/** Version of the canonical encoding, hashed into every entry so that a future encoding cannot be confused with it. */
export const CANONICAL_VERSION = 1;

/** The fields of an entry that the hash covers (everything but `prevHash` and `hash` themselves). */
export interface HashedEntry {
  id: string;
  seq: number;
  appId: string;
  action: string;
  resource: string;
  key: string | null;
  tenantId: string | null;
  actor: { appId: string | null; apiKeyId: string | null; userId: string | null; system: string | null };
  ip: string | null;
  requestId: string | null;
  outcome: string;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

/**
 * JSON with object keys sorted (by UTF-16 code units, as `Array.prototype.sort` does), no whitespace, object members
 * whose value is `undefined` left out, and Dates as their ISO-8601 string. Arrays keep their order. Same value → same
 * string, on any machine.
 */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((name) => record[name] !== undefined)
    .sort()
    .map((name) => `${JSON.stringify(name)}:${canonicalJson(record[name])}`);
  return `{${members.join(",")}}`;
}

/**
 * The canonical encoding of an entry: {@link canonicalJson} of
 * `{v, id, seq, appId, action, resource, key, tenantId, actor: {appId, apiKeyId, userId, system}, ip, requestId,
 * outcome, metadata, createdAt}` with absent values as `null` and `createdAt` as an ISO-8601 UTC string with
 * milliseconds. `seq` is included, so moving an entry to another position breaks its hash.
 */
export function canonicalEntry(entry: HashedEntry): string {
  return canonicalJson({
    v: CANONICAL_VERSION,
    id: entry.id,
    seq: entry.seq,
    appId: entry.appId,
    action: entry.action,
    resource: entry.resource,
    key: entry.key ?? null,
    tenantId: entry.tenantId ?? null,
    actor: {
      appId: entry.actor.appId ?? null,
      apiKeyId: entry.actor.apiKeyId ?? null,
      userId: entry.actor.userId ?? null,
      system: entry.actor.system ?? null,
    },
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
    outcome: entry.outcome,
    metadata: entry.metadata,
    createdAt: entry.createdAt.toISOString(),
  });
}

/** `hex(sha256(bytes(prevHash) ‖ utf8(canonicalEntry(entry))))`: the 32 raw bytes of the previous hash, then the entry. */
export function entryHash(prevHash: string, entry: HashedEntry): string {
  return createHash("sha256").update(Buffer.from(prevHash, "hex")).update(canonicalEntry(entry), "utf8").digest("hex");
}

/** How a sensitive metadata value is stored: `hmac-sha256:<hex of HMAC-SHA256(key, canonicalJson(value))>`. */
export function protectValue(key: Uint8Array, value: unknown): string {
  return `hmac-sha256:${createHmac("sha256", key).update(canonicalJson(value), "utf8").digest("hex")}`;
}
