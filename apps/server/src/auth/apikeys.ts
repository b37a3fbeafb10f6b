import { hash, randomBytes, timingSafeEqual } from "node:crypto";
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
import {
  type ApiKeyRow,
  type AuditSink,
  apiKeys,
  apps,
  type EventSink,
  noAudit,
  noEvents,
  type StoreContext,
  type VaultDb,
  withTransaction,
} from "@vault/store";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { z } from "zod";
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
/** `Bearer <credentials>`; the scheme is case-insensitive (RFC 9110 §11.1). */
const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

/** The key of an `Authorization: Bearer <key>` header, or undefined when the header is not of that form. */
export function bearerKey(header: string): string | undefined {
  return BEARER.exec(header)?.[1];
}

/** A new API key: `vault_` + 32 random bytes in base64url. Shown once, stored only as its SHA-256. */
export function generateApiKey(): string {
  return `vault_${randomBytes(32).toString("base64url")}`;
}

/** The stored form of a key. A fast hash is enough: the key has 256 bits of entropy. */
export function hashApiKey(key: string): Buffer {
  return hash("sha256", key, "buffer");
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

export interface ApiKeyServiceOptions extends Omit<StoreContext, "changes"> {
  /** How long a successful key lookup is reused in this process (revocation here is immediate). Default 5 s. */
  cacheMs?: number;
  /** How many keys the cache holds at most (least recently used go first). Default 10,000. */
  cacheSize?: number;
  /** How rarely `last_used_at` is written per key (it costs a write). Default 60 s. */
  touchEveryMs?: number;
}

/** API keys: create (shown once), list, revoke, and authenticate a presented key. */
export class ApiKeyService {
  readonly #db: VaultDb;
  readonly #audit: AuditSink;
  readonly #events: EventSink;
  readonly #clock: Clock;
  readonly #touchEveryMs: number;
  /**
   * Keys this process authenticated recently, by the SHA-256 of the key (hex): the cache never holds a key itself.
   * Entries expire after `cacheMs` on the injected clock; undefined when caching is off.
   */
  readonly #cache: LRUCache<string, AuthContext> | undefined;
  readonly #touched = new Map<string, number>();

  constructor(options: ApiKeyServiceOptions) {
    this.#db = options.db;
    this.#audit = options.audit ?? noAudit;
    this.#events = options.events ?? noEvents;
    this.#clock = options.clock ?? systemClock;
    this.#touchEveryMs = options.touchEveryMs ?? 60_000;
    const cacheMs = options.cacheMs ?? 5_000;
    const clock = this.#clock;
    this.#cache =
      cacheMs > 0
        ? new LRUCache<string, AuthContext>({
            max: options.cacheSize ?? 10_000,
            ttl: cacheMs,
            // Time comes from the injected clock, read on every lookup (no coarse timer of the cache's own).
            perf: { now: () => clock.now().getTime() },
            ttlResolution: 0,
          })
        : undefined;
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
      await this.#events.emit(tx, {
        type: "apikey.created",
        resource: "api_key",
        appId,
        key: row!.id,
        data: { name, scopes: row!.scopes },
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
      await this.#events.emit(tx, { type: "apikey.revoked", resource: "api_key", appId, key: keyId });
      return toInfo(updated!);
    });
    if (this.#cache) {
      for (const [digest, context] of this.#cache.entries()) {
        if (context.apiKeyId === keyId) this.#cache.delete(digest);
      }
    }
    return info;
  }

  /**
   * The caller behind `presented`, or undefined for a malformed, unknown or revoked key. A key found within the cache
   * window is not looked up again; a key revoked through this process is dropped from the cache at once, one revoked
   * elsewhere within `cacheMs`.
   */
  async authenticate(presented: string): Promise<AuthContext | undefined> {
    if (!KEY_PATTERN.test(presented)) return undefined;
    const digest = hashApiKey(presented);
    const cacheKey = digest.toString("hex");
    const cached = this.#cache?.get(cacheKey);
    if (cached !== undefined) return cached;
    const [row] = await this.#db.select().from(apiKeys).where(eq(apiKeys.keyHash, digest));
    // The lookup is by hash; the constant-time compare guards against any index or driver shortcut.
    if (!row || row.revokedAt !== null || !timingSafeEqual(Buffer.from(row.keyHash), digest)) return undefined;
    const context: AuthContext = {
      apiKeyId: row.id,
      appId: row.appId,
      scopes: row.scopes as Scope[],
      instanceAdmin: row.appId === SYSTEM_APP_ID && row.scopes.includes("admin"),
    };
    this.#cache?.set(cacheKey, context);
    await this.#touch(row.id);
    return context;
  }

  async #touch(id: string): Promise<void> {
    const nowMs = this.#clock.now().getTime();
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
