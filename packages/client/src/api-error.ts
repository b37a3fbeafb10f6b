/** The error codes of the server's envelope (DESIGN §3), as the client sees them; an unknown one is kept as is. */
export type VaultApiErrorCode =
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "CONFLICT"
  | "VALIDATION"
  | "TYPE_MISMATCH"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "EXPIRED"
  | "GONE"
  | "RETENTION_VIOLATION"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "DECRYPTION_FAILED"
  | "KEY_UNAVAILABLE"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL"
  | (string & {});

const BRAND = Symbol.for("@vault/client/VaultApiError");

/** A refusal from the server: its error envelope and the HTTP status. */
export class VaultApiError extends Error {
  readonly [BRAND] = true;
  override readonly name = "VaultApiError";

  constructor(
    readonly status: number,
    readonly code: VaultApiErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly requestId: string | undefined = undefined,
  ) {
    super(message);
  }

  /** From a non-2xx answer's parsed body: the envelope when it is one, otherwise a generic error naming the status. */
  static fromAnswer(status: number, body: unknown): VaultApiError {
    const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
    if (error && typeof error.code === "string") {
      return new VaultApiError(
        status,
        error.code,
        typeof error.message === "string" ? error.message : error.code,
        typeof error.details === "object" && error.details !== null ? (error.details as Record<string, unknown>) : {},
        typeof error.requestId === "string" ? error.requestId : undefined,
      );
    }
    const code = status === 401 ? "UNAUTHENTICATED" : status === 503 || status === 502 ? "UNAVAILABLE" : "INTERNAL";
    return new VaultApiError(status, code, `the server answered ${status}`);
  }
}

/** True for a {@link VaultApiError}, by its brand (works across copies of the package). */
export function isVaultApiError(error: unknown): error is VaultApiError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
