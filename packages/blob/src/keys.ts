import { hkdfSync } from "node:crypto";
import { newId } from "@vault/core";
import { randomKey } from "@vault/crypto";
import { type BlobOwnerKeyRow, blobApps, blobOwnerKeys, type Executor } from "@vault/store";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { BlobContext } from "./context";

const KEY_BYTES = 32;
const PROOF_LABEL = "vault/blob-purge-proof/v1";
const DIGEST_LABEL = "vault/blob-content-digest/v1";
const CACHE_LIMIT = 1000;

/**
 * Each app's proof key: HKDF-SHA256 of the app's blob key (random, wrapped by the keyring's KEK, in
 * `vault_blob_apps`), so the keyring stays the one thing to back up beside the database. Kept after first use: an app
 * key never changes (a KEK rotation rewraps it, not what it derives).
 */
export class AppKeyCache {
  readonly #entries = new Map<string, Promise<Buffer>>();

  /** The app's proof key, made on first use (through `executor`: inside a transaction, pass it). */
  proofKey(ctx: BlobContext, appId: string, executor: Executor = ctx.db): Promise<Buffer> {
    let entry = this.#entries.get(appId);
    if (entry === undefined) {
      entry = loadOrCreateProofKey(ctx, executor, appId);
      entry.catch(() => this.#entries.delete(appId));
      if (this.#entries.size >= CACHE_LIMIT) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(appId, entry);
    }
    return entry;
  }
}

async function loadOrCreateProofKey(ctx: BlobContext, db: Executor, appId: string): Promise<Buffer> {
  let [row] = await db.select().from(blobApps).where(eq(blobApps.appId, appId));
  if (row === undefined) {
    // Made outside any transaction only (a write makes it before its own): a key made in a transaction that then
    // rolled back would stay cached here, and proofs made with it could never be verified.
    if (db !== ctx.db) throw new Error(`app "${appId}" has no blob key yet`);
    const appKey = randomKey(KEY_BYTES);
    try {
      const wrapped = await ctx.keys.wrapKey(appKey);
      await db
        .insert(blobApps)
        .values({ appId, wrappedKey: wrapped.wrapped, kekId: wrapped.keyId, createdAt: ctx.clock.now() })
        .onConflictDoNothing({ target: blobApps.appId });
    } finally {
      appKey.fill(0);
    }
    // Another writer may have inserted first: theirs stands.
    [row] = await db.select().from(blobApps).where(eq(blobApps.appId, appId));
    if (row === undefined) throw new Error(`blob key of app "${appId}" vanished after creation`);
  }
  const appKey = await ctx.keys.unwrapKey(row.kekId, row.wrappedKey);
  try {
    return derive(appKey, PROOF_LABEL);
  } finally {
    appKey.fill(0);
  }
}

/** An owner's unwrapped key and its id. The caller zeroes `key` when done. */
export interface OwnerKey {
  id: string;
  key: Buffer;
}

/** The live key of `owner` in `appId`, made on the owner's first write (or first write after a shred). */
export async function findOrCreateOwnerKey(ctx: BlobContext, appId: string, owner: string): Promise<OwnerKey> {
  const live = await findLiveOwnerKey(ctx.db, appId, owner);
  if (live !== undefined) return { id: live.id, key: await liveKey(ctx, live) };
  const key = randomKey(KEY_BYTES);
  try {
    const wrapped = await ctx.keys.wrapKey(key);
    await ctx.db
      .insert(blobOwnerKeys)
      .values({
        id: newId("blobOwnerKey"),
        appId,
        owner,
        wrappedKey: wrapped.wrapped,
        kekId: wrapped.keyId,
        createdAt: ctx.clock.now(),
      })
      .onConflictDoNothing({
        target: [blobOwnerKeys.appId, blobOwnerKeys.owner],
        where: sql`${blobOwnerKeys.shreddedAt} is null`,
      });
  } finally {
    key.fill(0);
  }
  // Ours, or the one a concurrent first write of the same owner inserted.
  const row = await findLiveOwnerKey(ctx.db, appId, owner);
  if (row === undefined) throw new Error(`owner key of app "${appId}" vanished after creation`);
  return { id: row.id, key: await liveKey(ctx, row) };
}

async function liveKey(ctx: BlobContext, row: BlobOwnerKeyRow): Promise<Buffer> {
  const key = await unwrapOwnerKey(ctx, row);
  // A shred nulls the wrapped key and sets shredded_at in one UPDATE: a row found live has its key.
  if (key === undefined) throw new Error(`owner key ${row.id} is live but holds no key`);
  return key;
}

async function findLiveOwnerKey(db: Executor, appId: string, owner: string): Promise<BlobOwnerKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(blobOwnerKeys)
    .where(and(eq(blobOwnerKeys.appId, appId), eq(blobOwnerKeys.owner, owner), isNull(blobOwnerKeys.shreddedAt)));
  return row;
}

/** Unwrap an owner key row; undefined when it was shredded. */
export async function unwrapOwnerKey(
  ctx: BlobContext,
  row: Pick<BlobOwnerKeyRow, "wrappedKey" | "kekId">,
): Promise<Buffer | undefined> {
  if (row.wrappedKey === null || row.kekId === null) return undefined;
  return ctx.keys.unwrapKey(row.kekId, row.wrappedKey);
}

/** The key content digests are made with, derived from the owner's key (gone with it when the owner is shredded). */
export function contentDigestKey(ownerKey: Buffer): Buffer {
  return derive(ownerKey, DIGEST_LABEL);
}

/** HKDF-SHA256 (node:crypto) of `key` under `label`, into a buffer of its own. */
function derive(key: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), label, KEY_BYTES));
}
