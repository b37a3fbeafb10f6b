import { createHmac, randomBytes } from "node:crypto";

/** The prefix of a Standard Webhooks signing secret: `whsec_` and the key in base64. */
export const SECRET_PREFIX = "whsec_";
/** Bytes of a signing key (Standard Webhooks asks for 24 to 64; 32 matches HMAC-SHA256's block of security). */
export const SECRET_BYTES = 32;

/** A new signing secret, `whsec_<base64 of 32 random bytes>`, the form every Standard Webhooks library reads. */
export function generateSigningSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString("base64")}`;
}

/** The key bytes of a `whsec_…` secret. */
function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
}

/**
 * The `webhook-signature` header of one message (Standard Webhooks v1): for each secret, `v1,` and the base64
 * HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` under the secret's key, space-separated. Signing with the
 * current and the previous secret while a rotation's overlap lasts lets a receiver verify with either.
 */
export function signatureHeader(
  secrets: readonly string[],
  messageId: string,
  timestamp: number,
  body: string,
): string {
  const signed = `${messageId}.${timestamp}.${body}`;
  return secrets
    .map((secret) => `v1,${createHmac("sha256", secretKey(secret)).update(signed).digest("base64")}`)
    .join(" ");
}

/** The three Standard Webhooks headers of one attempt (timestamp in whole seconds). */
export function webhookHeaders(
  secrets: readonly string[],
  messageId: string,
  at: Date,
  body: string,
): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signatureHeader(secrets, messageId, timestamp, body),
  };
}
