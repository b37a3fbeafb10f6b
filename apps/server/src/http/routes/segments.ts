import { keySchema } from "@vault/core";
import { constraintsSchema } from "@vault/flag";
import { z } from "zod";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { appParams, pageOf, pageQuery } from "./schemas";

const constraints = constraintsSchema.meta({ id: "Constraints" });

export const segmentSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    key: z.string(),
    description: z.string(),
    constraints,
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Segment" });

const segmentParams = appParams.extend({ key: keySchema });
const casQuery = z.object({ cas: z.coerce.number().int().min(0).optional() });

/**
 * Segments of an app: named constraint lists that flag rules name (`segments: [key]`). They are part of flag
 * targeting, so the flag scopes govern them; a change reaches every flag naming the segment like a flag change.
 */
export function segmentRoutes(): RouteDef[] {
  const base = "/v1/apps/:appId/segments";
  const one = `${base}/:key`;
  return [
    defineRoute({
      method: "GET",
      url: base,
      operationId: "listSegments",
      summary: "List segments by key, optionally by key prefix.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:read" },
      params: appParams,
      query: pageQuery.extend({ prefix: z.string().max(256).optional() }),
      response: pageOf(segmentSchema),
      handler: async ({ vault, params, query }) => vault.flags.listSegments(params.appId, query),
    }),
    defineRoute({
      method: "POST",
      url: base,
      operationId: "defineSegment",
      summary: "Define a segment (its conditions are checked as the engine will evaluate them).",
      tag: "flags",
      auth: { kind: "app", scope: "flags:write" },
      params: appParams,
      body: z.object({ key: keySchema, description: z.string().max(4096).optional(), constraints }),
      response: segmentSchema,
      status: 201,
      handler: async ({ vault, params, body }) => vault.flags.defineSegment(params.appId, body),
    }),
    defineRoute({
      method: "GET",
      url: one,
      operationId: "getSegment",
      summary: "Read a segment.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:read" },
      params: segmentParams,
      response: segmentSchema,
      handler: async ({ vault, params }) => vault.flags.getSegment(params.appId, params.key),
    }),
    defineRoute({
      method: "PATCH",
      url: one,
      operationId: "updateSegment",
      summary: "Change a segment's description or constraints (`cas`: the version you read).",
      tag: "flags",
      auth: { kind: "app", scope: "flags:write" },
      params: segmentParams,
      body: z.object({
        description: z.string().max(4096).optional(),
        constraints: constraints.optional(),
        cas: z.number().int().min(0).optional(),
      }),
      response: segmentSchema,
      handler: async ({ vault, params, body }) => {
        const { cas, ...patch } = body;
        return vault.flags.updateSegment(params.appId, params.key, patch, { cas });
      },
    }),
    defineRoute({
      method: "DELETE",
      url: one,
      operationId: "deleteSegment",
      summary: "Delete a segment; 409 while a rule names it (details.flags lists the flags that do).",
      tag: "flags",
      auth: { kind: "app", scope: "flags:write" },
      params: segmentParams,
      query: casQuery,
      response: null,
      status: 204,
      handler: async ({ vault, params, query }) =>
        vault.flags.deleteSegment(params.appId, params.key, { cas: query.cas }),
    }),
  ];
}
