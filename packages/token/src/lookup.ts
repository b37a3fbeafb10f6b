import { hmacSha256 } from "@vault/crypto";
import { type Executor, type TokenRow, tokens, type VaultDb } from "@vault/store";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { AppTokenKeys } from "./app-keys";

/** The lookup key of a token: HMAC-SHA256 under the app's index key. The token itself is never stored. */
export function tokenHmac(app: AppTokenKeys, token: string): Buffer {
  return hmacSha256(app.indexKey, token);
}

/** The record of `token` in `appId` (any state); `lock` takes its row lock. */
export async function findRecord(
  executor: Executor,
  appId: string,
  app: AppTokenKeys,
  token: string,
  lock = false,
): Promise<TokenRow | undefined> {
  const query = executor
    .select()
    .from(tokens)
    .where(and(eq(tokens.appId, appId), eq(tokens.tokenHmac, tokenHmac(app, token))));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** The records of `tokenList` in `appId`, by token (tokens without a record are absent). */
export async function findRecords(
  executor: Executor,
  appId: string,
  app: AppTokenKeys,
  tokenList: readonly string[],
): Promise<Map<string, TokenRow>> {
  const hmacs = new Map(tokenList.map((token) => [tokenHmac(app, token).toString("hex"), token]));
  const rows = await executor
    .select()
    .from(tokens)
    .where(
      and(
        eq(tokens.appId, appId),
        inArray(
          tokens.tokenHmac,
          [...hmacs.keys()].map((h) => Buffer.from(h, "hex")),
        ),
      ),
    );
  const out = new Map<string, TokenRow>();
  for (const row of rows) out.set(hmacs.get(Buffer.from(row.tokenHmac).toString("hex"))!, row);
  return out;
}

/** Lock record `id` (FOR UPDATE) inside `tx`. */
export async function lockRecord(tx: Executor, id: string): Promise<TokenRow | undefined> {
  const [row] = await tx.select().from(tokens).where(eq(tokens.id, id)).for("update");
  return row;
}

/**
 * The lookup by HMAC prepared once per service (as secret reads are): postgres.js then keeps a server-side statement
 * instead of asking for the parameter types first, and Drizzle does not rebuild the query per read.
 */
export function prepareLookup(db: VaultDb) {
  return db
    .select()
    .from(tokens)
    .where(and(eq(tokens.appId, sql.placeholder("appId")), eq(tokens.tokenHmac, sql.placeholder("hmac"))))
    .prepare("vault_token_find_by_hmac");
}
export type PreparedLookup = ReturnType<typeof prepareLookup>;

/** {@link findRecord} through the prepared statement (no lock, the service's own handle). */
export async function findRecordPrepared(
  lookup: PreparedLookup,
  appId: string,
  app: AppTokenKeys,
  token: string,
): Promise<TokenRow | undefined> {
  const [row] = await lookup.execute({ appId, hmac: tokenHmac(app, token) });
  return row;
}
