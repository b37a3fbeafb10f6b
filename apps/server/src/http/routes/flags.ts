import { jsonValueSchema, keySchema, metadataSchema, tenantIdSchema } from "@vault/core";
import { FLAG_TYPES } from "@vault/engine";
import { ruleInputSchema, ruleSchema, userIdSchema } from "@vault/flag";
import { z } from "zod";
import { ifNoneMatchHits } from "../etag";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { appKeyParams, appParams, pageOf, pageQuery } from "./schemas";

const json = jsonValueSchema;
const flagType = z.enum(FLAG_TYPES as unknown as [string, ...string[]]);

const ruleInput = ruleInputSchema.meta({ id: "NewFlagRule" });
const rule = ruleSchema.meta({ id: "FlagRule" });

const prerequisite = z.object({ flagKey: keySchema, value: json });

export const flagSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    key: z.string(),
    type: flagType,
    defaultValue: json,
    enabled: z.boolean(),
    description: z.string(),
    tags: z.array(z.string()),
    variants: z.record(z.string(), json),
    prerequisites: z.array(prerequisite),
    metadata: metadataSchema,
    rules: z.array(rule),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Flag" });

const overrideSchema = z.object({
  id: z.string(),
  appId: z.string(),
  flagKey: z.string(),
  tenantId: z.string(),
  value: json,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const defineBody = z.object({
  key: keySchema,
  type: flagType,
  defaultValue: json,
  enabled: z.boolean().optional(),
  description: z.string().max(4096).optional(),
  tags: z.array(z.string().min(1).max(64)).max(64).optional(),
  variants: z.record(z.string(), json).optional(),
  prerequisites: z.array(prerequisite).max(32).optional(),
  metadata: metadataSchema.optional(),
  rules: z.array(ruleInput).max(200).optional(),
});

const updateBody = defineBody
  .omit({ key: true, rules: true })
  .partial()
  .extend({ cas: z.number().int().min(0).optional() });

/** Who a flag is evaluated for (plain arguments, never ambient context). */
export const evaluationContext = z
  .object({
    tenantId: z.string().max(256).optional(),
    userId: z.string().max(256).optional(),
    tenantTags: z.array(z.string().max(256)).max(256).optional(),
    attributes: z.record(z.string(), json).optional(),
  })
  .meta({ id: "EvaluationContext" });

export const evaluationResult = z
  .object({
    value: json,
    variant: z.string().optional(),
    reason: z.enum(["STATIC", "DEFAULT", "TARGETING_MATCH", "SPLIT", "DISABLED", "ERROR"]),
    ruleId: z.string().optional(),
    errorCode: z.enum(["FLAG_NOT_FOUND", "TYPE_MISMATCH", "PARSE_ERROR", "GENERAL"]).optional(),
    errorMessage: z.string().optional(),
    detail: z.string().optional(),
  })
  .meta({ id: "EvaluationResult" });

const userOverrideSchema = z.object({
  id: z.string(),
  appId: z.string(),
  flagKey: z.string(),
  userId: z.string(),
  value: json,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const casQuery = z.object({ cas: z.coerce.number().int().min(0).optional() });
const overrideParams = appKeyParams.extend({ tenantId: tenantIdSchema });
const userOverrideParams = appKeyParams.extend({ userId: userIdSchema });

/** Flags of an app: definitions, rules, tenant overrides, evaluation, and the snapshot SDKs evaluate locally. */
export function flagRoutes(): RouteDef[] {
  const base = "/v1/apps/:appId/flags";
  const one = `${base}/:key`;
  return [
    defineRoute({
      method: "GET",
      url: base,
      operationId: "listFlags",
      summary: "List flags by key, optionally by tag or key prefix.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:read" },
      params: appParams,
      query: pageQuery.extend({ tag: z.string().min(1).max(64).optional(), prefix: z.string().max(256).optional() }),
      response: pageOf(flagSchema),
      handler: async ({ vault, params, query }) => vault.flags.list(params.appId, query),
    }),
    defineRoute({
      method: "POST",
      url: base,
      operationId: "defineFlag",
      summary: "Define a flag (every value is checked against its type).",
      tag: "flags",
      auth: { kind: "app", scope: "flags:write" },
      params: appParams,
      body: defineBody,
      response: flagSchema,
      status: 201,
      handler: async ({ vault, params, body }) =>
        vault.flags.define(params.appId, body as Parameters<typeof vault.flags.define>[1]),
    }),
    defineRoute({
      method: "GET",
      url: one,
      operationId: "getFlag",
      summary: "Read a flag with its rules.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:read" },
      params: appKeyParams,
      response: flagSchema,
      handler: async ({ vault, params }) => vault.flags.get(params.appId, params.key),
    }),
    defineRoute({
      method: "PATCH",
      url: one,
      operationId: "updateFlag",
      summary: "Change a flag's definition (`cas`: the version you read).",
      tag: "flags",
      auth: { kind: "app", scope: "flags:write" },
      params: appKeyParams,
      body: updateBody,
      response: flagSchema,
      handler: async ({ vault, params, body }) => {
        const { cas, ...patch } = body;
        return vault.flags.update(params.appId, params.key, patch as Parameters<typeof vault.flags.update>[2], {
          cas,
        });
      },
    }),
    defineRoute({
      method: "DELETE",
      url: one,
      operationId: "deleteFlag",
      summary: "Delete a flag, its rules and overrides.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:write" },
      params: appKeyParams,
      query: casQuery,
      response: null,
      status: 204,
      handler: async ({ vault, params, query }) => vault.flags.delete(params.appId, params.key, { cas: query.cas }),
    }),
    defineRoute({
      method: "PUT",
      url: `${one}/rules`,
      operationId: "setFlagRules",
      summary: "Replace a flag's rules (lower priority first).",
      tag: "flags",
      auth: { kind: "app", scope: "flags:write" },
      params: appKeyParams,
      body: z.object({ rules: z.array(ruleInput).max(200), cas: z.number().int().min(0).optional() }),
      response: flagSchema,
      handler: async ({ vault, params, body }) =>
        vault.flags.setRules(params.appId, params.key, body.rules as Parameters<typeof vault.flags.setRules>[2], {
          cas: body.cas,
        }),
    }),
    defineRoute({
      method: "GET",
      url: `${one}/overrides`,
      operationId: "listFlagOverrides",
      summary: "A flag's tenant overrides.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:read" },
      params: appKeyParams,
      query: pageQuery,
      response: pageOf(overrideSchema),
      handler: async ({ vault, params, query }) => vault.flags.listOverrides(params.appId, params.key, query),
    }),
    defineRoute({
      method: "PUT",
      url: `${one}/overrides/:tenantId`,
      operationId: "setFlagOverride",
      summary: "Set a tenant's value of a flag (checked against the flag's type).",
      tag: "flags",
      auth: { kind: "app", scope: "flags:write" },
      params: overrideParams,
      body: z.object({ value: json }),
      response: overrideSchema,
      handler: async ({ vault, params, body }) =>
        vault.flags.setOverride(params.appId, params.key, params.tenantId, body.value),
    }),
    defineRoute({
      method: "DELETE",
      url: `${one}/overrides/:tenantId`,
      operationId: "deleteFlagOverride",
      summary: "Remove a tenant's override.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:write" },
      params: overrideParams,
      response: null,
      status: 204,
      handler: async ({ vault, params }) => vault.flags.deleteOverride(params.appId, params.key, params.tenantId),
    }),
    defineRoute({
      method: "GET",
      url: `${one}/user-overrides`,
      operationId: "listFlagUserOverrides",
      summary: "A flag's individual targets (per-user values, which beat the tenant's override).",
      tag: "flags",
      auth: { kind: "app", scope: "flags:read" },
      params: appKeyParams,
      query: pageQuery,
      response: pageOf(userOverrideSchema),
      handler: async ({ vault, params, query }) => vault.flags.listUserOverrides(params.appId, params.key, query),
    }),
    defineRoute({
      method: "PUT",
      url: `${one}/user-overrides/:userId`,
      operationId: "setFlagUserOverride",
      summary: "Set a user's value of a flag (checked against the flag's type); it beats the tenant's override.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:write" },
      params: userOverrideParams,
      body: z.object({ value: json }),
      response: userOverrideSchema,
      handler: async ({ vault, params, body }) =>
        vault.flags.setUserOverride(params.appId, params.key, params.userId, body.value),
    }),
    defineRoute({
      method: "DELETE",
      url: `${one}/user-overrides/:userId`,
      operationId: "deleteFlagUserOverride",
      summary: "Remove a user's override.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:write" },
      params: userOverrideParams,
      response: null,
      status: 204,
      handler: async ({ vault, params }) => vault.flags.deleteUserOverride(params.appId, params.key, params.userId),
    }),
    defineRoute({
      method: "POST",
      url: `${one}/evaluate`,
      operationId: "evaluateFlag",
      summary: "Evaluate one flag for a tenant/user (never fails for a missing flag: reason ERROR, FLAG_NOT_FOUND).",
      tag: "flags",
      auth: { kind: "app", scope: "flags:evaluate" },
      params: appKeyParams,
      body: evaluationContext.optional(),
      response: evaluationResult,
      audited: false, // evaluations are counted in metrics, not audited one by one (DESIGN §6)
      handler: async ({ vault, params, body }) => {
        vault.metrics.flagEvaluations.inc();
        return vault.flags.evaluate(params.appId, params.key, body ?? {});
      },
    }),
    defineRoute({
      method: "POST",
      url: "/v1/apps/:appId/evaluate",
      operationId: "evaluateAllFlags",
      summary: "Evaluate every flag of the app for a tenant/user.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:evaluate" },
      params: appParams,
      body: evaluationContext.optional(),
      response: z.record(z.string(), evaluationResult),
      audited: false,
      handler: async ({ vault, params, body }) => {
        const results = await vault.flags.evaluateAll(params.appId, body ?? {});
        vault.metrics.flagEvaluations.inc(Object.keys(results).length);
        return results;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/snapshot",
      operationId: "getFlagSnapshot",
      summary: "The app's flags as a snapshot to evaluate locally; ETag is the revision (If-None-Match → 304).",
      tag: "flags",
      auth: { kind: "app", scope: "flags:evaluate" },
      params: appParams,
      response: z.object({
        format: z.number().int().optional(),
        revision: z.number().int(),
        appId: z.string(),
        flags: z.array(z.looseObject({})),
        segments: z.array(z.looseObject({})).optional(),
      }),
      otherResponses: { 304: "not modified (the If-None-Match revision is current)" },
      audited: false,
      handler: async ({ vault, params, request, reply }) => {
        const snapshot = await vault.flags.snapshot(params.appId);
        const etag = `"${snapshot.revision}"`;
        reply.header("etag", etag).header("cache-control", "no-cache");
        if (ifNoneMatchHits(request.headers["if-none-match"], etag)) return reply.code(304).send();
        return snapshot;
      },
    }),
  ];
}
