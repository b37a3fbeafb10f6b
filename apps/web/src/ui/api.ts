/** The error envelope every non-success answer of the API carries (DESIGN §3). */
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

/** A refused or failed API call, with the API's own code and message (shown to the user as they are). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, envelope: ErrorEnvelope["error"]) {
    super(envelope.message);
    this.name = "ApiError";
    this.status = status;
    this.code = envelope.code;
    this.details = envelope.details;
    this.requestId = envelope.requestId;
  }

  /**
   * The request fields the API named as wrong (`details.issues` of a VALIDATION answer), by path: `{ "body.value":
   * "…" }` becomes `{ value: "…" }` so that a form can show each message under its field.
   */
  fieldErrors(): Record<string, string> {
    // The edge names fields as "body.value" (`field`), the services as "value" (`path`).
    type Issue = { field?: string; path?: string; message?: string };
    const issues = (this.details as { issues?: Issue[] } | undefined)?.issues;
    const errors: Record<string, string> = {};
    for (const issue of Array.isArray(issues) ? issues : []) {
      const name = (issue.field ?? issue.path ?? "").replace(/^(body|query|params)\.?/, "") || "_";
      errors[name] ??= issue.message ?? "invalid";
    }
    return errors;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The message to show for any failure: the API's own, or what went wrong on the way. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return `${error.message} (${error.code})`;
  if (error instanceof Error) return error.message;
  return String(error);
}
