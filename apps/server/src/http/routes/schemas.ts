import { appIdSchema, keySchema } from "@vault/core";
import { z } from "zod";
import { timestamp } from "../route";

/** Path parameters shared by the app-scoped routes. */
export const appParams = z.object({ appId: appIdSchema });
export const appKeyParams = z.object({ appId: appIdSchema, key: keySchema });

/** `?cursor=&limit=` of every list. */
export const pageQuery = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** A page of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const nullableTimestamp = timestamp.nullable();
