import { z } from "zod";

/** DESIGN §7: what an API key may do within its app. `admin` implies every other scope. */
export const SCOPES = [
  "secrets:read",
  "secrets:write",
  "flags:read",
  "flags:write",
  "flags:evaluate",
  "config:read",
  "config:write",
  "audit:read",
  "tokens:read",
  "tokens:write",
  "blobs:read",
  "blobs:write",
  "blobs:admin",
  "webhooks:read",
  "webhooks:write",
  "admin",
] as const;

export type Scope = (typeof SCOPES)[number];

export const scopeSchema = z.enum(SCOPES);

/**
 * The app that owns the instance-admin keys. An `admin` key of this app manages apps and API keys of every app
 * (and the keyring), but, like any key, reads and writes the objects of its own app only.
 */
export const SYSTEM_APP_ID = "system";

/** True when a key with `granted` scopes may do what `required` allows. */
export function hasScope(granted: readonly string[], required: Scope): boolean {
  return granted.includes("admin") || granted.includes(required);
}
