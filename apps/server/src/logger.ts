import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";

/**
 * Paths pino blanks out in every log line: credentials, and anything that may carry a secret value. Request and
 * response bodies are never logged by the server; these paths also catch values passed to the logger by mistake.
 */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
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
  "keyring",
];

/** The server's logger: JSON lines with redaction. `destination` lets tests capture the output. */
export function createLogger(level: LoggerOptions["level"] = "info", destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    base: { service: "vault" },
  };
  return destination ? pino(options, destination) : pino(options);
}
