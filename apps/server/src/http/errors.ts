import { isVaultError, VaultError, type VaultErrorCode } from "@vault/core";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";

/** DESIGN §3: the one place where error codes become HTTP statuses. */
export const STATUS_OF: Record<VaultErrorCode, number> = {
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  CONFLICT: 409,
  VALIDATION: 400,
  TYPE_MISMATCH: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  EXPIRED: 410,
  GONE: 410,
  RETENTION_VIOLATION: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DECRYPTION_FAILED: 500,
  KEY_UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The body of every answer that is not a success. */
export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string().describe("A VaultError code (see docs/http-api.md)."),
      message: z.string().describe("What went wrong, for humans."),
      details: z.record(z.string(), z.unknown()).describe("Machine-readable details (e.g. the fields at fault)."),
      requestId: z.string().describe("The request's id, also in the x-request-id header."),
    }),
  })
  .meta({ id: "Error" });

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export interface ErrorAnswer {
  status: number;
  body: ErrorEnvelope;
  /** A failure on our side (5xx, logged at error level); anything else is the caller's mistake or a refusal. */
  internal: boolean;
}

/**
 * Turn anything thrown while answering (by a handler, a hook, Fastify itself or a plugin) into a status and the error
 * envelope. Anything unrecognised is an INTERNAL 500 whose message says nothing about its cause.
 */
export function toErrorAnswer(error: unknown, requestId: string): ErrorAnswer {
  const vaultError = asVaultError(error);
  if (vaultError) {
    const status = STATUS_OF[vaultError.code];
    return {
      status,
      body: { error: { code: vaultError.code, message: vaultError.message, details: vaultError.details, requestId } },
      internal: status >= 500,
    };
  }
  return {
    status: 500,
    body: { error: { code: "INTERNAL", message: "internal error", details: {}, requestId } },
    internal: true,
  };
}

/** The VaultError an error stands for, or undefined when it is not one we recognise (an internal failure). */
function asVaultError(error: unknown): VaultError | undefined {
  if (isVaultError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return requestValidationError(error);
  const framework = frameworkError(error);
  if (framework) return framework;
  return databaseUnavailable(error) ?? databaseDataException(error);
}

/** Node and postgres.js codes of a connection that failed, timed out or went away. */
const CONNECTION_FAILURES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/**
 * The database is away: refused, timed out, restarting, shutting down, out of connections, or a statement cancelled
 * by `statement_timeout` (SQLSTATE 57014). The caller should retry; it is a 503, never a 500.
 */
function databaseUnavailable(error: unknown): VaultError | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (
      typeof code === "string" &&
      (CONNECTION_FAILURES.has(code) ||
        /^08[0-9A-Z]{3}$/.test(code) ||
        /^57P0[1-3]$/.test(code) ||
        code === "57014" ||
        code === "53300")
    ) {
      return new VaultError("UNAVAILABLE", "the database is unavailable; retry later", { details: { cause: code } });
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Fastify names the part that failed `querystring`; the API says `query`. */
const PART_NAMES: Record<string, string> = { body: "body", params: "params", querystring: "query", headers: "headers" };

/** A VALIDATION error naming each bad field of the part of the request Fastify's validation rejected. */
function requestValidationError(error: {
  validation: { instancePath: string; message?: string }[];
  validationContext?: string;
}): VaultError {
  const part = PART_NAMES[error.validationContext ?? "body"] ?? "body";
  const issues = error.validation.map((issue) => ({
    field: [part, ...issue.instancePath.split("/").filter((segment) => segment !== "")].join("."),
    message: issue.message ?? "invalid",
  }));
  return new VaultError("VALIDATION", issues.map((i) => `${i.field}: ${i.message}`).join("; "), {
    details: { issues },
  });
}

/**
 * Fastify's own client errors (and its plugins'): body parsing, media types, body limits, bad URLs, rate limits. Their
 * messages can quote the offending input (JSON parse errors echo a fragment), so each gets a message of ours.
 */
function frameworkError(error: unknown): VaultError | undefined {
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  switch (code) {
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new VaultError(
        "UNSUPPORTED_MEDIA_TYPE",
        "content-type: unsupported media type (send application/json, or application/octet-stream where a route takes bytes)",
        {
          details: { field: "content-type" },
        },
      );
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new VaultError("PAYLOAD_TOO_LARGE", "body: larger than this server accepts", {
        details: { field: "body" },
      });
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new VaultError("VALIDATION", "body: not valid JSON", { details: { field: "body" } });
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new VaultError("VALIDATION", "content-length: does not match the body", {
        details: { field: "content-length" },
      });
    case "FST_ERR_BAD_URL":
      return new VaultError("VALIDATION", "path: not a valid URL (bad percent-encoding)", {
        details: { field: "path" },
      });
    case "FST_ERR_MAX_PARAM_LENGTH":
      return new VaultError("VALIDATION", "path: a path parameter is too long", { details: { field: "path" } });
    case "FST_ERR_HANDLER_TIMEOUT":
      return new VaultError(
        "UNAVAILABLE",
        "the request did not finish in time (is the database reachable?); retry later",
        {
          details: { reason: "timeout" },
        },
      );
  }
  if (statusCode === 429) return new VaultError("RATE_LIMITED", "too many requests; retry later");
  if (typeof code === "string" && code.startsWith("FST_") && typeof statusCode === "number") {
    if (statusCode >= 400 && statusCode < 500) {
      const message = String((error as Error).message ?? "bad request")
        .replace(/\s+/g, " ")
        .slice(0, 200);
      return new VaultError("VALIDATION", message, { details: { fastifyCode: code } });
    }
  }
  return undefined;
}

/**
 * Postgres "data exception" errors (SQLSTATE class 22: a NUL character in text, a number or date out of the column's
 * range, …) mean a caller's value could not be stored. Services validate what they can; this backstop turns whatever
 * slips through into a 400 instead of a 500. The database's own message is not passed on: it can quote the value.
 */
function databaseDataException(error: unknown): VaultError | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) {
      return new VaultError(
        "VALIDATION",
        `a value in the request cannot be stored: ${DATA_EXCEPTIONS[code] ?? "invalid value"}`,
        {
          details: { sqlState: code },
        },
      );
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const DATA_EXCEPTIONS: Record<string, string> = {
  "22021": "text contains a character the database cannot store (such as NUL, \\u0000)",
  "22P05": "text contains a character the database cannot store (such as NUL, \\u0000)",
  "22003": "a number is out of range",
  "22008": "a date or time is out of range",
  "22007": "a date or time has an invalid format",
  "22P02": "a value has an invalid format",
  "22001": "a text value is too long",
};
