// How the checker reports a flag definition it cannot accept.

/** A flag definition the engine cannot accept. `code` follows VaultError's codes so services can rethrow it. */
export class FlagDefinitionError extends Error {
  readonly code: "VALIDATION" | "TYPE_MISMATCH";
  /** Where in the flag the problem is, e.g. `rules.2.values`. */
  readonly path: string;

  constructor(code: "VALIDATION" | "TYPE_MISMATCH", path: string, message: string) {
    super(path ? `${path}: ${message}` : message);
    this.name = "FlagDefinitionError";
    this.code = code;
    this.path = path;
  }
}

/** Throw a {@link FlagDefinitionError} for the field at `path`. */
export function fail(path: string, message: string, code: "VALIDATION" | "TYPE_MISMATCH" = "VALIDATION"): never {
  throw new FlagDefinitionError(code, path, message);
}
