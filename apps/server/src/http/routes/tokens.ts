import { metadataSchema } from "@vault/core";
import type { ReadManyResult, TokenMeta, TokenValue } from "@vault/token";
import { z } from "zod";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { appParams } from "./schemas";

// Tokens travel in request bodies only, never in a URL: paths are logged and cached by proxies, bodies are not
// logged. The password comes in the `password` body field or the x-vault-token-password header (headers are never
// logged either; see logger.ts).

const PASSWORD_HEADER = "x-vault-token-password";

export const tokenMetaSchema = z.object({
  id: z.string(),
  appId: z.string(),
  data: metadataSchema,
  passwordProtected: z.boolean(),
  version: z.number().int(),
  expiresAt: timestamp.nullable(),
  deletedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const tokenString = z.string().min(1).max(256).describe("a token (never logged)");
const password = z.string().max(4096).describe("the record's password (never logged)");
const encodingSchema = z.enum(["utf8", "base64"]);
const valueField = z.string().max(1_500_000).describe("the value: text, or base64 with encoding: base64");
const expiresAt = z.iso.datetime({ offset: true });
const passwordHeaders = z.looseObject({
  [PASSWORD_HEADER]: password.optional().describe("the record's password, as an alternative to the body field"),
});

const createdSchema = z.object({
  token: z.string().describe("shown once: only its HMAC is stored"),
  meta: tokenMetaSchema,
});
const valueAnswer = z.object({ value: z.string(), encoding: encodingSchema, meta: tokenMetaSchema });
const errorItem = z.object({ code: z.string(), message: z.string() });

function decode(value: string, encoding: "utf8" | "base64"): TokenValue {
  return encoding === "utf8" ? value : Buffer.from(value, "base64");
}

function encode(value: TokenValue): { value: string; encoding: "utf8" | "base64" } {
  return typeof value === "string"
    ? { value, encoding: "utf8" }
    : { value: Buffer.from(value).toString("base64"), encoding: "base64" };
}

/** The password of a request: the body field, else the header. */
function passwordOf(body: { password?: string } | undefined, headers: Record<string, unknown>): string | undefined {
  const header = headers[PASSWORD_HEADER];
  return body?.password ?? (typeof header === "string" ? header : undefined);
}

const querySchema = z.object({
  ids: z.array(z.string().max(128)).min(1).max(1000).optional(),
  tokens: z.array(tokenString).min(1).max(1000).optional(),
  createdFrom: expiresAt.optional(),
  createdTo: expiresAt.optional(),
  expiresFrom: expiresAt.optional(),
  expiresTo: expiresAt.optional(),
  includeDeleted: z.boolean().optional(),
  orderBy: z.enum(["createdAt", "updatedAt", "expiresAt", "id"]).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).optional(),
  cursor: z.string().max(2048).optional(),
  columns: z
    .array(
      z.enum([
        "id",
        "appId",
        "data",
        "passwordProtected",
        "version",
        "expiresAt",
        "deletedAt",
        "createdAt",
        "updatedAt",
      ]),
    )
    .min(1)
    .optional(),
  countOnly: z.boolean().optional().describe("answer { count } only (limit, offset, cursor and order ignored)"),
});

const pageItem = tokenMetaSchema.partial().extend({ id: z.string() });

/** Tokenization (DESIGN §6 Tokens): store a value behind a token, read it back with the token (and its password). */
export function tokenRoutes(): RouteDef[] {
  const base = "/v1/apps/:appId/tokens";
  const write = { kind: "app", scope: "tokens:write" } as const;
  const read = { kind: "app", scope: "tokens:read" } as const;
  return [
    defineRoute({
      method: "POST",
      url: base,
      operationId: "createToken",
      summary: "Store a value and get a new token for it (shown once), optionally password-protected.",
      tag: "tokens",
      auth: write,
      params: appParams,
      headers: passwordHeaders,
      body: z.object({
        value: valueField,
        encoding: encodingSchema.default("utf8"),
        password: password.optional(),
        expiresAt: expiresAt.nullable().optional(),
        data: metadataSchema.optional(),
        token: tokenString.optional().describe("a token of your choosing (accepted once)"),
        tokenLength: z.number().int().min(16).max(64).optional(),
      }),
      response: createdSchema,
      status: 201,
      handler: async ({ vault, params, body, request }) =>
        vault.tokens.create(params.appId, decode(body.value, body.encoding), {
          password: passwordOf(body, request.headers),
          expiresAt: body.expiresAt,
          data: body.data,
          token: body.token,
          tokenLength: body.tokenLength,
        }),
    }),
    defineRoute({
      method: "POST",
      url: `${base}/batch`,
      operationId: "createTokens",
      summary: "Store many values at once with the same options (one password derivation); tokens in order.",
      tag: "tokens",
      auth: write,
      params: appParams,
      headers: passwordHeaders,
      body: z.object({
        values: z.array(valueField).min(1).max(1000),
        encoding: encodingSchema.default("utf8"),
        password: password.optional(),
        expiresAt: expiresAt.nullable().optional(),
        data: metadataSchema.optional(),
        tokenLength: z.number().int().min(16).max(64).optional(),
      }),
      response: z.object({ items: z.array(createdSchema) }),
      status: 201,
      handler: async ({ vault, params, body, request }) => ({
        items: await vault.tokens.createMany(
          params.appId,
          body.values.map((v) => decode(v, body.encoding)),
          {
            password: passwordOf(body, request.headers),
            expiresAt: body.expiresAt,
            data: body.data,
            tokenLength: body.tokenLength,
          },
        ),
      }),
    }),
    defineRoute({
      method: "POST",
      url: `${base}/read`,
      operationId: "readToken",
      summary:
        "A token's value. Missing or soft-deleted → 404, expired → 410, password missing or wrong → 403 (one answer for both), locked after repeated wrong passwords → 429. Audited.",
      tag: "tokens",
      auth: read,
      params: appParams,
      headers: passwordHeaders,
      body: z.object({ token: tokenString, password: password.optional() }),
      response: valueAnswer,
      handler: async ({ vault, params, body, request }) => {
        const found = await vault.tokens.read(params.appId, body.token, {
          password: passwordOf(body, request.headers),
        });
        return { ...encode(found.value), meta: found.meta };
      },
    }),
    defineRoute({
      method: "POST",
      url: `${base}/read-many`,
      operationId: "readTokens",
      summary: "Many tokens' values with one password: items in request order, each a value or its own error.",
      tag: "tokens",
      auth: read,
      params: appParams,
      headers: passwordHeaders,
      body: z.object({ tokens: z.array(tokenString).min(1).max(1000), password: password.optional() }),
      response: z.object({
        items: z.array(
          z.object({
            ok: z.boolean(),
            value: z.string().optional(),
            encoding: encodingSchema.optional(),
            meta: tokenMetaSchema.optional(),
            error: errorItem.optional(),
          }),
        ),
      }),
      handler: async ({ vault, params, body, request }) => {
        const results = await vault.tokens.readMany(params.appId, body.tokens, {
          password: passwordOf(body, request.headers),
        });
        return { items: body.tokens.map((token) => itemOf(results.get(token)!)) };
      },
    }),
    defineRoute({
      method: "POST",
      url: `${base}/resolve`,
      operationId: "resolveTokens",
      summary: "Resolve { name: token } to { name: value }, all or nothing (the first failure by name is the answer).",
      tag: "tokens",
      auth: read,
      params: appParams,
      headers: passwordHeaders,
      body: z.object({ tokens: z.record(z.string().min(1).max(256), tokenString), password: password.optional() }),
      response: z.object({ values: z.record(z.string(), z.object({ value: z.string(), encoding: encodingSchema })) }),
      handler: async ({ vault, params, body, request }) => {
        const resolved = await vault.tokens.readResolved(params.appId, body.tokens, {
          password: passwordOf(body, request.headers),
        });
        return { values: Object.fromEntries(Object.entries(resolved).map(([name, value]) => [name, encode(value)])) };
      },
    }),
    defineRoute({
      method: "POST",
      url: `${base}/exists`,
      operationId: "tokenExists",
      summary: "Whether a token has a live record (neither soft-deleted nor expired). Reads no value.",
      tag: "tokens",
      auth: read,
      params: appParams,
      body: z.object({ token: tokenString }),
      response: z.object({ exists: z.boolean() }),
      handler: async ({ vault, params, body }) => ({ exists: await vault.tokens.exists(params.appId, body.token) }),
    }),
    defineRoute({
      method: "POST",
      url: `${base}/update`,
      operationId: "updateToken",
      summary: "Replace a live token's value (and data or expiry); its password is required when it has one.",
      tag: "tokens",
      auth: write,
      params: appParams,
      headers: passwordHeaders,
      body: z.object({
        token: tokenString,
        value: valueField,
        encoding: encodingSchema.default("utf8"),
        password: password.optional(),
        data: metadataSchema.optional(),
        expiresAt: expiresAt.nullable().optional(),
      }),
      response: tokenMetaSchema,
      handler: async ({ vault, params, body, request }) =>
        vault.tokens.update(params.appId, body.token, decode(body.value, body.encoding), {
          password: passwordOf(body, request.headers),
          data: body.data,
          expiresAt: body.expiresAt,
        }),
    }),
    defineRoute({
      method: "POST",
      url: `${base}/upsert`,
      operationId: "upsertToken",
      summary: "Make a caller-chosen token hold a value: created, updated (password required if set) or replaced.",
      tag: "tokens",
      auth: write,
      params: appParams,
      headers: passwordHeaders,
      body: z.object({
        token: tokenString,
        value: valueField,
        encoding: encodingSchema.default("utf8"),
        password: password.optional(),
        data: metadataSchema.optional(),
        expiresAt: expiresAt.nullable().optional(),
      }),
      response: z.object({ outcome: z.enum(["created", "updated", "replaced"]), meta: tokenMetaSchema }),
      handler: async ({ vault, params, body, request }) =>
        vault.tokens.upsert(params.appId, body.token, decode(body.value, body.encoding), {
          password: passwordOf(body, request.headers),
          data: body.data,
          expiresAt: body.expiresAt,
        }),
    }),
    defineRoute({
      method: "POST",
      url: `${base}/renew`,
      operationId: "renewToken",
      summary: "Set a token's expiry (null: never), also for an expired record not yet purged.",
      tag: "tokens",
      auth: write,
      params: appParams,
      body: z.object({ token: tokenString, expiresAt: expiresAt.nullable() }),
      response: tokenMetaSchema,
      handler: async ({ vault, params, body }) => vault.tokens.renew(params.appId, body.token, body.expiresAt),
    }),
    defineRoute({
      method: "POST",
      url: `${base}/soft-delete`,
      operationId: "softDeleteToken",
      summary: "Soft-delete a token: reads answer 404 until it is restored.",
      tag: "tokens",
      auth: write,
      params: appParams,
      body: z.object({ token: tokenString }),
      response: tokenMetaSchema,
      handler: async ({ vault, params, body }) => vault.tokens.softDelete(params.appId, body.token),
    }),
    defineRoute({
      method: "POST",
      url: `${base}/restore`,
      operationId: "restoreToken",
      summary: "Undo a soft delete.",
      tag: "tokens",
      auth: write,
      params: appParams,
      body: z.object({ token: tokenString }),
      response: tokenMetaSchema,
      handler: async ({ vault, params, body }) => vault.tokens.restore(params.appId, body.token),
    }),
    defineRoute({
      method: "POST",
      url: `${base}/delete`,
      operationId: "deleteToken",
      summary: "Remove a token's record for good.",
      tag: "tokens",
      auth: write,
      params: appParams,
      body: z.object({ token: tokenString }),
      response: null,
      status: 204,
      handler: async ({ vault, params, body }) => {
        await vault.tokens.delete(params.appId, body.token);
      },
    }),
    defineRoute({
      method: "POST",
      url: `${base}/purge-expired`,
      operationId: "purgeExpiredTokens",
      summary: "Remove (or with soft: true, soft-delete) every record past its expiry; answers how many.",
      tag: "tokens",
      auth: write,
      params: appParams,
      body: z.object({ soft: z.boolean().optional() }).optional(),
      response: z.object({ count: z.number().int() }),
      handler: async ({ vault, params, body }) => ({
        count: await vault.tokens.purgeExpired(params.appId, { soft: body?.soft ?? false }),
      }),
    }),
    defineRoute({
      method: "POST",
      url: `${base}/change-password`,
      operationId: "changeTokenPassword",
      summary: "Move one token to a new password (null adds or removes one); its DEK is rewrapped, not re-encrypted.",
      tag: "tokens",
      auth: write,
      params: appParams,
      body: z.object({ token: tokenString, oldPassword: password.nullable(), newPassword: password.nullable() }),
      response: tokenMetaSchema,
      handler: async ({ vault, params, body }) =>
        vault.tokens.changePassword(params.appId, body.token, body.oldPassword, body.newPassword),
    }),
    defineRoute({
      method: "POST",
      url: `${base}/change-password-all`,
      operationId: "changeAllTokenPasswords",
      summary:
        "Move every token of the app under oldPassword to newPassword: two key derivations and one rewrapped key, whatever the number of records.",
      tag: "tokens",
      auth: write,
      params: appParams,
      body: z.object({ oldPassword: password, newPassword: password }),
      response: z.object({
        records: z.number().int(),
        passwordKeys: z.number().int(),
        rewrappedRecords: z.number().int(),
      }),
      // Merging onto a password that already has records rewraps each moved record's key: give it time.
      timeoutMs: 120_000,
      handler: async ({ vault, params, body }) =>
        vault.tokens.changePasswordAll(params.appId, body.oldPassword, body.newPassword),
    }),
    defineRoute({
      method: "POST",
      url: `${base}/query`,
      operationId: "queryTokens",
      summary:
        "Query token records' metadata (never values or tokens): by ids or tokens, created and expiry ranges, soft-deleted too, ordered, paged by offset or cursor, chosen columns, or count only.",
      tag: "tokens",
      auth: read,
      params: appParams,
      body: querySchema.optional(),
      response: z.union([
        z.object({ items: z.array(pageItem), nextCursor: z.string().nullable() }),
        z.object({ count: z.number().int() }),
      ]),
      handler: async ({ vault, params, body }) => {
        const { countOnly, ...query } = body ?? {};
        return countOnly
          ? { count: await vault.tokens.count(params.appId, query) }
          : vault.tokens.list(params.appId, query);
      },
    }),
    defineRoute({
      method: "GET",
      url: base,
      operationId: "listTokens",
      summary: "List token records' metadata in creation order (cursor pagination); POST …/tokens/query filters.",
      tag: "tokens",
      auth: read,
      params: appParams,
      query: z.object({
        cursor: z.string().max(2048).optional(),
        limit: z.coerce.number().int().min(1).max(1000).optional(),
        includeDeleted: z
          .enum(["true", "false"])
          .transform((v) => v === "true")
          .optional(),
      }),
      response: z.object({ items: z.array(tokenMetaSchema), nextCursor: z.string().nullable() }),
      handler: async ({ vault, params, query }) =>
        vault.tokens.list(params.appId, query) as Promise<{ items: TokenMeta[]; nextCursor: string | null }>,
    }),
  ];
}

function itemOf(result: ReadManyResult) {
  return result.ok
    ? { ok: true, ...encode(result.value), meta: result.meta }
    : { ok: false, error: { code: result.error.code, message: result.error.message } };
}
