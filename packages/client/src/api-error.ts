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

  /**
   * From a non-2xx answer's parsed body: the envelope when it is one; otherwise (a proxy's page, an answer to HEAD,
   * which has no body) an error whose code is the one the server maps to that status, with the request id of the
   * answer's x-request-id header when there is one.
   */
  static fromAnswer(status: number, body: unknown, requestId?: string | null): VaultApiError {
    const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
    if (error && typeof error.code === "string") {
      return new VaultApiError(
        status,
        error.code,
        typeof error.message === "string" ? error.message : error.code,
        typeof error.details === "object" && error.details !== null ? (error.details as Record<string, unknown>) : {},
        typeof error.requestId === "string" ? error.requestId : (requestId ?? undefined),
      );
    }
    return new VaultApiError(
      status,
      CODE_OF_STATUS[status] ?? (status >= 502 && status <= 504 ? "UNAVAILABLE" : "INTERNAL"),
      `the server answered ${status}`,
      {},
      requestId ?? undefined,
    );
  }
}

/**
 * The code of a bodyless refusal, by status: the server's mapping (DESIGN §3) where one status has one code, or the
 * broader of two (409 CONFLICT for ALREADY_EXISTS too, 410 GONE for EXPIRED too). Others are INTERNAL (a 422 always
 * comes with its envelope: only HEAD answers lack one).
 */
const CODE_OF_STATUS: Record<number, VaultApiErrorCode> = {
  400: "VALIDATION",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  410: "GONE",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

/** True for a {@link VaultApiError}, by its brand (works across copies of the package). */
export function isVaultApiError(error: unknown): error is VaultApiError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
