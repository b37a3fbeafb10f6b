import { ApiError, type ErrorEnvelope } from "./api";

/** One call to the API with the session's key (interim, until the typed @vault/client is in place). */
export async function apiRequest<T>(apiKey: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const envelope = (parsed as ErrorEnvelope | undefined)?.error ?? {
      code: "INTERNAL",
      message: `HTTP ${response.status}`,
    };
    throw new ApiError(response.status, envelope);
  }
  return parsed as T;
}
