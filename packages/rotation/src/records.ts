import { decodeCursor, type Page, toPage } from "@vault/core";
import { rotations } from "@vault/store";
import { and, desc, eq, lt, or } from "drizzle-orm";
import type { RotationServiceContext } from "./context";
import { toRecord } from "./rows";
import { type ListOptions, recordCursorSchema } from "./schemas";
import type { RotationRecord } from "./types";

/** Rotation records of the app (optionally of one secret), newest first, a page at a time. */
export async function listRecords(
  ctx: RotationServiceContext,
  appId: string,
  secretKey: string | undefined,
  { cursor, limit }: ListOptions,
): Promise<Page<RotationRecord>> {
  const position = cursor === undefined ? undefined : decodeCursor(cursor, recordCursorSchema);
  const rows = await ctx.db
    .select()
    .from(rotations)
    .where(
      and(
        eq(rotations.appId, appId),
        secretKey === undefined ? undefined : eq(rotations.secretKey, secretKey),
        position === undefined
          ? undefined
          : or(
              lt(rotations.createdAt, new Date(position.createdAt)),
              and(eq(rotations.createdAt, new Date(position.createdAt)), lt(rotations.id, position.id)),
            ),
      ),
    )
    .orderBy(desc(rotations.createdAt), desc(rotations.id))
    .limit(limit + 1);
  return toPage(rows, limit, toRecord, (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }));
}
