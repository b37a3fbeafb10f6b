import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  type Clock,
  decodeCursor,
  idSchema,
  newId,
  type Page,
  pageSizeSchema,
  parseInput,
  systemClock,
  toPage,
  VaultError,
} from "@vault/core";
import { type ApiKeyRow, type AuditSink, apiKeys, apps, noAudit, type VaultDb, withTransaction } from "@vault/store";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { KeyDigestCache } from "./key-digest";
import { type Scope, SYSTEM_APP_ID, scopeSchema } from "./scopes";

/** What is shown about a key: never the key itself, only its prefix. */
export interface ApiKeyInfo {
  id: string;
  appId: string;
  name: string;
  scopes: Scope[];
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The caller behind a valid key. */
export interface AuthContext {
  apiKeyId: string;
  appId: string;
  scopes: Scope[];
  /** An `admin` key of the system app: manages apps and API keys of every app. */
  instanceAdmin: boolean;
}

const KEY_PATTERN = /^vault_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 14; // "vault_" + 8 characters: enough to tell keys apart in a list, useless for guessing.
const BEARER = /^Bearer ([^\s]+)$/;

/** The key of an `Authorization: Bearer <key>` header, or undefined when the header is not of that form. */
export function bearerKey(header: string): string | undefined {
  return BEARER.exec(header)?.[1];
}

/** Equal texts, compared without an early exit (their length is not secret: API keys have one length). */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** A new API key: `vault_` + 32 random bytes in base64url. Shown once, stored only as its SHA-256. */
export function generateApiKey(): string {
  return `vault_${randomBytes(32).toString("base64url")}`;
}

/** The stored form of a key. A fast hash is enough: the key has 256 bits of entropy. */
export function hashApiKey(key: string): Buffer {
  return createHash("sha256").update(key, "utf8").digest();
}

export const createApiKeyInput = z.object({
  name: z.string().min(1).max(200),
  scopes: z.array(scopeSchema).min(1).max(20),
});

const listInput = z.object({
  cursor: z.string().optional(),
  limit: pageSizeSchema,
  includeRevoked: z.boolean().default(false),
});

export interface ApiKeyServiceOptions {
  db: VaultDb;
  audit?: AuditSink;
  clock?: Clock;
  /** How long a successful key lookup is reused in this process (revocation here is immediate). Default 5 s. */
  cacheMs?: number;
  /** How rarely `last_used_at` is written per key (it costs a write). Default 60 s. */
  touchEveryMs?: number;
}

interface CachedKey {
  context: AuthContext;
  expires: number;
}

/** The Authorization header a connection last authenticated with, and what it gave. */
interface ConnectionAuth extends CachedKey {
  header: string;
  /** {@link ApiKeyService}'s revocation count when it was remembered: any revocation since voids it. */
  revocations: number;
}

/** API keys: create (shown once), list, revoke, and authenticate a presented key. */
export class ApiKeyService {
  readonly #db: VaultDb;
  readonly #audit: AuditSink;
  readonly #clock: Clock;
  readonly #cacheMs: number;
  readonly #touchEveryMs: number;
  readonly #cache = new KeyDigestCache<CachedKey>();
  readonly #byConnection = new WeakMap<object, ConnectionAuth>();
  /** Revocations seen by this process (here, or found revoked in the database): each voids every connection's. */
  #revocations = 0;
  readonly #touched = new Map<string, number>();

  constructor(options: ApiKeyServiceOptions) {
    this.#db = options.db;
    this.#audit = options.audit ?? noAudit;
    this.#clock = options.clock ?? systemClock;
    this.#cacheMs = options.cacheMs ?? 5_000;
    this.#touchEveryMs = options.touchEveryMs ?? 60_000;
  }

  /** Create a key for `appId`. The returned `key` is the only time the key is ever visible. */
  async create(
    appId: string,
    input: z.input<typeof createApiKeyInput>,
    options: { key?: string } = {},
  ): Promise<{ apiKey: ApiKeyInfo; key: string }> {
    const { name, scopes } = parseInput(createApiKeyInput, input, "api key");
    const key = options.key ?? generateApiKey();
    if (!KEY_PATTERN.test(key)) throw new VaultError("VALIDATION", "api key: malformed", { details: { field: "key" } });
    const now = this.#clock.now();
    const apiKey = await withTransaction(this.#db, async (tx) => {
      const [app] = await tx.select({ id: apps.id }).from(apps).where(eq(apps.id, appId));
      if (!app) throw new VaultError("NOT_FOUND", `app "${appId}" not found`, { details: { appId } });
      const [row] = await tx
        .insert(apiKeys)
        .values({
          id: newId("apiKey"),
          appId,
          name,
          scopes: [...new Set(scopes)],
          keyHash: hashApiKey(key),
          prefix: key.slice(0, PREFIX_LENGTH),
          createdAt: now,
        })
        .returning();
      await this.#audit.record(tx, {
        action: "apikey.created",
        resource: "api_key",
        appId,
        key: row!.id,
        metadata: { name, scopes },
      });
      return toInfo(row!);
    });
    return { apiKey, key };
  }

  /** The app's keys, oldest first. Revoked keys only with `includeRevoked`. */
  async list(
    appId: string,
    options: { cursor?: string; limit?: number; includeRevoked?: boolean } = {},
  ): Promise<Page<ApiKeyInfo>> {
    const { cursor, limit, includeRevoked } = parseInput(listInput, options, "api key list options");
    const after = cursor === undefined ? undefined : decodeCursor(cursor, z.object({ id: z.string() })).id;
    const rows = await this.#db
      .select()
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.appId, appId),
          includeRevoked ? undefined : isNull(apiKeys.revokedAt),
          after === undefined ? undefined : gt(apiKeys.id, after),
        ),
      )
      .orderBy(asc(apiKeys.id))
      .limit(limit + 1);
    return toPage(rows, limit, toInfo, (row) => ({ id: row.id }));
  }

  /** Revoke a key of `appId` (NOT_FOUND for another app's key). Idempotent. */
  async revoke(appId: string, id: string): Promise<ApiKeyInfo> {
    const keyId = parseInput(idSchema("apiKey"), id, "api key id");
    const now = this.#clock.now();
    const info = await withTransaction(this.#db, async (tx) => {
      const [row] = await tx
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.appId, appId), eq(apiKeys.id, keyId)))
        .for("update");
      if (!row) throw new VaultError("NOT_FOUND", `api key "${keyId}" not found`, { details: { id: keyId } });
      if (row.revokedAt) return toInfo(row);
      const [updated] = await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, keyId)).returning();
      await this.#audit.record(tx, { action: "apikey.revoked", resource: "api_key", appId, key: keyId });
      return toInfo(updated!);
    });
    this.#cache.deleteWhere((cached) => cached.context.apiKeyId === keyId);
    this.#revocations += 1;
    return info;
  }

  /**
   * The cache entry of `presented` if this process authenticated that key within the cache window. Found by the
   * key's SHA-256 (see KeyDigestCache): a hit is an exact match of the digest, and how long finding it takes says
   * nothing usable about a 256-bit random key.
   */
  #cached(presented: string): CachedKey | undefined {
    if (!KEY_PATTERN.test(presented)) return undefined;
    const cached = this.#cache.get(presented);
    return cached !== undefined && cached.expires > Date.now() ? cached : undefined;
  }

  /**
   * The caller behind an `Authorization` header received on `connection` (the socket) if this process authenticated
   * its key within the cache window, else undefined (then call {@link authenticate}). Synchronous, so the common case
   * adds no promise to a request.
   *
   * A connection remembers the header it last authenticated with, for as long as it stays open and the key's cache
   * entry lasts: a keep-alive client sending the same header again is recognised by comparing the header in constant
   * time, without hashing the key again (the hash costs more in place than the rest of authentication). A connection
   * only ever remembers what it sent itself, so its key stays in memory while it is open, as in its own request
   * buffers; the process-wide cache still holds digests only. A revocation in this process (or a key found revoked)
   * forgets every connection's.
   */
  authenticateHeaderCached(header: string, connection: object | null | undefined): AuthContext | undefined {
    const remembered = connection ? this.#byConnection.get(connection) : undefined;
    if (
      remembered !== undefined &&
      remembered.revocations === this.#revocations &&
      sameText(remembered.header, header) &&
      remembered.expires > Date.now()
    ) {
      return remembered.context;
    }
    const presented = bearerKey(header);
    const cached = presented === undefined ? undefined : this.#cached(presented);
    if (cached === undefined) return undefined;
    if (connection) this.#byConnection.set(connection, { ...cached, header, revocations: this.#revocations });
    return cached.context;
  }

  /** The caller behind `presented`, or undefined for a malformed, unknown or revoked key. */
  async authenticate(presented: string): Promise<AuthContext | undefined> {
    const fromCache = this.#cached(presented);
    if (fromCache) return fromCache.context;
    if (!KEY_PATTERN.test(presented)) return undefined;
    const digest = hashApiKey(presented);
    const nowMs = Date.now();
    const [row] = await this.#db.select().from(apiKeys).where(eq(apiKeys.keyHash, digest));
    // The lookup is by hash; the constant-time compare guards against any index or driver shortcut.
    if (!row || row.revokedAt !== null || !timingSafeEqual(Buffer.from(row.keyHash), digest)) {
      // A key this process had accepted is gone (revoked by another process): connections forget it too.
      if (this.#cache.delete(presented)) this.#revocations += 1;
      return undefined;
    }
    const context: AuthContext = {
      apiKeyId: row.id,
      appId: row.appId,
      scopes: row.scopes as Scope[],
      instanceAdmin: row.appId === SYSTEM_APP_ID && row.scopes.includes("admin"),
    };
    if (this.#cacheMs > 0) this.#cache.set(presented, { context, expires: nowMs + this.#cacheMs });
    await this.#touch(row.id, nowMs);
    return context;
  }

  async #touch(id: string, nowMs: number): Promise<void> {
    const last = this.#touched.get(id) ?? 0;
    if (nowMs - last < this.#touchEveryMs) return;
    this.#touched.set(id, nowMs);
    await this.#db.update(apiKeys).set({ lastUsedAt: this.#clock.now() }).where(eq(apiKeys.id, id));
  }

  /**
   * Make sure the system app and an instance-admin key exist. With `adminKey` (from VAULT_ADMIN_KEY) that key is
   * registered if it is not yet; without it, a key is generated only when the system app has no active admin key.
   * Returns the generated key (to print once), or undefined when nothing new was made.
   */
  async bootstrap(options: { adminKey?: string } = {}): Promise<{ generatedKey?: string; registered: boolean }> {
    const now = this.#clock.now();
    await this.#db
      .insert(apps)
      .values({ id: SYSTEM_APP_ID, name: "Vault instance", metadata: {}, createdAt: now, updatedAt: now })
      .onConflictDoNothing();
    const adminScopes: Scope[] = ["admin"];
    if (options.adminKey !== undefined) {
      const [existing] = await this.#db
        .select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt })
        .from(apiKeys)
        .where(eq(apiKeys.keyHash, hashApiKey(options.adminKey)));
      if (existing) return { registered: false };
      await this.create(
        SYSTEM_APP_ID,
        { name: "admin (VAULT_ADMIN_KEY)", scopes: adminScopes },
        { key: options.adminKey },
      );
      return { registered: true };
    }
    const active = await this.#db
      .select({ id: apiKeys.id, scopes: apiKeys.scopes })
      .from(apiKeys)
      .where(and(eq(apiKeys.appId, SYSTEM_APP_ID), isNull(apiKeys.revokedAt)));
    if (active.some((row) => row.scopes.includes("admin"))) return { registered: false };
    const { key } = await this.create(SYSTEM_APP_ID, { name: "admin (bootstrap)", scopes: adminScopes });
    return { generatedKey: key, registered: true };
  }
}

function toInfo(row: ApiKeyRow): ApiKeyInfo {
  return {
    id: row.id,
    appId: row.appId,
    name: row.name,
    scopes: row.scopes as Scope[],
    prefix: row.prefix,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
