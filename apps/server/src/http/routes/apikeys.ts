import { idSchema, VaultError } from "@vault/core";
import { z } from "zod";
import { createApiKeyInput } from "../../auth/apikeys";
import { scopeSchema } from "../../auth/scopes";
import { defineRoute, queryBoolean, type RouteDef, timestamp } from "../route";
import { appParams, pageOf, pageQuery } from "./schemas";

export const apiKeySchema = z.object({
  id: z.string(),
  appId: z.string(),
  name: z.string(),
  scopes: z.array(scopeSchema),
  prefix: z.string(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

/** API keys of an app: create (the key is in this one answer only), list, revoke. */
export function apiKeyRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: "POST",
      url: "/v1/apps/:appId/api-keys",
      operationId: "createApiKey",
      summary: "Create an API key for the app. The key is returned once and never again.",
      tag: "admin",
      auth: { kind: "app", scope: "admin", instanceAdmin: true },
      params: appParams,
      body: createApiKeyInput,
      response: z.object({ apiKey: apiKeySchema, key: z.string() }),
      status: 201,
      handler: async ({ vault, params, body, auth }) => {
        // Only an instance admin may mint admin keys of the system app (or any app's keys from outside it).
        if (params.appId !== auth!.appId && !(await vault.apps.exists(params.appId))) {
          throw new VaultError("NOT_FOUND", `app "${params.appId}" not found`, { details: { appId: params.appId } });
        }
        return vault.apiKeys.create(params.appId, body);
      },
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/api-keys",
      operationId: "listApiKeys",
      summary: "List the app's API keys (prefixes only).",
      tag: "admin",
      auth: { kind: "app", scope: "admin", instanceAdmin: true },
      params: appParams,
      query: pageQuery.extend({ includeRevoked: queryBoolean }),
      response: pageOf(apiKeySchema),
      handler: async ({ vault, params, query }) => vault.apiKeys.list(params.appId, query),
    }),
    defineRoute({
      method: "DELETE",
      url: "/v1/apps/:appId/api-keys/:id",
      operationId: "revokeApiKey",
      summary:
        "Revoke an API key (effective at once in this process, within 5 s in others; its open event streams end as well).",
      tag: "admin",
      auth: { kind: "app", scope: "admin", instanceAdmin: true },
      params: appParams.extend({ id: idSchema("apiKey") }),
      response: apiKeySchema,
      handler: async ({ vault, params, request }) => {
        const revoked = await vault.apiKeys.revoke(params.appId, params.id);
        request.server.streamKeys.revoked(revoked.id);
        return revoked;
      },
    }),
  ];
}

/** `GET /v1/whoami`: the caller's app, key id and scopes (any valid key). */
export function whoamiRoute(): RouteDef {
  return defineRoute({
    method: "GET",
    url: "/v1/whoami",
    operationId: "whoami",
    summary: "The calling API key's app, id and scopes.",
    tag: "admin",
    auth: { kind: "key" },
    response: z.object({
      appId: z.string(),
      apiKeyId: z.string(),
      scopes: z.array(scopeSchema),
      instanceAdmin: z.boolean(),
    }),
    handler: async ({ auth }) => auth,
  });
}
