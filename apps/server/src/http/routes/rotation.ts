import { STRATEGIES } from "@vault/rotation";
import { z } from "zod";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { appKeyParams, appParams, pageOf, pageQuery } from "./schemas";

const strategy = z.enum(STRATEGIES);

export const policySchema = z.object({
  id: z.string(),
  appId: z.string(),
  secretKey: z.string(),
  intervalMs: z.number().int(),
  enabled: z.boolean(),
  strategy,
  params: z.record(z.string(), z.unknown()),
  lastRotatedAt: timestamp.nullable(),
  nextRotationAt: timestamp,
  failures: z.number().int(),
  retryAt: timestamp.nullable(),
  lastError: z.string().nullable(),
  /** While a rotation runs: until when its claim holds (another manager may take the policy after that). */
  leaseUntil: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const rotationRecordSchema = z.object({
  id: z.string(),
  appId: z.string(),
  secretKey: z.string(),
  policyId: z.string().nullable(),
  oldVersion: z.number().int().nullable(),
  newVersion: z.number().int().nullable(),
  outcome: z.enum(["success", "failure"]),
  error: z.string().nullable(),
  trigger: z.enum(["manual", "schedule"]),
  actor: z.string().nullable(),
  createdAt: timestamp,
});

const policyFields = {
  intervalMs: z.number().int().min(1000),
  enabled: z.boolean().optional(),
  strategy,
  params: z.record(z.string(), z.unknown()).optional(),
};

/** Rotation of an app's secrets: policies (one per secret), rotate now, and the record of every attempt. */
export function rotationRoutes(): RouteDef[] {
  const policies = "/v1/apps/:appId/rotation/policies";
  return [
    defineRoute({
      method: "GET",
      url: policies,
      operationId: "listRotationPolicies",
      summary: "The app's rotation policies by secret key.",
      tag: "rotation",
      auth: { kind: "app", scope: "secrets:read" },
      params: appParams,
      query: pageQuery,
      response: pageOf(policySchema),
      handler: async ({ vault, params, query }) => vault.rotation.listPolicies(params.appId, query),
    }),
    defineRoute({
      method: "PUT",
      url: `${policies}/:key`,
      operationId: "putRotationPolicy",
      summary: "Create or replace the rotation policy of a secret.",
      tag: "rotation",
      auth: { kind: "app", scope: "secrets:write" },
      params: appKeyParams,
      body: z.object(policyFields),
      response: policySchema,
      handler: async ({ vault, params, body }) => {
        try {
          return await vault.rotation.updatePolicy(params.appId, params.key, body);
        } catch (error) {
          if ((error as { code?: string }).code !== "NOT_FOUND") throw error;
          return vault.rotation.createPolicy(params.appId, { secretKey: params.key, ...body });
        }
      },
    }),
    defineRoute({
      method: "GET",
      url: `${policies}/:key`,
      operationId: "getRotationPolicy",
      summary: "The rotation policy of a secret.",
      tag: "rotation",
      auth: { kind: "app", scope: "secrets:read" },
      params: appKeyParams,
      response: policySchema,
      handler: async ({ vault, params }) => vault.rotation.getPolicy(params.appId, params.key),
    }),
    defineRoute({
      method: "DELETE",
      url: `${policies}/:key`,
      operationId: "deleteRotationPolicy",
      summary: "Remove the rotation policy of a secret (the secret stays).",
      tag: "rotation",
      auth: { kind: "app", scope: "secrets:write" },
      params: appKeyParams,
      response: null,
      status: 204,
      handler: async ({ vault, params }) => vault.rotation.deletePolicy(params.appId, params.key),
    }),
    defineRoute({
      method: "POST",
      url: "/v1/apps/:appId/secrets/:key/rotate",
      operationId: "rotateSecretNow",
      summary:
        "Rotate a secret now with its policy's strategy: the rotator runs outside any transaction, the new version is written check-and-set on the version it started from (a failure changes nothing and is recorded).",
      tag: "rotation",
      auth: { kind: "app", scope: "secrets:write" },
      params: appKeyParams,
      response: rotationRecordSchema,
      handler: async ({ vault, params }) => vault.rotation.rotateNow(params.appId, params.key),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/rotation/records",
      operationId: "listRotationRecords",
      summary: "Rotation attempts, newest first, optionally of one secret.",
      tag: "rotation",
      auth: { kind: "app", scope: "secrets:read" },
      params: appParams,
      query: pageQuery.extend({ secretKey: z.string().min(1).max(256).optional() }),
      response: pageOf(rotationRecordSchema),
      handler: async ({ vault, params, query }) => {
        const { secretKey, ...page } = query;
        return vault.rotation.records(params.appId, secretKey, page);
      },
    }),
  ];
}
