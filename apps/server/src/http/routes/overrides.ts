import { jsonValueSchema, metadataSchema, tenantIdSchema } from "@vault/core";
import { z } from "zod";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { configValueType } from "./config";
import { appKeyParams, appParams, pageOf, pageQuery } from "./schemas";

const json = jsonValueSchema;

export const overrideSchema = z.object({
  id: z.string(),
  appId: z.string(),
  key: z.string(),
  tenantId: z.string(),
  value: json,
  valueType: configValueType,
  version: z.number().int(),
  description: z.string().nullable(),
  metadata: metadataSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const overrideParams = appKeyParams.extend({ tenantId: tenantIdSchema });

/** Per-tenant overrides of config values (checked against the base entry's type). */
export function overrideRoutes(): RouteDef[] {
  const one = "/v1/apps/:appId/config/:key/overrides/:tenantId";
  return [
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/config/:key/overrides",
      operationId: "listOverridesByKey",
      summary: "Every tenant override of one config key.",
      tag: "overrides",
      auth: { kind: "app", scope: "config:read" },
      params: appKeyParams,
      query: pageQuery,
      response: pageOf(overrideSchema),
      handler: async ({ vault, params, query }) => vault.overrides.listByKey(params.appId, params.key, query),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/tenants/:tenantId/overrides",
      operationId: "listOverridesByTenant",
      summary: "Every override of one tenant, optionally by key prefix.",
      tag: "overrides",
      auth: { kind: "app", scope: "config:read" },
      params: appParams.extend({ tenantId: tenantIdSchema }),
      query: pageQuery.extend({ prefix: z.string().max(256).optional() }),
      response: pageOf(overrideSchema),
      handler: async ({ vault, params, query }) => vault.overrides.listByTenant(params.appId, params.tenantId, query),
    }),
    defineRoute({
      method: "PUT",
      url: one,
      operationId: "setOverride",
      summary: "Set a tenant's override of a config key.",
      tag: "overrides",
      auth: { kind: "app", scope: "config:write" },
      params: overrideParams,
      body: z.object({
        value: json,
        valueType: configValueType.optional(),
        description: z.string().max(4096).nullable().optional(),
        metadata: metadataSchema.optional(),
        cas: z.number().int().min(0).optional(),
      }),
      response: overrideSchema,
      handler: async ({ vault, params, body }) => {
        const { value, ...options } = body;
        return vault.overrides.set(
          params.appId,
          params.key,
          params.tenantId,
          value,
          options as Parameters<typeof vault.overrides.set>[4],
        );
      },
    }),
    defineRoute({
      method: "GET",
      url: one,
      operationId: "getOverride",
      summary: "Read a tenant's override of a config key.",
      tag: "overrides",
      auth: { kind: "app", scope: "config:read" },
      params: overrideParams,
      response: overrideSchema,
      handler: async ({ vault, params }) => vault.overrides.get(params.appId, params.key, params.tenantId),
    }),
    defineRoute({
      method: "DELETE",
      url: one,
      operationId: "deleteOverride",
      summary: "Remove a tenant's override.",
      tag: "overrides",
      auth: { kind: "app", scope: "config:write" },
      params: overrideParams,
      query: z.object({ cas: z.coerce.number().int().min(0).optional() }),
      response: null,
      status: 204,
      handler: async ({ vault, params, query }) =>
        vault.overrides.delete(params.appId, params.key, params.tenantId, { cas: query.cas }),
    }),
  ];
}
