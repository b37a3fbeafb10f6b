import { metadataSchema } from "@vault/core";
import { z } from "zod";
import { argon2ParamsSchema } from "./password-kdf";
import { tokenLengthSchema, tokenSchema } from "./token-format";

export const DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;
export const DEFAULT_LOCKOUT = { maxAttempts: 5, lockMs: 15 * 60_000 };
/** Most tokens one readMany, createMany or query in-list takes. */
export const MAX_BATCH = 1000;

const dateInput = z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]);
const expiresAtSchema = dateInput.nullable();
/** Passwords are checked against the policy separately; here only their type (and a hard cap on the KDF's input). */
const passwordSchema = z.string({ error: "password must be a string" }).max(4096, "password is too long");

export const createOptionsSchema = z
  .object({
    password: passwordSchema.optional(),
    expiresAt: expiresAtSchema.optional(),
    data: metadataSchema.optional(),
    token: tokenSchema.optional(),
    tokenLength: tokenLengthSchema.optional(),
  })
  .strict()
  .refine((o) => o.token === undefined || o.tokenLength === undefined, {
    message: "give either token or tokenLength, not both",
    path: ["tokenLength"],
  });
export type CreateInput = z.output<typeof createOptionsSchema>;

export const createManyOptionsSchema = z
  .object({
    password: passwordSchema.optional(),
    expiresAt: expiresAtSchema.optional(),
    data: metadataSchema.optional(),
    tokenLength: tokenLengthSchema.optional(),
  })
  .strict();

export const passwordOptionSchema = z.object({ password: passwordSchema.optional() }).strict();

export const updateOptionsSchema = z
  .object({
    password: passwordSchema.optional(),
    data: metadataSchema.optional(),
    expiresAt: expiresAtSchema.optional(),
  })
  .strict();
export type UpdateInput = z.output<typeof updateOptionsSchema>;

export const upsertOptionsSchema = updateOptionsSchema;

export const tokenListSchema = z.array(tokenSchema).min(1).max(MAX_BATCH);
export const resolveMapSchema = z
  .record(z.string().min(1).max(256), tokenSchema)
  .refine((m) => Object.keys(m).length >= 1 && Object.keys(m).length <= MAX_BATCH, {
    message: `between 1 and ${MAX_BATCH} names`,
  });

export const nullablePasswordSchema = passwordSchema.nullable();
export const expiresAtInputSchema = expiresAtSchema;
export const purgeExpiredOptionsSchema = z.object({ soft: z.boolean().default(false) }).strict();

export const lockoutSchema = z.union([
  z.literal(false),
  z
    .object({
      maxAttempts: z.number().int().min(1).max(1000).default(DEFAULT_LOCKOUT.maxAttempts),
      lockMs: z
        .number()
        .int()
        .min(1)
        .max(365 * 24 * 3_600_000)
        .default(DEFAULT_LOCKOUT.lockMs),
    })
    .strict(),
]);

export const kdfOptionsSchema = z
  .object({
    preset: z.enum(["default", "high", "lightweight"]).optional(),
    params: argon2ParamsSchema.optional(),
    derive: z.custom<unknown>((v) => typeof v === "function", "derive must be a function").optional(),
  })
  .strict()
  .refine((o) => o.preset === undefined || o.params === undefined, "give either preset or params, not both");

export const TOKEN_COLUMNS = [
  "id",
  "appId",
  "data",
  "passwordProtected",
  "version",
  "expiresAt",
  "deletedAt",
  "createdAt",
  "updatedAt",
] as const;

export const tokenQuerySchema = z
  .object({
    ids: z.array(z.string().max(128)).min(1).max(MAX_BATCH).optional(),
    tokens: tokenListSchema.optional(),
    createdFrom: dateInput.optional(),
    createdTo: dateInput.optional(),
    expiresFrom: dateInput.optional(),
    expiresTo: dateInput.optional(),
    includeDeleted: z.boolean().default(false),
    orderBy: z.enum(["createdAt", "updatedAt", "expiresAt", "id"]).default("createdAt"),
    direction: z.enum(["asc", "desc"]).default("asc"),
    limit: z.number().int().min(1).max(MAX_BATCH).default(50),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    cursor: z.string().max(2048).optional(),
    columns: z.array(z.enum(TOKEN_COLUMNS)).min(1).optional(),
  })
  .strict()
  .refine((q) => q.offset === undefined || q.cursor === undefined, {
    message: "give either offset or cursor, not both",
    path: ["cursor"],
  });
export type QueryInput = z.output<typeof tokenQuerySchema>;

/** What a cursor remembers: the ordering it belongs to and the last row's position in it. */
export const queryCursorSchema = z.object({
  orderBy: z.enum(["createdAt", "updatedAt", "expiresAt", "id"]),
  direction: z.enum(["asc", "desc"]),
  /** The last row's order value (ISO time; null: no expiry), absent when ordering by id. */
  at: z.string().nullable().optional(),
  id: z.string(),
});
