import { decodeCursor, encodeCursor, VaultError } from "@vault/core";
import { type TokenRow, tokens } from "@vault/store";
import { and, count, eq, gte, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import { recordTokenRead, type TokenContext } from "./context";
import { tokenHmac } from "./lookup";
import { toMeta } from "./rows";
import { type QueryInput, queryCursorSchema, TOKEN_COLUMNS } from "./schemas";
import type { TokenColumn, TokenMeta, TokenOrderBy, TokenPage, TokenQuery } from "./types";

/**
 * The query builder over token records' metadata. It selects metadata columns only — never the ciphertext, the
 * wrapped DEK or the token's HMAC — so nothing it returns can reveal a value or a token.
 *
 * ```ts
 * const page = await tokens.query("shop").createdFrom(monday).includeDeleted().orderBy("expiresAt", "desc").limit(20).list();
 * const n = await tokens.query("shop").tokenIn([a, b]).count();
 * ```
 */
export class TokenQueryBuilder {
  readonly #run: { list(q: TokenQuery): Promise<TokenPage>; count(q: TokenQuery): Promise<number> };
  readonly #query: TokenQuery;

  /** @internal Use `TokenService.query(appId)`. */
  constructor(
    run: { list(q: TokenQuery): Promise<TokenPage>; count(q: TokenQuery): Promise<number> },
    query: TokenQuery = {},
  ) {
    this.#run = run;
    this.#query = query;
  }

  /** Only the record `id` (`tok_…`). */
  id(id: string): TokenQueryBuilder {
    return this.#with({ ids: [id] });
  }
  /** Only these records. */
  idIn(ids: string[]): TokenQueryBuilder {
    return this.#with({ ids });
  }
  /** Only the record of `token`. */
  token(token: string): TokenQueryBuilder {
    return this.#with({ tokens: [token] });
  }
  /** Only the records of these tokens. */
  tokenIn(tokenList: string[]): TokenQueryBuilder {
    return this.#with({ tokens: tokenList });
  }
  /** Created at or after `from`. */
  createdFrom(from: Date | string): TokenQueryBuilder {
    return this.#with({ createdFrom: from });
  }
  /** Created before `to`. */
  createdBefore(to: Date | string): TokenQueryBuilder {
    return this.#with({ createdTo: to });
  }
  /** Expiring at or after `from` (records without an expiry never match). */
  expiresFrom(from: Date | string): TokenQueryBuilder {
    return this.#with({ expiresFrom: from });
  }
  /** Expiring before `to` (records without an expiry never match). */
  expiresBefore(to: Date | string): TokenQueryBuilder {
    return this.#with({ expiresTo: to });
  }
  /** Soft-deleted records too. */
  includeDeleted(include = true): TokenQueryBuilder {
    return this.#with({ includeDeleted: include });
  }
  orderBy(column: TokenOrderBy, direction: "asc" | "desc" = "asc"): TokenQueryBuilder {
    return this.#with({ orderBy: column, direction });
  }
  limit(limit: number): TokenQueryBuilder {
    return this.#with({ limit });
  }
  offset(offset: number): TokenQueryBuilder {
    return this.#with({ offset });
  }
  /** Continue after a previous page (its `nextCursor`). */
  after(cursor: string): TokenQueryBuilder {
    return this.#with({ cursor });
  }
  /** Return only these fields (and `id`). */
  columns(...columns: TokenColumn[]): TokenQueryBuilder {
    return this.#with({ columns });
  }
  /** The query as plain options (what `TokenService.list` and the HTTP API take). */
  toQuery(): TokenQuery {
    return { ...this.#query };
  }
  list(): Promise<TokenPage> {
    return this.#run.list(this.#query);
  }
  /** How many records match (limit, offset, cursor and order ignored). */
  count(): Promise<number> {
    return this.#run.count(this.#query);
  }

  #with(change: TokenQuery): TokenQueryBuilder {
    return new TokenQueryBuilder(this.#run, { ...this.#query, ...change });
  }
}

/** The metadata columns a query may read: never `ciphertext`, `wrapped_dek` or `token_hmac`. */
const META_COLUMNS = {
  id: tokens.id,
  appId: tokens.appId,
  data: tokens.data,
  passwordKeyId: tokens.passwordKeyId,
  version: tokens.version,
  expiresAt: tokens.expiresAt,
  deletedAt: tokens.deletedAt,
  createdAt: tokens.createdAt,
  updatedAt: tokens.updatedAt,
};

/** What ordering by each column sorts on; ids in byte order, records without expiry after every expiry. */
function orderExpression(orderBy: TokenOrderBy): SQL {
  switch (orderBy) {
    case "createdAt":
      return sql`${tokens.createdAt}`;
    case "updatedAt":
      return sql`${tokens.updatedAt}`;
    case "expiresAt":
      return sql`coalesce(${tokens.expiresAt}, 'infinity'::timestamptz)`;
    case "id":
      return sql`${tokens.id} collate "C"`;
  }
}

/** The WHERE of a query: the app, its filters, and live records unless `includeDeleted`. */
async function filters(ctx: TokenContext, appId: string, q: QueryInput): Promise<SQL | undefined | "none"> {
  const conditions: Array<SQL | undefined> = [eq(tokens.appId, appId)];
  if (q.ids !== undefined) conditions.push(inArray(tokens.id, q.ids));
  if (q.tokens !== undefined) {
    const app = await ctx.appKeys.find(ctx, appId);
    if (app === undefined) return "none";
    conditions.push(
      inArray(
        tokens.tokenHmac,
        q.tokens.map((t) => tokenHmac(app, t)),
      ),
    );
  }
  if (q.createdFrom !== undefined) conditions.push(gte(tokens.createdAt, q.createdFrom));
  if (q.createdTo !== undefined) conditions.push(lt(tokens.createdAt, q.createdTo));
  if (q.expiresFrom !== undefined) conditions.push(gte(tokens.expiresAt, q.expiresFrom));
  if (q.expiresTo !== undefined) conditions.push(lt(tokens.expiresAt, q.expiresTo));
  if (!q.includeDeleted) conditions.push(isNull(tokens.deletedAt));
  return and(...conditions);
}

/** A page of records matching `q`, metadata only, ordered by `orderBy` then id; audited as `token.queried`. */
export async function listTokens(ctx: TokenContext, appId: string, q: QueryInput): Promise<TokenPage> {
  const where = await filters(ctx, appId, q);
  let page: TokenPage = { items: [], nextCursor: null };
  if (where !== "none") {
    const order = orderExpression(q.orderBy);
    const direction = q.direction === "asc" ? sql`asc` : sql`desc`;
    const after = q.cursor === undefined ? undefined : keysetAfter(q, order);
    const rows = await ctx.db
      .select({ ...META_COLUMNS, orderValue: sql<string | null>`(${order})::text`.as("order_value") })
      .from(tokens)
      .where(and(where, after))
      .orderBy(sql`${order} ${direction}`, sql`${tokens.id} collate "C" ${direction}`)
      .limit(q.limit + 1)
      .offset(q.offset ?? 0);
    const more = rows.length > q.limit;
    const pageRows = more ? rows.slice(0, q.limit) : rows;
    const last = pageRows[pageRows.length - 1];
    page = {
      items: pageRows.map((row) => pick(toMeta(row as unknown as TokenRow), q.columns)),
      nextCursor:
        more && last !== undefined
          ? encodeCursor({
              orderBy: q.orderBy,
              direction: q.direction,
              ...(q.orderBy === "id" ? {} : { at: last.orderValue === "infinity" ? null : last.orderValue }),
              id: last.id,
            })
          : null,
    };
  }
  await recordTokenRead(ctx, {
    action: "token.queried",
    appId,
    metadata: { returned: page.items.length, byToken: q.tokens?.length ?? 0, byId: q.ids?.length ?? 0 },
  });
  return page;
}

/** How many records match `q`; audited as `token.queried`. */
export async function countTokens(ctx: TokenContext, appId: string, q: QueryInput): Promise<number> {
  const where = await filters(ctx, appId, q);
  const total = where === "none" ? 0 : ((await ctx.db.select({ n: count() }).from(tokens).where(where))[0]?.n ?? 0);
  await recordTokenRead(ctx, { action: "token.queried", appId, metadata: { counted: total } });
  return total;
}

/** The keyset condition "after the cursor's row" in the query's order (ties broken by id, in byte order). */
function keysetAfter(q: QueryInput, order: SQL): SQL {
  const cursor = decodeCursor(q.cursor!, queryCursorSchema);
  if (cursor.orderBy !== q.orderBy || cursor.direction !== q.direction) {
    throw new VaultError("VALIDATION", "invalid cursor: it belongs to a query with another order", {
      details: { field: "cursor" },
    });
  }
  const op = q.direction === "asc" ? sql`>` : sql`<`;
  const id = sql`${tokens.id} collate "C"`;
  if (q.orderBy === "id") return sql`${id} ${op} ${cursor.id}`;
  const at =
    cursor.at === null || cursor.at === undefined ? sql`'infinity'::timestamptz` : sql`${cursor.at}::timestamptz`;
  return sql`(${order}, ${id}) ${op} (${at}, ${cursor.id} collate "C")`;
}

function pick(meta: TokenMeta, columns: readonly TokenColumn[] | undefined): Partial<TokenMeta> & { id: string } {
  if (columns === undefined) return meta;
  const out: Partial<TokenMeta> & { id: string } = { id: meta.id };
  for (const column of columns) (out as Record<string, unknown>)[column] = meta[column];
  return out;
}

export { TOKEN_COLUMNS };
