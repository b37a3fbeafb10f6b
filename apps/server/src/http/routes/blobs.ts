import {
  ACCESS_MODES,
  type BlobCaller,
  type BlobMeta,
  blobIdSchema,
  identitySchema,
  purposeSchema,
  renderReportHtml,
} from "@vault/blob";
import { appIdSchema, metadataSchema, VaultError } from "@vault/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AuthContext } from "../../auth/apikeys";
import { hasScope } from "../../auth/scopes";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { appParams, pageOf, pageQuery } from "./schemas";

// Governed blobs (DESIGN §6). Bytes travel as application/octet-stream (metadata and expiry in x-vault-* headers) or
// as JSON with base64 data; a GET answers bytes with the metadata in headers, or JSON when asked with Accept. Callers
// present an identity in x-vault-identity: it owns what they store and is recorded in the audit entries.

const IDENTITY = "x-vault-identity";
const METADATA = "x-vault-metadata";
const EXPIRES_AT = "x-vault-expires-at";
const MAX_RETRIEVALS = "x-vault-max-retrievals";

const identityHeaders = z.looseObject({
  [IDENTITY]: identitySchema
    .optional()
    .describe("who is acting (a user, a service): owns what it stores; required by purposes with requireIdentity"),
});

const blobParams = z.object({ appId: appIdSchema, purpose: purposeSchema, id: blobIdSchema });
const purposeParams = z.object({ appId: appIdSchema, purpose: purposeSchema });
const isoTime = z.iso.datetime({ offset: true });
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** Raw bytes in a body or an answer (a Buffer in the handler; binary on the wire). */
const bytesSchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), "expected bytes")
  .meta({ type: "string", format: "binary" });

export const blobMetaSchema = z.object({
  id: z.string(),
  blobId: z.string(),
  appId: z.string(),
  purpose: z.string(),
  owner: z.string(),
  size: z.number().int(),
  metadata: metadataSchema,
  maxRetrievals: z.number().int().nullable(),
  retrievals: z.number().int(),
  retrievalsLeft: z.number().int().nullable(),
  expiresAt: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const policySchema = z.object({
  appId: z.string(),
  purpose: z.string(),
  maxRetentionDays: z.number().int(),
  defaultTtlDays: z.number().int(),
  access: z.enum(ACCESS_MODES),
  allowedApps: z.array(z.string()),
  grantedKeys: z.array(z.string()),
  requireIdentity: z.boolean(),
  maxRetrievals: z.number().int().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const purgeReason = z.enum(["deleted", "expired", "exhausted", "shredded", "replaced"]);
const proofSchema = z.object({
  blobId: z.string(),
  appId: z.string(),
  purpose: z.string(),
  id: z.string(),
  size: z.number().int(),
  contentDigest: hex64,
  reason: purgeReason,
  purgedAt: timestamp,
  proof: hex64,
});

const sweepRunSchema = z.object({
  id: z.string(),
  appId: z.string().nullable(),
  trigger: z.enum(["schedule", "manual"]),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  purged: z.number().int(),
  batches: z.number().int(),
  error: z.string().nullable(),
});

const counts = {
  active: z.number().int(),
  expiringWithin30Days: z.number().int(),
  expiredPendingPurge: z.number().int(),
  shreddedPendingPurge: z.number().int(),
  bytes: z.number().int(),
};
const reportSchema = z.object({
  appId: z.string(),
  generatedAt: timestamp,
  period: z.object({ from: timestamp, to: timestamp }),
  inventory: z.object({
    totals: z.object(counts),
    purposes: z.array(
      z.object({
        purpose: z.string(),
        policy: z
          .object({
            maxRetentionDays: z.number().int(),
            defaultTtlDays: z.number().int(),
            access: z.enum(ACCESS_MODES),
            allowedApps: z.array(z.string()),
            requireIdentity: z.boolean(),
            maxRetrievals: z.number().int().nullable(),
          })
          .nullable(),
        ...counts,
      }),
    ),
  }),
  retention: z.object({
    conforming: z.boolean(),
    violations: z.number().int(),
    entries: z.array(
      z.object({
        purpose: z.string(),
        id: z.string(),
        blobId: z.string(),
        createdAt: timestamp,
        expiresAt: timestamp,
        maxRetentionDays: z.number().int().nullable(),
      }),
    ),
  }),
  access: z.object({
    available: z.boolean(),
    retrievals: z.number().int(),
    retrievalsByIdentity: z.array(z.object({ identity: z.string(), retrievals: z.number().int() })),
    denials: z.number().int(),
    denialsByIdentity: z.array(z.object({ identity: z.string(), denials: z.number().int() })),
    failedRetrievals: z.number().int(),
  }),
  purge: z.object({
    lastSweep: sweepRunSchema.nullable(),
    duePending: z.number().int(),
    purgedInPeriod: z.number().int(),
    purgedByReason: z.partialRecord(purgeReason, z.number().int()),
    proofsAvailable: z.number().int(),
    allProofsAvailable: z.boolean(),
  }),
  auditChain: z.object({
    available: z.boolean(),
    verified: z.boolean().nullable(),
    checked: z.number().int(),
    problem: z.string().nullable(),
  }),
});

/** Who is calling, as the blob service sees it: the key's app and id, the presented identity, admin or not. */
function callerOf(auth: AuthContext | undefined, headers: Record<string, unknown>): BlobCaller {
  const identity = headers[IDENTITY];
  return {
    ...(auth === undefined ? {} : { appId: auth.appId, apiKeyId: auth.apiKeyId }),
    ...(typeof identity === "string" ? { identity } : {}),
    admin: auth !== undefined && hasScope(auth.scopes, "blobs:admin"),
  };
}

/** A header value as a single string (the last one when repeated). */
function headerText(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** The body of a PUT sent as application/octet-stream: the bytes, with metadata, expiry and limit from headers. */
function bytesPutBody(data: Buffer, headers: Record<string, string | string[] | undefined>): Record<string, unknown> {
  const body: Record<string, unknown> = { data };
  const metadata = headerText(headers, METADATA);
  if (metadata !== undefined) {
    try {
      body.metadata = JSON.parse(metadata);
    } catch {
      throw new VaultError("VALIDATION", `headers.${METADATA}: not valid JSON (send a JSON object)`, {
        details: { field: `headers.${METADATA}` },
      });
    }
  }
  const expiresAt = headerText(headers, EXPIRES_AT);
  if (expiresAt !== undefined) body.expiresAt = expiresAt;
  const maxRetrievals = headerText(headers, MAX_RETRIEVALS);
  if (maxRetrievals !== undefined) {
    if (!/^[0-9]{1,10}$/.test(maxRetrievals)) {
      throw new VaultError("VALIDATION", `headers.${MAX_RETRIEVALS}: not a whole number`, {
        details: { field: `headers.${MAX_RETRIEVALS}` },
      });
    }
    body.maxRetrievals = Number(maxRetrievals);
  }
  return body;
}

/** JSON in a header: every character outside printable ASCII escaped, so the value is a valid header and JSON alike. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** An entry's metadata as response headers (GET with bytes, and HEAD). */
function metaHeaders(reply: FastifyReply, meta: BlobMeta): void {
  reply
    .header("x-vault-blob-id", meta.blobId)
    .header("x-vault-size", String(meta.size))
    .header("x-vault-owner", meta.owner)
    .header("x-vault-expires-at", meta.expiresAt.toISOString())
    .header("x-vault-retrievals", String(meta.retrievals))
    .header("x-vault-retrievals-left", meta.retrievalsLeft === null ? "unlimited" : String(meta.retrievalsLeft))
    .header(METADATA, asciiJson(meta.metadata))
    .header("last-modified", meta.updatedAt.toUTCString());
}

/** Whether the caller asked for JSON rather than bytes. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? "";
  return /\bapplication\/json\b/i.test(accept) && !/\bapplication\/octet-stream\b/i.test(accept);
}

/** Governed blob storage: entries, purpose policies, the sweep, purge proofs, crypto-shred and the compliance report. */
export function blobRoutes(): RouteDef[] {
  const entry = "/v1/apps/:appId/blobs/:purpose/:id";
  const read = { kind: "app", scope: "blobs:read" } as const;
  const write = { kind: "app", scope: "blobs:write" } as const;
  const admin = { kind: "app", scope: "blobs:admin" } as const;
  return [
    defineRoute({
      method: "PUT",
      url: entry,
      operationId: "putBlob",
      summary:
        "Store an entry: raw bytes as application/octet-stream (x-vault-metadata JSON, x-vault-expires-at, x-vault-max-retrievals headers) or JSON with base64 data. Replaces a live entry of the same id (its content purged with a proof). No policy → 422, expiry beyond the maximum retention → 422 RETENTION_VIOLATION, too many bytes → 413.",
      tag: "blobs",
      auth: write,
      params: blobParams,
      headers: identityHeaders,
      bytesBody: bytesPutBody,
      // Base64 in JSON is a third larger than the bytes; the service checks the decoded size exactly.
      bodyLimit: (vault) => Math.ceil((vault.blobs.maxBlobBytes * 4) / 3) + 65_536,
      body: z
        .object({
          data: z.union([z.base64(), bytesSchema], {
            error: "data must be base64 (standard alphabet, padded), or send the bytes as application/octet-stream",
          }),
          metadata: metadataSchema.optional(),
          expiresAt: isoTime.optional(),
          maxRetrievals: z.number().int().min(1).max(2_147_483_647).optional(),
        })
        .strict(),
      response: z.object({ meta: blobMetaSchema, replaced: z.boolean() }),
      handler: async ({ vault, params, body, auth, request }) =>
        vault.blobs.put(
          params.appId,
          params.purpose,
          params.id,
          typeof body.data === "string" ? Buffer.from(body.data, "base64") : body.data,
          { metadata: body.metadata, expiresAt: body.expiresAt, maxRetrievals: body.maxRetrievals },
          callerOf(auth, request.headers),
        ),
    }),
    defineRoute({
      method: "GET",
      url: entry,
      operationId: "getBlob",
      summary:
        "Retrieve an entry, counting one retrieval atomically: the bytes with the metadata in x-vault-* headers, or JSON ({ data: base64, meta }) with Accept: application/json. Expired, exhausted, shredded or purged → 410; refused by the purpose's access policy → 403; another app not in allowedApps → 404. Audited.",
      tag: "blobs",
      auth: { ...read, otherApps: true },
      params: blobParams,
      headers: identityHeaders,
      produces: "application/octet-stream",
      alsoProduces: { "application/json": z.object({ data: z.base64(), meta: blobMetaSchema }) },
      response: bytesSchema,
      handler: async ({ vault, params, auth, request, reply }) => {
        const { data, meta } = await vault.blobs.get(
          params.appId,
          params.purpose,
          params.id,
          callerOf(auth, request.headers),
        );
        if (wantsJson(request)) {
          reply.type("application/json");
          return { data: data.toString("base64"), meta };
        }
        metaHeaders(reply, meta);
        reply.type("application/octet-stream");
        return data;
      },
    }),
    defineRoute({
      method: "HEAD",
      url: entry,
      operationId: "checkBlob",
      summary:
        "Whether an entry can be retrieved, with its size, expiry and retrievals left in x-vault-* headers; answers as GET would, but counts nothing, decrypts nothing and writes no audit entry.",
      tag: "blobs",
      auth: { ...read, otherApps: true },
      params: blobParams,
      headers: identityHeaders,
      response: null,
      audited: false,
      handler: async ({ vault, params, auth, request, reply }) => {
        const meta = await vault.blobs.stat(params.appId, params.purpose, params.id, callerOf(auth, request.headers));
        metaHeaders(reply, meta);
        return undefined;
      },
    }),
    defineRoute({
      method: "DELETE",
      url: entry,
      operationId: "deleteBlob",
      summary:
        "Purge an entry now; answers the keyed proof of the purge (also recorded and in the audit log). Already purged → 410.",
      tag: "blobs",
      auth: write,
      params: blobParams,
      headers: identityHeaders,
      response: proofSchema,
      handler: async ({ vault, params, auth, request }) =>
        vault.blobs.delete(params.appId, params.purpose, params.id, callerOf(auth, request.headers)),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/blobs/:purpose",
      operationId: "listBlobs",
      summary:
        "A purpose's entries in the order stored, metadata only, a page at a time (owner-only purposes: your own entries unless blobs:admin).",
      tag: "blobs",
      auth: read,
      params: purposeParams,
      headers: identityHeaders,
      query: pageQuery,
      response: pageOf(blobMetaSchema),
      handler: async ({ vault, params, query, auth, request }) =>
        vault.blobs.list(
          params.appId,
          params.purpose,
          { ...(query.limit === undefined ? {} : { limit: query.limit }), cursor: query.cursor },
          callerOf(auth, request.headers),
        ),
    }),
    defineRoute({
      method: "PUT",
      url: "/v1/apps/:appId/blob-policies/:purpose",
      operationId: "setBlobPolicy",
      summary:
        "Create or replace a purpose's retention and access policy. Lowering maxRetentionDays brings forward the expiry of stored entries that would outlive it.",
      tag: "blobs",
      auth: admin,
      params: purposeParams,
      body: z
        .object({
          maxRetentionDays: z.number().int().min(1).max(36_500),
          defaultTtlDays: z.number().int().min(1).max(36_500),
          access: z.enum(ACCESS_MODES).optional(),
          allowedApps: z.array(appIdSchema).max(100).optional(),
          grantedKeys: z.array(z.string().min(1).max(128)).max(1000).optional(),
          requireIdentity: z.boolean().optional(),
          maxRetrievals: z.number().int().min(1).max(2_147_483_647).nullable().optional(),
        })
        .strict(),
      response: z.object({ policy: policySchema, created: z.boolean(), entriesShortened: z.number().int() }),
      handler: async ({ vault, params, body }) => vault.blobs.setPolicy(params.appId, params.purpose, body),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/blob-policies/:purpose",
      operationId: "getBlobPolicy",
      summary: "A purpose's retention and access policy.",
      tag: "blobs",
      auth: read,
      params: purposeParams,
      response: policySchema,
      handler: async ({ vault, params }) => vault.blobs.getPolicy(params.appId, params.purpose),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/blob-policies",
      operationId: "listBlobPolicies",
      summary: "Every purpose's policy, by purpose.",
      tag: "blobs",
      auth: read,
      params: appParams,
      response: z.object({ items: z.array(policySchema) }),
      handler: async ({ vault, params }) => ({ items: await vault.blobs.listPolicies(params.appId) }),
    }),
    defineRoute({
      method: "POST",
      url: "/v1/apps/:appId/blobs/sweep",
      operationId: "sweepBlobs",
      summary:
        "Run the purge sweep for this app now: every due entry (expired, or of a shredded owner) purged with a proof, in batches. Safe beside the scheduled sweeps of other instances.",
      tag: "blobs",
      auth: admin,
      params: appParams,
      body: z
        .object({ maxBatches: z.number().int().min(1).optional() })
        .strict()
        .nullish(),
      response: sweepRunSchema,
      timeoutMs: 120_000,
      handler: async ({ vault, params, body }) =>
        vault.blobs.sweep({ appId: params.appId, trigger: "manual", maxBatches: body?.maxBatches }),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/blobs/sweep",
      operationId: "blobSweepStatus",
      summary: "The app's last sweep (its own or a scheduled one over every app) and how many entries are due now.",
      tag: "blobs",
      auth: read,
      params: appParams,
      response: z.object({ lastRun: sweepRunSchema.nullable(), due: z.number().int() }),
      handler: async ({ vault, params }) => vault.blobs.sweepStatus(params.appId),
    }),
    defineRoute({
      method: "POST",
      url: "/v1/apps/:appId/blobs/verify-proof",
      operationId: "verifyBlobProof",
      summary:
        "Check a purge proof of this app: valid (made with the app's proof key over exactly these fields), recorded, and — given the content you kept, in base64 — whether the purged entry held it (while its owner's key lives).",
      tag: "blobs",
      auth: admin,
      params: appParams,
      body: z
        .object({
          proof: z
            .object({
              blobId: z.string().max(64),
              appId: appIdSchema,
              purpose: purposeSchema,
              id: blobIdSchema,
              size: z.number().int().min(0),
              contentDigest: hex64,
              reason: purgeReason,
              purgedAt: isoTime,
              proof: hex64,
            })
            .strict(),
          content: z.base64().optional(),
        })
        .strict(),
      response: z.object({ valid: z.boolean(), contentMatches: z.boolean().nullable(), recorded: z.boolean() }),
      handler: async ({ vault, params, body }) =>
        vault.blobs.verifyProof(
          params.appId,
          { ...body.proof, purgedAt: new Date(body.proof.purgedAt) },
          body.content === undefined ? undefined : Buffer.from(body.content, "base64"),
        ),
    }),
    defineRoute({
      method: "POST",
      url: "/v1/apps/:appId/blobs/shred",
      operationId: "shredBlobOwner",
      summary:
        "Crypto-shred an owner (an identity): its key is destroyed, every entry it stored in the app is unreadable at once (410) and due for the sweep. The owner goes in the body, never the URL.",
      tag: "blobs",
      auth: admin,
      params: appParams,
      body: z.object({ owner: z.string().min(1).max(300) }).strict(),
      response: z.object({ shredded: z.boolean(), entries: z.number().int() }),
      handler: async ({ vault, params, body }) => vault.blobs.shredOwner(params.appId, body.owner),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/compliance/report",
      operationId: "blobComplianceReport",
      summary:
        "The app's compliance report for a period (default the last 30 days): inventory by purpose, retention conformance, access summary, purge evidence and the audit chain's status. JSON, or a readable HTML page with ?format=html or Accept: text/html.",
      tag: "blobs",
      auth: { kind: "app", scope: "audit:read" },
      params: appParams,
      query: z.object({
        from: isoTime.optional(),
        to: isoTime.optional(),
        format: z.enum(["json", "html"]).optional(),
        verifyAudit: z
          .enum(["true", "false"])
          .transform((v) => v === "true")
          .optional(),
      }),
      alsoProduces: { "text/html": z.string() },
      response: reportSchema,
      timeoutMs: 120_000,
      handler: async ({ vault, params, query, request, reply }) => {
        const report = await vault.blobs.report(params.appId, {
          from: query.from,
          to: query.to,
          ...(query.verifyAudit === undefined ? {} : { verifyAudit: query.verifyAudit }),
        });
        const html =
          query.format === "html" ||
          (query.format === undefined && /\btext\/html\b/i.test(request.headers.accept ?? ""));
        if (!html) return report;
        reply.type("text/html; charset=utf-8");
        return renderReportHtml(report);
      },
    }),
  ];
}
