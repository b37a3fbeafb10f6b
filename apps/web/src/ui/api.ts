import {
  type components,
  createVaultApi,
  isVaultApiError,
  type operations,
  unwrap,
  type VaultApi,
} from "@vault/client/api";

export { isVaultApiError, unwrap, type VaultApi };

/** A JSON value as the API accepts it (metadata, flag and config values). */
export type JsonValue = components["schemas"]["JsonValueInput"];

/** The success body of an operation of the API, by its operationId: `Answer<"getSecretMeta">`. */
export type Answer<Op extends keyof operations> = operations[Op]["responses"] extends infer R
  ? R extends { 200: { content: { "application/json": infer T } } }
    ? T
    : R extends { 201: { content: { "application/json": infer T } } }
      ? T
      : never
  : never;

/**
 * The typed client for this page: same origin (the UI is served by the server it talks to), the key read from the
 * session on every request so signing out or switching keys needs no new client.
 */
export function createApi(apiKey: () => string | undefined): VaultApi {
  return createVaultApi({ url: window.location.origin, apiKey });
}

/**
 * The request fields the API named as wrong, by field name, so that a form shows each message under its field: the
 * edge's validation issues (`details.issues`, fields named "body.value") and a service's refusal naming one field
 * (`details.field` or `details.path`: an expiry beyond the retention limit, a prerequisite cycle). A message about no particular
 * field is under "_".
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isVaultApiError(error)) return {};
  type Issue = { field?: string; path?: string; message?: string };
  const details = error.details as { issues?: Issue[]; field?: unknown; path?: unknown };
  const errors: Record<string, string> = {};
  const nameOf = (field: string) => field.replace(/^(body|query|params)\.?/, "") || "_";
  for (const issue of Array.isArray(details.issues) ? details.issues : []) {
    errors[nameOf(issue.field ?? issue.path ?? "")] ??= issue.message ?? "invalid";
  }
  const named = typeof details.field === "string" ? details.field : details.path;
  if (typeof named === "string") errors[nameOf(named)] ??= error.message;
  return errors;
}

/** Whether any of `errors` belongs to one of the form's `fields` (else the form shows the failure as a whole). */
export function shownAtFields(errors: Record<string, string>, fields: readonly string[]): boolean {
  return fields.some((field) => errors[field] !== undefined);
}

/** The message to show for any failure: the API's own (with its code), or what went wrong on the way. */
export function messageOf(error: unknown): string {
  if (isVaultApiError(error)) return `${error.message} (${error.code})`;
  if (error instanceof Error) return error.message;
  return String(error);
}
