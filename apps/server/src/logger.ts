import type { IncomingMessage, ServerResponse } from "node:http";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";

/**
 * Paths pino blanks out in every log line: credentials, and anything that may carry a secret value. Request and
 * response bodies are never logged by the server; these paths also catch values passed to the logger by mistake.
 */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'req.headers["x-vault-token-password"]',
  "req.body",
  "res.body",
  "body",
  "value",
  "*.value",
  "key",
  "apiKey",
  "*.apiKey",
  "adminKey",
  "secret",
  "*.secret",
  "password",
  "*.password",
  "oldPassword",
  "*.oldPassword",
  "newPassword",
  "*.newPassword",
  "token",
  "*.token",
  "tokens",
  "*.tokens",
  "keyring",
];

/**
 * Errors as log fields, without query parameters. A failed Drizzle query's message, stack and `params` list every
 * bound value (ciphertext, metadata, config values), so for such an error only the SQL text (with $n placeholders) is
 * kept; the database's own error follows as `cause`, with its SQLSTATE `code`.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const query = "params" in error && "query" in error ? String((error as { query: unknown }).query) : undefined;
  const message = query === undefined ? error.message : `Failed query: ${query}`;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");
  const out: Record<string, unknown> = {
    type: error.constructor.name,
    message,
    stack: `${error.name}: ${message}\n${frames}`,
  };
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") out.code = code;
  if (query !== undefined) out.query = query;
  if (error.cause !== undefined && depth < 4) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

/** A request as a log field: method, path and peer only. Headers are never logged (they carry credentials). */
export function serializeRequest(request: IncomingMessage & { ip?: string }): Record<string, unknown> {
  return {
    method: request.method,
    url: (request.url ?? "").split("?")[0],
    remoteAddress: request.ip ?? request.socket?.remoteAddress,
  };
}

/** A response as a log field: its status. */
export function serializeResponse(reply: ServerResponse | { statusCode: number }): Record<string, unknown> {
  return { statusCode: reply.statusCode };
}

/** The server's logger: JSON lines with redaction. `destination` lets tests capture the output. */
export function createLogger(level: LoggerOptions["level"] = "info", destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    base: { service: "vault" },
    serializers: { err: serializeError, req: serializeRequest, res: serializeResponse },
  };
  return destination ? pino(options, destination) : pino(options);
}
