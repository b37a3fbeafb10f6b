/**
 * The closed set of error codes (DESIGN §3). The record forces every code to carry a description, so adding a
 * code without documenting it is a type error.
 */
export const ERROR_CODES = {
  NOT_FOUND: "The object does not exist (or is not visible to the caller).",
  ALREADY_EXISTS: "An object with this natural key already exists.",
  CONFLICT: "A check-and-set or concurrent change did not match the current state.",
  VALIDATION: "The input is malformed or out of range.",
  TYPE_MISMATCH: "The value does not match the declared type.",
  UNAUTHENTICATED: "No valid credentials were presented.",
  FORBIDDEN: "The credentials do not allow this operation.",
  EXPIRED: "The object exists but has expired.",
  GONE: "The object existed but is no longer available (retrievals exhausted, or purged).",
  RETENTION_VIOLATION: "A retention policy forbids this change.",
  PAYLOAD_TOO_LARGE: "The request body or value is larger than the configured limit.",
  UNSUPPORTED_MEDIA_TYPE: "The request body's media type is not accepted here.",
  DECRYPTION_FAILED: "Stored ciphertext could not be authenticated or decrypted.",
  KEY_UNAVAILABLE: "The key needed to decrypt this value is not loaded.",
  RATE_LIMITED: "Too many requests.",
  UNAVAILABLE: "A dependency is unavailable; retry later.",
  INTERNAL: "An unexpected internal error.",
} as const satisfies Record<string, string>;

export type VaultErrorCode = keyof typeof ERROR_CODES;

export const VAULT_ERROR_CODES = Object.keys(ERROR_CODES) as VaultErrorCode[];

/** Registered globally so that two installed copies of @vault/core recognise each other's errors. */
const BRAND = Symbol.for("@vault/core/VaultError");

export interface VaultErrorOptions {
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error type every Vault package throws. Recognise it with {@link isVaultError}, not `instanceof`. */
export class VaultError extends Error {
  readonly code: VaultErrorCode;
  readonly details: Record<string, unknown>;
  readonly [BRAND] = true;

  constructor(code: VaultErrorCode, message: string, options: VaultErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "VaultError";
    this.code = code;
    this.details = options.details ?? {};
  }

  toJSON(): { code: VaultErrorCode; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** True for a VaultError from any copy of @vault/core (checks the global brand and a known code). */
export function isVaultError(value: unknown, code?: VaultErrorCode): value is VaultError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { [BRAND]?: unknown; code?: unknown };
  if (candidate[BRAND] !== true) return false;
  if (typeof candidate.code !== "string" || !(candidate.code in ERROR_CODES)) return false;
  return code === undefined || candidate.code === code;
}

/** Shorthands that read well at call sites: `throw notFound("secret", key)`. */
export function notFound(what: string, key: string, details: Record<string, unknown> = {}): VaultError {
  return new VaultError("NOT_FOUND", `${what} "${key}" not found`, { details: { what, key, ...details } });
}

export function conflict(message: string, details: Record<string, unknown> = {}): VaultError {
  return new VaultError("CONFLICT", message, { details });
}

export function validation(message: string, details: Record<string, unknown> = {}): VaultError {
  return new VaultError("VALIDATION", message, { details });
}
