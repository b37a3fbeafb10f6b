import { isVaultError, VaultError, type VaultErrorCode } from "@vault/core";
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
  RETENTION_VIOLATION: 422,
  DECRYPTION_FAILED: 500,
  KEY_UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The body of every error answer. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string(),
  }),
});

export interface ErrorAnswer {
  status: number;
  body: z.infer<typeof errorEnvelopeSchema>;
  /** Caller mistakes are logged at debug; our own failures at error. */
  internal: boolean;
}

/**
 * Turn anything thrown by a handler (or by Fastify itself) into a status and the error envelope. Fastify's own
 * client errors (bad JSON, unsupported media type, body too large) keep their 4xx status with code VALIDATION;
 * anything unrecognised is an INTERNAL 500 whose message says nothing about its cause.
 */
export function toErrorAnswer(error: unknown, requestId: string): ErrorAnswer {
  if (isVaultError(error)) {
    const status = STATUS_OF[error.code];
    return {
      status,
      body: { error: { code: error.code, message: error.message, details: error.details, requestId } },
      internal: status >= 500,
    };
  }
  const fastifyError = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (
    typeof fastifyError?.statusCode === "number" &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500 &&
    typeof fastifyError.code === "string" &&
    fastifyError.code.startsWith("FST_")
  ) {
    const code: VaultErrorCode = fastifyError.statusCode === 429 ? "RATE_LIMITED" : "VALIDATION";
    return {
      status: fastifyError.statusCode,
      body: {
        error: {
          code,
          message: clientMessage(fastifyError.code, String(fastifyError.message)),
          details: { field: fastifyError.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? "content-type" : "body" },
          requestId,
        },
      },
      internal: false,
    };
  }
  const rejected = databaseDataException(error);
  if (rejected) {
    return {
      status: 400,
      body: {
        error: { code: "VALIDATION", message: rejected.message, details: { sqlState: rejected.sqlState }, requestId },
      },
      internal: false,
    };
  }
  return {
    status: 500,
    body: { error: { code: "INTERNAL", message: "internal error", details: {}, requestId } },
    internal: true,
  };
}

/**
 * Postgres "data exception" errors (SQLSTATE class 22: a NUL character in text, a number or date out of the column's
 * range, …) mean a caller's value could not be stored. Services validate what they can; this backstop turns whatever
 * slips through into a 400 instead of a 500. The database's own message is not passed on: it can quote the value.
 */
function databaseDataException(error: unknown): { sqlState: string; message: string } | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) {
      return {
        sqlState: code,
        message: `a value in the request cannot be stored: ${DATA_EXCEPTIONS[code] ?? "invalid value"}`,
      };
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

// Fastify's messages can quote the offending input (JSON parse errors echo a fragment): say what was wrong instead.
function clientMessage(code: string, message: string): string {
  switch (code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return "body: not valid JSON";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "content-type: unsupported media type (send application/json)";
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "body: too large";
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return "content-length: does not match the body";
    default:
      return message.replace(/\s+/g, " ").slice(0, 200);
  }
}

/** A VALIDATION error naming each bad field of one part of the request (`body`, `query`, `params`). */
export function requestValidationError(part: string, error: z.ZodError): VaultError {
  const issues = error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  return new VaultError("VALIDATION", issues.map((i) => `${i.field}: ${i.message}`).join("; "), {
    details: { issues },
  });
}
