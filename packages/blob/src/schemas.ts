import { appIdSchema, metadataSchema } from "@vault/core";
import { z } from "zod";

/** Purposes the HTTP API uses as words of its own under /blobs/ (`POST /blobs/sweep`): not available as purposes. */
export const RESERVED_PURPOSES = ["sweep", "verify-proof", "shred"] as const;

/** Purposes are slugs, like app ids: they name a folder of entries and its policy. */
export const purposeSchema = z
  .string({ error: "purpose must be a string" })
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "purpose must be a slug: a-z, 0-9 and '-', 1-63 characters")
  .refine((p) => !(RESERVED_PURPOSES as readonly string[]).includes(p), {
    message: `purpose must not be a reserved word (${RESERVED_PURPOSES.join(", ")})`,
  });

/** External ids: the caller's name for an entry, safe in a URL path segment as it is (no '/', no '%'). */
export const blobIdSchema = z
  .string({ error: "id must be a string" })
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,255}$/,
    "id may contain letters, digits and . _ : - (1-256 characters) and must start with a letter or digit",
  );

/**
 * Identities are opaque labels (a user, a service) the caller presents; bounded and printable. `key:` and `app:` are
 * the identities of callers that present none (their API key, their app): presenting one would let any key of the app
 * act as another key and read its owner-only entries, so they are refused.
 */
export const identitySchema = z
  .string({ error: "identity must be a string" })
  .regex(/^[\x21-\x7e]{1,256}$/, "identity must be 1-256 printable ASCII characters without spaces")
  .refine(
    (identity) => !/^(key|app):/i.test(identity),
    "identity must not start with key: or app: (those name API keys and apps that present no identity)",
  );

export const ACCESS_MODES = ["owner-only", "same-purpose", "open-retrieve", "admin-only"] as const;

/** Retention limits: at most 100 years. */
const MAX_DAYS = 36_500;
/** Retrieval limits are integers a Postgres `integer` holds. */
const MAX_RETRIEVALS = 2_147_483_647;

export const policyInputSchema = z
  .object({
    maxRetentionDays: z.number().int().min(1).max(MAX_DAYS),
    defaultTtlDays: z.number().int().min(1).max(MAX_DAYS),
    access: z.enum(ACCESS_MODES).default("owner-only"),
    allowedApps: z.array(appIdSchema).max(100).default([]),
    grantedKeys: z.array(z.string().min(1).max(128)).max(1000).default([]),
    requireIdentity: z.boolean().default(false),
    maxRetrievals: z.number().int().min(1).max(MAX_RETRIEVALS).nullable().default(null),
  })
  .strict()
  .refine((p) => p.defaultTtlDays <= p.maxRetentionDays, {
    message: "defaultTtlDays must not exceed maxRetentionDays",
    path: ["defaultTtlDays"],
  });
export type PolicyInput = z.output<typeof policyInputSchema>;

const dateInput = z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]);

export const putOptionsSchema = z
  .object({
    metadata: metadataSchema.optional(),
    expiresAt: dateInput.optional(),
    maxRetrievals: z.number().int().min(1).max(MAX_RETRIEVALS).optional(),
  })
  .strict();
export type PutInput = z.output<typeof putOptionsSchema>;

export const callerSchema = z
  .object({
    appId: appIdSchema.optional(),
    apiKeyId: z.string().min(1).max(128).optional(),
    identity: identitySchema.optional(),
    admin: z.boolean().optional(),
  })
  .strict();

export const listQuerySchema = z
  .object({
    limit: z.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(2048).optional(),
  })
  .strict();
export type ListInput = z.output<typeof listQuerySchema>;

export const sweepOptionsSchema = z
  .object({
    appId: appIdSchema.optional(),
    batchSize: z.number().int().min(1).max(10_000).optional(),
    maxBatches: z.number().int().min(1).optional(),
    pauseMs: z.number().int().min(0).max(60_000).optional(),
    signal: z.instanceof(AbortSignal).optional(),
    trigger: z.enum(["schedule", "manual"]).default("manual"),
  })
  .strict();

export const reportOptionsSchema = z
  .object({
    from: dateInput.optional(),
    to: dateInput.optional(),
    verifyAudit: z.boolean().default(true),
  })
  .strict();

export const proofRecordSchema = z
  .object({
    blobId: z.string().regex(/^blob_[0-9a-z]{26}$/, "blobId must be a blob_… id"),
    appId: appIdSchema,
    purpose: purposeSchema,
    id: blobIdSchema,
    size: z.number().int().min(0),
    contentDigest: z.string().regex(/^[0-9a-f]{64}$/, "contentDigest must be 64 hex digits"),
    reason: z.enum(["deleted", "expired", "exhausted", "shredded", "replaced"]),
    purgedAt: dateInput,
    proof: z.string().regex(/^[0-9a-f]{64}$/, "proof must be 64 hex digits"),
  })
  .strict();
