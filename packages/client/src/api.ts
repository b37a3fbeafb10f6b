// @vault/client/api: the typed HTTP client for every route of the Vault server, and nothing else. Safe in a browser
// (no Node built-ins): the admin UI and services use this entry alone when they only call the API.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/openapi";

export { isVaultApiError, VaultApiError, type VaultApiErrorCode } from "./api-error";
export type { components, operations, paths };

import { VaultApiError } from "./api-error";

/** The typed client: `api.GET("/v1/apps/{appId}/flags", { params: { path: { appId } } })` → `{ data, error }`. */
export type VaultApi = Client<paths>;

/** A schema of the API by its name in the OpenAPI document: `Schema<"Flag">`, `Schema<"EvaluationResult">`. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

export interface VaultApiOptions {
  /** The server's base URL (`https://vault.example.com`; a trailing slash is ignored). */
  url: string;
  /**
   * The API key sent as `Authorization: Bearer …`: a string, or a function read on every request (a UI that signs in
   * and out). Absent → no header (public routes only).
   */
  apiKey?: string | (() => string | undefined);
  /** The fetch to call (default: the global one). Tests and proxies pass their own. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request (an `x-request-id` to correlate logs, a user agent). */
  headers?: Record<string, string>;
}

/**
 * A typed client for the Vault HTTP API, generated from the server's `/openapi.json` (openapi-fetch over the
 * generated `paths`): every path, parameter, body and answer is typed, and a route the server does not have does not
 * compile. Path parameters are percent-encoded (a config key `limits/max` is one segment).
 */
export function createVaultApi(options: VaultApiOptions): VaultApi {
  const api = createClient<paths>({
    baseUrl: options.url.replace(/\/+$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  const { apiKey } = options;
  if (apiKey !== undefined) {
    const authorize: Middleware = {
      onRequest({ request }) {
        const key = typeof apiKey === "function" ? apiKey() : apiKey;
        if (key) request.headers.set("authorization", `Bearer ${key}`);
        return request;
      },
    };
    api.use(authorize);
  }
  return api;
}

/** What every openapi-fetch call resolves to, reduced to what {@link unwrap} reads. */
interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The success body of a call, or a thrown {@link VaultApiError} carrying the server's error envelope (code, message,
 * details, request id) and the HTTP status: `const flag = unwrap(await api.GET(...))`.
 */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.response.ok) return result.data as T;
  throw VaultApiError.fromAnswer(result.response.status, result.error, result.response.headers.get("x-request-id"));
}

export { vaultContextOf } from "./openfeature-context";
