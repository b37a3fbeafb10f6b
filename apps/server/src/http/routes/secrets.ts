import { metadataSchema } from "@vault/core";
import { z } from "zod";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { appKeyParams, appParams, pageOf, pageQuery } from "./schemas";

export const secretMetaSchema = z.object({
  id: z.string(),
  appId: z.string(),
  key: z.string(),
  version: z.number().int(),
  metadata: metadataSchema,
  maxVersions: z.number().int(),
  expiresAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const versionInfoSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  state: z.enum(["active", "deleted", "destroyed"]),
  createdAt: timestamp,
  createdBy: z.string().nullable(),
  deletedAt: timestamp.nullable(),
  destroyedAt: timestamp.nullable(),
  kekId: z.string().nullable(),
});

const encodingSchema = z.enum(["utf8", "base64"]);
const base64 = z.base64();

const versionQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647).optional() });

const setSecretBody = z.object({
  /** The value: text, or base64 with `encoding: "base64"` for bytes. */
  value: z.string().max(6_000_000),
  encoding: encodingSchema.default("utf8"),
  metadata: metadataSchema.optional(),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  cas: z.number().int().min(0).optional(),
  maxVersions: z.number().int().min(1).max(1000).optional(),
});

const versionsBody = z.object({ versions: z.array(z.number().int().min(1)).min(1).max(1000).optional() }).optional();
const versionsChanged = z.object({ versions: z.array(z.number().int()) });

function decodeValue(value: string, encoding: "utf8" | "base64"): string | Uint8Array {
  return encoding === "utf8" ? value : Buffer.from(value, "base64");
}

/** Secrets of an app (DESIGN §6): values go in and out only through set and get; everything else is metadata. */
export function secretRoutes(): RouteDef[] {
  const keyPath = "/v1/apps/:appId/secrets/:key";
  return [
    defineRoute({
      method: "PUT",
      url: keyPath,
      operationId: "setSecret",
      summary: "Write a new version of a secret (`cas` for check-and-set; 0 = must not exist).",
      tag: "secrets",
      auth: { kind: "app", scope: "secrets:write" },
      params: appKeyParams,
      body: setSecretBody.superRefine((body, ctx) => {
        if (body.encoding === "base64" && !base64.safeParse(body.value).success) {
          ctx.addIssue({ code: "custom", path: ["value"], message: "not valid base64 (standard alphabet, padded)" });
        }
      }),
      response: secretMetaSchema,
      handler: async ({ vault, params, body }) =>
        vault.secrets.set(params.appId, params.key, decodeValue(body.value, body.encoding), {
          metadata: body.metadata,
          expiresAt: body.expiresAt,
          cas: body.cas,
          maxVersions: body.maxVersions,
        }),
    }),
    defineRoute({
      method: "GET",
      url: keyPath,
      operationId: "getSecret",
      summary: "Read a secret's value (current, or `?version=`). Audited.",
      tag: "secrets",
      auth: { kind: "app", scope: "secrets:read" },
      params: appKeyParams,
      query: versionQuery,
      response: z.object({
        value: z.string(),
        encoding: encodingSchema,
        version: z.number().int(),
        meta: secretMetaSchema,
      }),
      handler: async ({ vault, params, query }) => {
        const secret = await vault.secrets.get(params.appId, params.key, { version: query.version });
        const bytes = typeof secret.value !== "string";
        return {
          value: bytes ? Buffer.from(secret.value).toString("base64") : secret.value,
          encoding: bytes ? "base64" : "utf8",
          version: secret.version,
          meta: secret.meta,
        };
      },
    }),
    defineRoute({
      method: "HEAD",
      url: keyPath,
      operationId: "checkSecret",
      summary:
        "Whether the secret (or `?version=`) can be read, with its metadata in headers (x-vault-version, x-vault-current-version, last-modified, x-vault-expires-at); answers as GET would, without decrypting and without a read audit entry.",
      tag: "secrets",
      auth: { kind: "app", scope: "secrets:read" },
      params: appKeyParams,
      query: versionQuery,
      response: null,
      audited: false,
      handler: async ({ vault, params, query, reply }) => {
        const { version, meta } = await vault.secrets.stat(params.appId, params.key, { version: query.version });
        reply
          .header("x-vault-version", String(version))
          .header("x-vault-current-version", String(meta.version))
          .header("last-modified", meta.updatedAt.toUTCString());
        if (meta.expiresAt !== null) reply.header("x-vault-expires-at", meta.expiresAt.toISOString());
        return undefined;
      },
    }),
    defineRoute({
      method: "GET",
      url: `${keyPath}/meta`,
      operationId: "getSecretMeta",
      summary: "A secret's metadata (never its value).",
      tag: "secrets",
      auth: { kind: "app", scope: "secrets:read" },
      params: appKeyParams,
      response: secretMetaSchema,
      handler: async ({ vault, params }) => vault.secrets.getMeta(params.appId, params.key),
    }),
    defineRoute({
      method: "GET",
      url: `${keyPath}/versions`,
      operationId: "listSecretVersions",
      summary: "Every version of a secret with its state (no values).",
      tag: "secrets",
      auth: { kind: "app", scope: "secrets:read" },
      params: appKeyParams,
      response: z.object({ items: z.array(versionInfoSchema) }),
      handler: async ({ vault, params }) => ({ items: await vault.secrets.versions(params.appId, params.key) }),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/secrets",
      operationId: "listSecrets",
      summary: "List secrets by key (metadata only), optionally by key prefix.",
      tag: "secrets",
      auth: { kind: "app", scope: "secrets:read" },
      params: appParams,
      query: pageQuery.extend({ prefix: z.string().max(256).optional() }),
      response: pageOf(secretMetaSchema),
      handler: async ({ vault, params, query }) => vault.secrets.list(params.appId, query),
    }),
    defineRoute({
      method: "DELETE",
      url: keyPath,
      operationId: "deleteSecret",
      summary: "Soft-delete versions (default: the current one); undelete restores them.",
      tag: "secrets",
      auth: { kind: "app", scope: "secrets:write" },
      params: appKeyParams,
      query: z.object({
        versions: z
          .string()
          .regex(/^\d+(,\d+)*$/, "a comma-separated list of version numbers")
          .transform((s) => s.split(",").map(Number))
          .optional(),
      }),
      response: versionsChanged,
      handler: async ({ vault, params, query }) =>
        vault.secrets.delete(params.appId, params.key, { versions: query.versions }),
    }),
    defineRoute({
      method: "POST",
      url: `${keyPath}/undelete`,
      operationId: "undeleteSecret",
      summary: "Restore soft-deleted versions (default: the current one).",
      tag: "secrets",
      auth: { kind: "app", scope: "secrets:write" },
      params: appKeyParams,
      body: versionsBody,
      response: versionsChanged,
      handler: async ({ vault, params, body }) =>
        vault.secrets.undelete(params.appId, params.key, { versions: body?.versions }),
    }),
    defineRoute({
      method: "POST",
      url: `${keyPath}/destroy`,
      operationId: "destroySecretVersions",
      summary: "Crypto-shred versions: their data keys are destroyed, the values are unrecoverable. Needs admin.",
      tag: "secrets",
      auth: { kind: "app", scope: "admin" },
      params: appKeyParams,
      body: z.object({ versions: z.array(z.number().int().min(1)).min(1).max(1000) }),
      response: versionsChanged,
      handler: async ({ vault, params, body }) => vault.secrets.destroy(params.appId, params.key, body.versions),
    }),
    defineRoute({
      method: "POST",
      url: `${keyPath}/purge`,
      operationId: "purgeSecret",
      summary: "Remove a secret and every version, with a proof written to the audit log. Needs admin.",
      tag: "secrets",
      auth: { kind: "app", scope: "admin" },
      params: appKeyParams,
      response: z.object({
        secretId: z.string(),
        appId: z.string(),
        key: z.string(),
        versionsRemoved: z.number().int(),
        purgedAt: timestamp,
        proof: z.string(),
      }),
      handler: async ({ vault, params }) => vault.secrets.purge(params.appId, params.key),
    }),
  ];
}
