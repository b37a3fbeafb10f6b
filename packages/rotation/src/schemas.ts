import { keySchema, pageSizeSchema } from "@vault/core";
import { z } from "zod";
import { STRATEGIES } from "./strategies";

/** How long a started rotation keeps its policy when the service is not told otherwise. */
export const DEFAULT_LEASE_MS = 5 * 60 * 1000;

const MAX_INTERVAL_MS = 10 * 366 * 24 * 3600 * 1000;
const intervalSchema = z
  .number()
  .int()
  .min(1000, "interval must be at least 1000 ms")
  .max(MAX_INTERVAL_MS, "interval must be at most 10 years");

export const createPolicySchema = z
  .object({
    secretKey: keySchema,
    intervalMs: intervalSchema,
    enabled: z.boolean().default(true),
    strategy: z.enum(STRATEGIES),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type CreatePolicyData = z.output<typeof createPolicySchema>;

export const updatePolicySchema = z
  .object({
    intervalMs: intervalSchema.optional(),
    enabled: z.boolean().optional(),
    strategy: z.enum(STRATEGIES).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type UpdatePolicyData = z.output<typeof updatePolicySchema>;

export const leaseMsSchema = z.number().int().min(1000, "leaseMs must be at least 1000 ms").max(MAX_INTERVAL_MS);

export const listOptionsSchema = z.object({ cursor: z.string().optional(), limit: pageSizeSchema }).strict();
export type ListOptions = z.output<typeof listOptionsSchema>;

export const policyCursorSchema = z.object({ secretKey: z.string() });
export const recordCursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.string() });
