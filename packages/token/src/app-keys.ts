import { hkdfSync, randomBytes } from "node:crypto";
import { randomKey } from "@vault/crypto";
import { tokenApps } from "@vault/store";
import { eq } from "drizzle-orm";
import type { TokenContext } from "./context";

/**
 * An app's token keys. One random 32-byte app key per app, wrapped by the keyring's KEK and stored in
 * `vault_token_apps`, so the keyring stays the one thing to back up beside the database. Two keys are derived from it
 * with HKDF-SHA256 under fixed labels: the HMAC key that turns tokens into lookup keys, and the Argon2 secret every
 * password of the app is derived with.
 */
export interface AppTokenKeys {
  /** HMAC-SHA256 key: `token_hmac = HMAC(indexKey, token)`. */
  indexKey: Buffer;
  /** Argon2's secret input (keyed hashing): without the keyring no password guess can even be tested. */
  passwordSecret: Buffer;
  /** Argon2 salt shared by the app's passwords (public), so one password maps to one password key. */
  passwordSalt: Buffer;
}

const INDEX_LABEL = "vault/token-index/v1";
const PASSWORD_SECRET_LABEL = "vault/token-password-secret/v1";
const APP_KEY_BYTES = 32;
const SALT_BYTES = 16;
const CACHE_LIMIT = 1000;

/** Unwrapped app keys by app id (the keys never change: a KEK rotation rewraps the app key, not what it derives). */
export class AppKeyCache {
  readonly #entries = new Map<string, Promise<AppTokenKeys | undefined>>();

  /** The app's keys; undefined when the app has never written a token (then no token of it can exist). */
  find(ctx: TokenContext, appId: string): Promise<AppTokenKeys | undefined> {
    return this.#get(appId, () => loadAppKeys(ctx, appId));
  }

  /** The app's keys, made on its first token write. */
  async findOrCreate(ctx: TokenContext, appId: string): Promise<AppTokenKeys> {
    const found = await this.find(ctx, appId);
    if (found !== undefined) return found;
    this.#entries.delete(appId);
    const created = await this.#get(appId, async () => {
      await createAppKeys(ctx, appId);
      return loadAppKeys(ctx, appId);
    });
    if (created === undefined) throw new Error(`token keys of app "${appId}" vanished after creation`);
    return created;
  }

  #get(appId: string, load: () => Promise<AppTokenKeys | undefined>): Promise<AppTokenKeys | undefined> {
    let entry = this.#entries.get(appId);
    if (entry === undefined) {
      entry = load();
      // Neither a failure nor "no keys yet" is remembered: the next call asks the database again.
      entry.then(
        (keys) => keys === undefined && this.#entries.delete(appId),
        () => this.#entries.delete(appId),
      );
      if (this.#entries.size >= CACHE_LIMIT) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(appId, entry);
    }
    return entry;
  }
}

async function loadAppKeys(ctx: TokenContext, appId: string): Promise<AppTokenKeys | undefined> {
  const [row] = await ctx.db.select().from(tokenApps).where(eq(tokenApps.appId, appId));
  if (row === undefined) return undefined;
  const appKey = await ctx.keys.unwrapKey(row.kekId, row.wrappedKey);
  try {
    return {
      indexKey: derive(appKey, INDEX_LABEL),
      passwordSecret: derive(appKey, PASSWORD_SECRET_LABEL),
      passwordSalt: Buffer.from(row.passwordSalt),
    };
  } finally {
    appKey.fill(0);
  }
}

/** Insert the app's row unless another writer did first (then theirs stands). */
async function createAppKeys(ctx: TokenContext, appId: string): Promise<void> {
  const appKey = randomKey(APP_KEY_BYTES);
  try {
    const wrapped = await ctx.keys.wrapKey(appKey);
    const now = ctx.clock.now();
    await ctx.db
      .insert(tokenApps)
      .values({
        appId,
        wrappedKey: wrapped.wrapped,
        kekId: wrapped.keyId,
        passwordSalt: randomBytes(SALT_BYTES),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: tokenApps.appId });
  } finally {
    appKey.fill(0);
  }
}

/** HKDF-SHA256 (node:crypto) of the app key under `label`, into a buffer of its own. */
function derive(appKey: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appKey, Buffer.alloc(0), label, 32));
}
