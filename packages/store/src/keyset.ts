import { type Column, type SQL, sql } from "drizzle-orm";

/**
 * Keyset pagination over a text column in byte order (`collate "C"`): the same order on every database and locale,
 * and the order the cursor's "after" comparison uses. Returns the WHERE conditions (under `prefix`, after `after`;
 * undefined when not given, which `and()` skips) and the matching ORDER BY.
 */
export function byteOrderKeyset(
  column: Column,
  options: { prefix?: string | undefined; after?: string | undefined },
): { conditions: (SQL | undefined)[]; orderBy: SQL } {
  const ordered = sql`${column} collate "C"`;
  return {
    conditions: [
      options.prefix ? sql`starts_with(${column}, ${options.prefix})` : undefined,
      options.after !== undefined ? sql`${ordered} > ${options.after}` : undefined,
    ],
    orderBy: ordered,
  };
}
