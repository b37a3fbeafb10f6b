import { newId, VaultError } from "@vault/core";
import { type TokenRow, tokens, withTransaction } from "@vault/store";
import type { AppTokenKeys } from "./app-keys";
import { recordTokenEvent, type TokenContext } from "./context";
import { sealRecord } from "./envelope";
import { tokenHmac } from "./lookup";
import { findOrCreatePasswordKey, type PasswordKey } from "./password-keys";
import { checkPasswordPolicy } from "./password-policy";
import { futureExpiry, toMeta } from "./rows";
import type { CreateInput } from "./schemas";
import { generateToken } from "./token-format";
import type { CreatedToken } from "./types";

/** The parts of a new record every create path shares. */
export interface NewRecord {
  expiresAt: Date | null;
  data: Record<string, unknown>;
  passwordKey: PasswordKey | undefined;
}

/**
 * Prepare what a create with `opts` needs before its transaction: the app's keys, the policy check and — for a
 * password — the password key (the one derivation, kept outside any transaction: Argon2 takes tens of milliseconds).
 */
export async function prepareCreate(
  ctx: TokenContext,
  appId: string,
  opts: { password?: string; expiresAt?: Date | null; data?: Record<string, unknown> },
): Promise<{ app: AppTokenKeys; record: NewRecord }> {
  const now = ctx.clock.now();
  const expiresAt = futureExpiry(opts.expiresAt, now) ?? null;
  if (opts.password !== undefined) checkPasswordPolicy(ctx.passwordPolicy, opts.password);
  const app = await ctx.appKeys.findOrCreate(ctx, appId);
  const passwordKey =
    opts.password === undefined ? undefined : await findOrCreatePasswordKey(ctx, appId, app, opts.password);
  return { app, record: { expiresAt, data: opts.data ?? {}, passwordKey } };
}

/** Seal `plaintext` into a new row for `token` (not yet inserted). */
export async function newRow(
  ctx: TokenContext,
  appId: string,
  app: AppTokenKeys,
  token: string,
  plaintext: readonly Uint8Array[],
  record: NewRecord,
): Promise<TokenRow> {
  const id = newId("token");
  const now = ctx.clock.now();
  const sealed = await sealRecord(ctx, appId, id, 1, plaintext, record.passwordKey);
  return {
    id,
    appId,
    tokenHmac: tokenHmac(app, token),
    version: 1,
    ...sealed,
    data: record.data,
    failedPasswordAttempts: 0,
    lockedUntil: null,
    expiresAt: record.expiresAt,
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Create one record. A caller-chosen token that a record already holds is ALREADY_EXISTS; a generated one that
 * collides (about 2^-95 at the default length) is drawn again.
 */
export async function createToken(
  ctx: TokenContext,
  appId: string,
  plaintext: readonly Uint8Array[],
  opts: CreateInput,
): Promise<CreatedToken> {
  let { app, record } = await prepareCreate(ctx, appId, opts);
  for (let attempt = 0; attempt < 3; attempt++) {
    const token = opts.token ?? generateToken(opts.tokenLength ?? ctx.tokenLength);
    const row = await newRow(ctx, appId, app, token, plaintext, record);
    let inserted: TokenRow | undefined;
    try {
      inserted = await insertOne(ctx, appId, row, opts);
    } catch (error) {
      // The password key was dropped as unused between finding it and inserting (see dropUnusedPasswordKeys).
      if (attempt < 2 && isForeignKeyViolation(error)) {
        ({ app, record } = await prepareCreate(ctx, appId, opts));
        continue;
      }
      throw error;
    }
    if (inserted !== undefined) return { token, meta: toMeta(inserted) };
    if (opts.token !== undefined) {
      throw new VaultError("ALREADY_EXISTS", "a record already holds this token", {
        details: { what: "token", appId },
      });
    }
  }
  throw new VaultError("INTERNAL", "could not draw an unused token in 3 attempts");
}

/** Insert `row` and audit it, in one transaction; undefined when a record already holds its token. */
function insertOne(ctx: TokenContext, appId: string, row: TokenRow, opts: CreateInput): Promise<TokenRow | undefined> {
  return withTransaction(ctx.db, async (tx) => {
    const [done] = await tx
      .insert(tokens)
      .values(row)
      .onConflictDoNothing({ target: [tokens.appId, tokens.tokenHmac] })
      .returning();
    if (done === undefined) return undefined;
    await recordTokenEvent(ctx, tx, {
      action: "token.created",
      appId,
      key: row.id,
      metadata: {
        passwordProtected: row.passwordKeyId !== null,
        chosenToken: opts.token !== undefined,
        ...(row.expiresAt === null ? {} : { expiresAt: row.expiresAt.toISOString() }),
      },
    });
    return done;
  });
}

/** A foreign-key violation (SQLSTATE 23503) anywhere in the error's cause chain (Drizzle wraps the driver's). */
export function isForeignKeyViolation(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if ((current as { code?: unknown }).code === "23503") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Create one record per value in one transaction, all with the same options: one password derivation for the whole
 * batch (bulk tokenization). Tokens come back in the order of `values`.
 */
export async function createManyTokens(
  ctx: TokenContext,
  appId: string,
  plaintexts: ReadonlyArray<readonly Uint8Array[]>,
  opts: { password?: string; expiresAt?: Date | null; data?: Record<string, unknown>; tokenLength?: number },
): Promise<CreatedToken[]> {
  const { app, record } = await prepareCreate(ctx, appId, opts);
  const created: Array<{ token: string; row: TokenRow }> = [];
  for (const plaintext of plaintexts) {
    const token = generateToken(opts.tokenLength ?? ctx.tokenLength);
    created.push({ token, row: await newRow(ctx, appId, app, token, plaintext, record) });
  }
  const rows = await withTransaction(ctx.db, async (tx) => {
    const inserted = await tx
      .insert(tokens)
      .values(created.map((c) => c.row))
      .returning();
    // A collision of two generated tokens would need about 2^95 draws: the unique key turns one into an error.
    for (const row of created) {
      await recordTokenEvent(ctx, tx, {
        action: "token.created",
        appId,
        key: row.row.id,
        metadata: { passwordProtected: row.row.passwordKeyId !== null, batch: created.length },
      });
    }
    return new Map(inserted.map((r) => [r.id, r]));
  });
  return created.map(({ token, row }) => ({ token, meta: toMeta(rows.get(row.id)!) }));
}
