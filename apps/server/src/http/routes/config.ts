import { jsonValueSchema, metadataSchema, tenantIdSchema, VaultError } from "@vault/core";
import { CONFIG_VALUE_TYPES } from "@vault/engine";
import { z } from "zod";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { appKeyParams, appParams, pageOf, pageQuery } from "./schemas";

const json = jsonValueSchema;
export const configValueType = z.enum(CONFIG_VALUE_TYPES as unknown as [string, ...string[]]);

export const configEntrySchema = z.object({
  id: z.string(),
  appId: z.string(),
  key: z.string(),
  value: json,
  valueType: configValueType,
  description: z.string().nullable(),
  metadata: metadataSchema,
  schema: z.record(z.string(), z.unknown()).nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const configVersionSchema = z.object({
  id: z.string(),
  appId: z.string(),
  key: z.string(),
  version: z.number().int(),
  value: json,
  valueType: configValueType,
  rolledBackFrom: z.number().int().nullable(),
  createdAt: timestamp,
});

const setBody = z.object({
  value: json,
  valueType: configValueType.optional(),
  description: z.string().max(4096).nullable().optional(),
  metadata: metadataSchema.optional(),
  schema: z.record(z.string(), z.unknown()).nullable().optional(),
  cas: z.number().int().min(0).optional(),
});

const tenantQuery = z.object({ tenantId: tenantIdSchema.optional() });

/** Runtime config of an app: typed, versioned entries; resolution applies tenant overrides. */
export function configRoutes(): RouteDef[] {
  const base = "/v1/apps/:appId/config";
  const one = `${base}/:key`;
  return [
    defineRoute({
      method: "GET",
      url: base,
      operationId: "listConfig",
      summary: "List config entries by key, optionally by key prefix.",
      tag: "config",
      auth: { kind: "app", scope: "config:read" },
      params: appParams,
      query: pageQuery.extend({ prefix: z.string().max(256).optional() }),
      response: pageOf(configEntrySchema),
      handler: async ({ vault, params, query }) => vault.config.list(params.appId, query),
    }),
    defineRoute({
      method: "PUT",
      url: one,
      operationId: "setConfig",
      summary: "Set a config value (type inferred on first write, enforced after; `cas` for check-and-set).",
      tag: "config",
      auth: { kind: "app", scope: "config:write" },
      params: appKeyParams,
      body: setBody,
      response: configEntrySchema,
      handler: async ({ vault, params, body }) => {
        const { value, ...options } = body;
        return vault.config.set(params.appId, params.key, value, options as Parameters<typeof vault.config.set>[3]);
      },
    }),
    defineRoute({
      method: "GET",
      url: one,
      operationId: "getConfig",
      summary: "Read a config entry (the app value, without tenant overrides).",
      tag: "config",
      auth: { kind: "app", scope: "config:read" },
      params: appKeyParams,
      response: configEntrySchema,
      handler: async ({ vault, params }) => vault.config.get(params.appId, params.key),
    }),
    defineRoute({
      method: "DELETE",
      url: one,
      operationId: "deleteConfig",
      summary: "Delete a config entry.",
      tag: "config",
      auth: { kind: "app", scope: "config:write" },
      params: appKeyParams,
      query: z.object({ cas: z.coerce.number().int().min(0).optional() }),
      response: null,
      status: 204,
      handler: async ({ vault, params, query }) => vault.config.delete(params.appId, params.key, { cas: query.cas }),
    }),
    defineRoute({
      method: "GET",
      url: `${one}/versions`,
      operationId: "listConfigVersions",
      summary: "A config entry's versions, newest first.",
      tag: "config",
      auth: { kind: "app", scope: "config:read" },
      params: appKeyParams,
      query: pageQuery,
      response: pageOf(configVersionSchema),
      handler: async ({ vault, params, query }) => vault.config.versions(params.appId, params.key, query),
    }),
    defineRoute({
      method: "POST",
      url: `${one}/rollback`,
      operationId: "rollbackConfig",
      summary: "Write a new version carrying an old version's value.",
      tag: "config",
      auth: { kind: "app", scope: "config:write" },
      params: appKeyParams,
      body: z.object({ version: z.number().int().min(1), cas: z.number().int().min(0).optional() }),
      response: configEntrySchema,
      handler: async ({ vault, params, body }) =>
        vault.config.rollback(params.appId, params.key, body.version, { cas: body.cas }),
    }),
    defineRoute({
      method: "GET",
      url: `${one}/resolve`,
      operationId: "resolveConfig",
      summary: "The value for a tenant: its override if any, else the app value.",
      tag: "config",
      auth: { kind: "app", scope: "config:read" },
      params: appKeyParams,
      query: tenantQuery,
      response: z.object({
        key: z.string(),
        tenantId: z.string().nullable(),
        value: json,
        valueType: configValueType,
        version: z.number().int(),
        source: z.enum(["override", "app"]),
      }),
      handler: async ({ vault, params, query }) => {
        const resolved = await vault.resolver.resolveDetailed(params.appId, params.key, query.tenantId ?? null);
        if (!resolved) {
          throw new VaultError("NOT_FOUND", `config "${params.key}" not found`, { details: { key: params.key } });
        }
        return { key: params.key, tenantId: query.tenantId ?? null, ...resolved };
      },
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/resolved-config",
      operationId: "resolveAllConfig",
      summary: "Every config value of the app for a tenant, overrides applied.",
      tag: "config",
      auth: { kind: "app", scope: "config:read" },
      params: appParams,
      query: tenantQuery,
      response: z.object({ tenantId: z.string().nullable(), values: z.record(z.string(), json) }),
      handler: async ({ vault, params, query }) => ({
        tenantId: query.tenantId ?? null,
        values: await vault.resolver.resolveAll(params.appId, query.tenantId ?? null),
      }),
    }),
  ];
}
