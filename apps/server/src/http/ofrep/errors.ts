import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { ErrorAnswer } from "../errors";

/** OFREP's error body: an OpenFeature error code and details (and, on a single evaluation, the flag's key). */
export const ofrepErrorSchema = z
  .object({
    key: z.string().optional(),
    errorCode: z.enum(["PARSE_ERROR", "TARGETING_KEY_MISSING", "INVALID_CONTEXT", "FLAG_NOT_FOUND", "GENERAL"]),
    errorDetails: z.string().optional(),
  })
  .meta({ id: "OfrepError" });

export type OfrepError = z.infer<typeof ofrepErrorSchema>;

/** True for the OFREP routes: their errors are answered in OFREP's shape, not Vault's envelope. */
export function isOfrepRequest(request: FastifyRequest): boolean {
  return request.url.startsWith("/ofrep/");
}

/**
 * A Vault error answer in OFREP's shape, same status: a body that is not JSON is PARSE_ERROR, any other refused
 * input INVALID_CONTEXT (a 400), the rest GENERAL (401, 403, 429 and 5xx tell the caller what it needs to know).
 */
export function toOfrepError(answer: ErrorAnswer, request: FastifyRequest): OfrepError {
  const { code, message } = answer.body.error;
  const key = (request.params as { key?: unknown } | undefined)?.key;
  const errorCode = answer.status !== 400 ? "GENERAL" : /JSON/i.test(message) ? "PARSE_ERROR" : "INVALID_CONTEXT";
  return {
    ...(typeof key === "string" ? { key } : {}),
    errorCode,
    errorDetails: `${code}: ${message} (request ${request.id})`,
  };
}
