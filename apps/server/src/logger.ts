import pino, {
  type Bindings,
  type ChildLoggerOptions,
  type DestinationStream,
  type Logger,
  type LoggerOptions,
} from "pino";

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

/** The server's logger: JSON lines with redaction. `destination` lets tests capture the output. */
export function createLogger(level: LoggerOptions["level"] = "info", destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    base: { service: "vault" },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * A request's logger (Fastify's `request.log`) that builds its pino child — bound to the request id — only when a
 * line is written. Most requests log nothing, and a pino child per request is a measurable share of a cached flag
 * evaluation's cost.
 */
export class RequestLogger {
  readonly #parent: Logger;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions | undefined;
  #child: Logger | undefined;

  constructor(parent: Logger, bindings: Bindings, options?: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  get level(): string {
    return (this.#child ?? this.#parent).level;
  }

  set level(level: string) {
    this.#real().level = level;
  }

  isLevelEnabled(level: string): boolean {
    return (this.#child ?? this.#parent).isLevelEnabled(level);
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): Logger {
    return this.#real().child(bindings, options);
  }

  silent(): void {}

  trace(...args: LogArgs): void {
    if (this.isLevelEnabled("trace")) this.#real().trace(...args);
  }

  debug(...args: LogArgs): void {
    if (this.isLevelEnabled("debug")) this.#real().debug(...args);
  }

  info(...args: LogArgs): void {
    if (this.isLevelEnabled("info")) this.#real().info(...args);
  }

  warn(...args: LogArgs): void {
    if (this.isLevelEnabled("warn")) this.#real().warn(...args);
  }

  error(...args: LogArgs): void {
    if (this.isLevelEnabled("error")) this.#real().error(...args);
  }

  fatal(...args: LogArgs): void {
    if (this.isLevelEnabled("fatal")) this.#real().fatal(...args);
  }

  #real(): Logger {
    this.#child ??= this.#parent.child(this.#bindings, this.#options);
    return this.#child;
  }
}

type LogArgs = Parameters<Logger["info"]>;
