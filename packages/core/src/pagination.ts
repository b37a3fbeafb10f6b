import { z } from "zod";
import { VaultError } from "./errors";

/** One page of a list, newest-first or key order as the list documents; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export const pageSizeSchema = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE);

/**
 * Encode a position in a list as an opaque cursor. The payload is versioned JSON in base64url; callers must not
 * depend on its shape.
 */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ v: 1, p: position }), "utf8").toString("base64url");
}

/** Decode a cursor made by {@link encodeCursor} and check it against `schema`; anything else is VALIDATION. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const envelope = z.object({ v: z.literal(1), p: z.unknown() }).safeParse(parsed);
  if (!envelope.success) throw invalidCursor();
  const position = schema.safeParse(envelope.data.p);
  if (!position.success) throw invalidCursor();
  return position.data;
}

/** Build a page from `limit + 1` fetched rows: the extra row only proves there is a next page. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  positionOf: (row: Row) => Record<string, unknown>,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(toItem),
    nextCursor: hasMore && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}

function invalidCursor(): VaultError {
  return new VaultError("VALIDATION", "invalid cursor: pass back the nextCursor of a previous page unchanged", {
    details: { field: "cursor" },
  });
}
