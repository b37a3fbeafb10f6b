import { metadataSchema } from "@vault/core";
import { z } from "zod";

/** Versions a secret keeps readable when neither the service nor the secret says otherwise. */
export const DEFAULT_MAX_VERSIONS = 10;
export const DEFAULT_MAX_VALUE_BYTES = 4 * 1024 * 1024;

// Version numbers are Postgres `integer`s.
const MAX_VERSION = 2_147_483_647;

export const versionNumberSchema = z.number().int().min(1).max(MAX_VERSION);
export const maxVersionsSchema = z.number().int().min(1).max(1000);
const expiresAtSchema = z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]).nullable();

export const setOptionsSchema = z
  .object({
    metadata: metadataSchema.optional(),
    expiresAt: expiresAtSchema.optional(),
    cas: z.number().int().min(0).max(MAX_VERSION).optional(),
    maxVersions: maxVersionsSchema.optional(),
    tx: z.unknown().optional(),
  })
  .strict();
export type SetInput = z.output<typeof setOptionsSchema>;

export const getOptionsSchema = z
  .object({ version: versionNumberSchema.optional(), tx: z.unknown().optional() })
  .strict();

export const statOptionsSchema = z.object({ version: versionNumberSchema.optional() }).strict();

export const versionsOptionsSchema = z
  .object({ versions: z.array(versionNumberSchema).min(1).max(1000).optional(), tx: z.unknown().optional() })
  .strict();

export const listOptionsSchema = z
  .object({
    prefix: z.string().max(256).optional(),
    cursor: z.string().max(2048).optional(),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export const listCursorSchema = z.object({ key: z.string() });
