import type { Clock } from "@vault/core";
import type { KeyProvider } from "@vault/crypto";
import type { AuditEvent, AuditSink, Executor, VaultDb } from "@vault/store";
import type { RetrySchedule } from "./retry";
import type { Sender } from "./sender";
import type { SigningSecretCache } from "./signing-secrets";
import type { DeliveryReport } from "./types";
import type { UrlGuard } from "./url-guard";

/** What every webhook operation works with: the service's settings, resolved once by `WebhookService`. */
export interface WebhookContext {
  readonly db: VaultDb;
  readonly keys: KeyProvider;
  readonly audit: AuditSink;
  readonly clock: Clock;
  readonly guard: UrlGuard;
  readonly sender: Sender;
  readonly timeoutMs: number;
  readonly retry: RetrySchedule;
  readonly disableAfterFailures: number;
  readonly secretOverlapMs: number;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly reminders: { expiringDays: number[]; rotationFailures: number };
  readonly retentionMs: number;
  readonly maxEndpointsPerApp: number;
  readonly random: () => number;
  readonly onDelivery: ((report: DeliveryReport) => void) | undefined;
  /** Each endpoint's opened signing secrets, by secrets version. */
  readonly secrets: SigningSecretCache;
}

/** Audit a webhook change inside `tx` (a failing write rolls it back). Never a secret; the URL's host only. */
export function recordWebhookChange(
  ctx: WebhookContext,
  tx: Executor,
  event: Omit<AuditEvent, "resource" | "outcome">,
): Promise<void> {
  return ctx.audit.record(tx, { resource: "webhook_endpoint", outcome: "success", ...event });
}
