import { createHash } from "node:crypto";
import { vaultContextOf } from "@vault/client/api";
import { jsonValueSchema, keySchema } from "@vault/core";
import type { EvaluationResult } from "@vault/engine";
import { z } from "zod";
import { ifNoneMatchHits } from "../etag";
import { type OfrepError, ofrepErrorSchema } from "../ofrep/errors";
import { defineRoute, type RouteDef } from "../route";

// The OpenFeature Remote Evaluation Protocol: any OpenFeature SDK (Go, Java, Python, …) with an OFREP provider
// evaluates Vault's flags remotely, without our client. The app is the API key's own; errors are in OFREP's shape.

/** OFREP's request: an OpenFeature evaluation context (`targetingKey` → userId, `tenantId`, attributes). */
const evaluationRequest = z
  .object({ context: z.record(z.string(), jsonValueSchema).optional() })
  .optional()
  .meta({ id: "OfrepEvaluationRequest" });

const ofrepSuccess = z
  .object({
    key: z.string(),
    value: jsonValueSchema,
    reason: z.string(),
    variant: z.string().optional(),
    metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .meta({ id: "OfrepEvaluationSuccess" });

const bulkResponse = z
  .object({ flags: z.array(z.union([ofrepSuccess, ofrepErrorSchema])) })
  .meta({ id: "OfrepBulkEvaluationSuccess" });

const configurationResponse = z
  .object({
    name: z.string(),
    capabilities: z.object({
      cacheInvalidation: z.object({
        polling: z.object({ enabled: z.boolean(), minPollingIntervalMs: z.number().int() }),
      }),
      flagEvaluation: z.object({ supportedTypes: z.array(z.string()) }),
    }),
  })
  .meta({ id: "OfrepConfiguration" });

/** Vault's result as OFREP's: a success (value, reason, variant; the matched rule as metadata), or an error item. */
function toOfrep(key: string, result: EvaluationResult): z.infer<typeof ofrepSuccess> | OfrepError {
  if (result.reason === "ERROR") {
    const errorCode =
      result.errorCode === "FLAG_NOT_FOUND" || result.errorCode === "PARSE_ERROR" ? result.errorCode : "GENERAL";
    return { key, errorCode, errorDetails: result.errorMessage ?? result.errorCode ?? "evaluation failed" };
  }
  return {
    key,
    value: result.value,
    reason: result.reason,
    ...(result.variant === undefined ? {} : { variant: result.variant }),
    ...(result.ruleId === undefined ? {} : { metadata: { ruleId: result.ruleId } }),
  };
}

export function ofrepRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: "POST",
      url: "/ofrep/v1/evaluate/flags/:key",
      operationId: "ofrepEvaluateFlag",
      summary: "OFREP: evaluate one flag of the API key's app (404 FLAG_NOT_FOUND for a missing flag).",
      tag: "ofrep",
      auth: { kind: "keyApp", scope: "flags:evaluate" },
      params: z.object({ key: keySchema }),
      body: evaluationRequest,
      response: ofrepSuccess,
      errorSchema: ofrepErrorSchema,
      audited: false,
      handler: async ({ vault, params, body, auth, reply }) => {
        vault.metrics.flagEvaluations.inc();
        const result = await vault.flags.evaluate(auth!.appId, params.key, vaultContextOf(body?.context));
        const answer = toOfrep(params.key, result);
        if ("errorCode" in answer) return reply.code(answer.errorCode === "FLAG_NOT_FOUND" ? 404 : 400).send(answer);
        return answer;
      },
    }),
    defineRoute({
      method: "POST",
      url: "/ofrep/v1/evaluate/flags",
      operationId: "ofrepEvaluateFlags",
      summary: "OFREP: evaluate every flag of the API key's app; ETag names the answer (If-None-Match → 304).",
      tag: "ofrep",
      auth: { kind: "keyApp", scope: "flags:evaluate" },
      body: evaluationRequest,
      response: bulkResponse,
      errorSchema: ofrepErrorSchema,
      otherResponses: { 304: "not modified: the answer would be the one the If-None-Match ETag names" },
      audited: false,
      handler: async ({ vault, body, auth, request, reply }) => {
        const results = await vault.flags.evaluateAll(auth!.appId, vaultContextOf(body?.context));
        const flags = Object.entries(results).map(([key, result]) => toOfrep(key, result));
        vault.metrics.flagEvaluations.inc(flags.length);
        const answer = { flags };
        // The answer depends on the flags, the context and (schedule rules) the time: its hash is the one ETag that
        // is right for all three.
        const serialized = JSON.stringify(answer);
        const etag = `"${createHash("sha256").update(serialized).digest("base64url").slice(0, 27)}"`;
        reply.header("etag", etag).header("cache-control", "no-cache");
        if (ifNoneMatchHits(request.headers["if-none-match"], etag)) return reply.code(304).send();
        // Already serialized for the ETag: sent as is, not serialized a second time.
        return reply.type("application/json; charset=utf-8").send(serialized);
      },
    }),
    defineRoute({
      method: "GET",
      url: "/ofrep/v1/configuration",
      operationId: "ofrepConfiguration",
      summary: "OFREP: what this provider supports (polling the bulk evaluation with ETags; every flag type).",
      tag: "ofrep",
      auth: { kind: "keyApp", scope: "flags:evaluate" },
      response: configurationResponse,
      errorSchema: ofrepErrorSchema,
      audited: false,
      handler: async () => ({
        name: "Vault",
        capabilities: {
          cacheInvalidation: { polling: { enabled: true, minPollingIntervalMs: 1000 } },
          flagEvaluation: { supportedTypes: ["boolean", "string", "integer", "float", "object"] },
        },
      }),
    }),
  ];
}
