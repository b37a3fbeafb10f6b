import { createHash, createHmac } from "node:crypto";

/** The `prev_hash` of the first entry: 32 zero bytes, hex. */
export const GENESIS_HASH = "0".repeat(64);

/** Version of the canonical encoding, hashed into every entry so that a future encoding cannot be confused with it. */
export const CANONICAL_VERSION = 1;

/** Strings JSON writes as they are, between quotes: printable ASCII other than `"` and `\\`. */
const PLAIN_STRING = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** `JSON.stringify` of a string or null, without leaving JavaScript for the common (plain ASCII) case. */
function quote(value: string | null): string {
  if (value === null) return "null";
  return PLAIN_STRING.test(value) ? `"${value}"` : JSON.stringify(value);
}

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
 * JSON with object keys sorted (by UTF-16 code units, as `Array.prototype.sort` does), no whitespace, and object
 * members whose value is `undefined` left out. Arrays keep their order. Same value → same string, on any machine.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === "string") return quote(value);
  if (value === null || typeof value !== "object") {
    const encoded = JSON.stringify(value);
    return encoded === undefined ? "null" : encoded;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((name) => record[name] !== undefined)
    .sort()
    .map((name) => `${quote(name)}:${canonicalJson(record[name])}`);
  return `{${members.join(",")}}`;
}

/**
 * The canonical encoding of an entry: {@link canonicalJson} of
 * `{v, id, seq, appId, action, resource, key, tenantId, actor: {appId, apiKeyId, userId, system}, ip, requestId,
 * outcome, metadata, createdAt}` with absent values as `null` and `createdAt` as an ISO-8601 UTC string with
 * milliseconds. `seq` is included, so moving an entry to another position breaks its hash.
 *
 * Written out field by field, in the sorted order canonicalJson would give (a test holds the two equal): every
 * entry is encoded when it is chained and again by every `verify()`, and the generic encoder's sorting and
 * per-member `JSON.stringify` calls were most of the cost of an audited read.
 */
export function canonicalEntry(entry: HashedEntry): string {
  const actor = entry.actor;
  return (
    `{"action":${quote(entry.action)}` +
    `,"actor":{"apiKeyId":${quote(actor.apiKeyId ?? null)},"appId":${quote(actor.appId ?? null)}` +
    `,"system":${quote(actor.system ?? null)},"userId":${quote(actor.userId ?? null)}}` +
    `,"appId":${quote(entry.appId)},"createdAt":"${entry.createdAt.toISOString()}","id":${quote(entry.id)}` +
    `,"ip":${quote(entry.ip ?? null)},"key":${quote(entry.key ?? null)},"metadata":${canonicalJson(entry.metadata)}` +
    `,"outcome":${quote(entry.outcome)},"requestId":${quote(entry.requestId ?? null)}` +
    `,"resource":${quote(entry.resource)},"seq":${Number.isFinite(entry.seq) ? String(entry.seq) : "null"},"tenantId":${quote(entry.tenantId ?? null)}` +
    `,"v":${CANONICAL_VERSION}}`
  );
}

/** `hex(sha256(bytes(prevHash) ‖ utf8(canonicalEntry(entry))))`: the 32 raw bytes of the previous hash, then the entry. */
export function entryHash(prevHash: string, entry: HashedEntry): string {
  return createHash("sha256").update(Buffer.from(prevHash, "hex")).update(canonicalEntry(entry), "utf8").digest("hex");
}

/** How a sensitive metadata value is stored: `hmac-sha256:<hex of HMAC-SHA256(key, canonicalJson(value))>`. */
export function protectValue(key: Uint8Array, value: unknown): string {
  return `hmac-sha256:${createHmac("sha256", key).update(canonicalJson(value), "utf8").digest("hex")}`;
}
