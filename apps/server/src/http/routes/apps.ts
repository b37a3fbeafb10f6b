import { metadataSchema } from "@vault/core";
import { z } from "zod";
import { createAppInput } from "../../auth/apps";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { appParams, pageOf, pageQuery } from "./schemas";

export const appSchema = z.object({
  id: z.string(),
  name: z.string(),
  metadata: metadataSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Apps: created and listed by the instance admin; each app's admin may read its own. */
export function appRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: "POST",
      url: "/v1/apps",
      operationId: "createApp",
      summary: "Create an app (instance admin).",
      tag: "admin",
      auth: { kind: "instance" },
      body: createAppInput,
      response: appSchema,
      status: 201,
      handler: async ({ vault, body }) => vault.apps.create(body),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps",
      operationId: "listApps",
      summary: "List every app (instance admin).",
      tag: "admin",
      auth: { kind: "instance" },
      query: pageQuery,
      response: pageOf(appSchema),
      handler: async ({ vault, query }) => vault.apps.list(query),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId",
      operationId: "getApp",
      summary: "Read an app (its admin, or the instance admin).",
      tag: "admin",
      auth: { kind: "app", scope: "admin", instanceAdmin: true },
      params: appParams,
      response: appSchema,
      handler: async ({ vault, params }) => vault.apps.get(params.appId),
    }),
  ];
}
