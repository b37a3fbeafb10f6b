import { decodeCursor, newId, type Page, toPage, VaultError } from "@vault/core";
import { type Executor, type WebhookEndpointRow, webhookEndpoints, withTransaction } from "@vault/store";
import { and, asc, count, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { recordWebhookChange, type WebhookContext } from "./context";
import { endpointNotFound, toEndpoint } from "./rows";
import type { CreateEndpointData, UpdateEndpointData } from "./schemas";
import { generateSigningSecret } from "./signature";
import { openSigningSecrets, sealSigningSecrets } from "./signing-secrets";
import type { EndpointWithSecret, WebhookEndpoint } from "./types";

/**
 * Create an endpoint with a new signing secret, returned this once. The URL is checked by the guard first (outside
 * the transaction: it may resolve a name).
 */
export async function createEndpoint(
  ctx: WebhookContext,
  appId: string,
  data: CreateEndpointData,
): Promise<EndpointWithSecret> {
  const url = (await ctx.guard.checkUrl(data.url)).toString();
  const id = newId("webhook");
  const secret = generateSigningSecret();
  const sealed = await sealSigningSecrets(ctx, appId, id, 1, { current: secret, previous: null });
  const now = ctx.clock.now();
  const row = await withTransaction(ctx.db, async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.appId, appId));
    if (n >= ctx.maxEndpointsPerApp) {
      throw new VaultError("CONFLICT", `app "${appId}" has ${n} webhook endpoints, the most allowed`, {
        details: { appId, limit: ctx.maxEndpointsPerApp },
      });
    }
    const [inserted] = await tx
      .insert(webhookEndpoints)
      .values({
        id,
        appId,
        url,
        description: data.description,
        eventTypes: data.eventTypes,
        enabled: data.enabled,
        disabledReason: data.enabled ? null : "manual",
        ...sealed,
        previousSecretExpiresAt: null,
        consecutiveFailures: 0,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordWebhookChange(ctx, tx, {
      action: "webhook.endpoint_created",
      appId,
      key: id,
      metadata: { host: new URL(url).host, eventTypes: data.eventTypes, enabled: data.enabled },
    });
    return inserted!;
  });
  return { endpoint: toEndpoint(row), secret };
}

/** One endpoint of the app (NOT_FOUND for another app's). */
export async function getEndpoint(ctx: WebhookContext, appId: string, id: string): Promise<WebhookEndpoint> {
  return toEndpoint(await findEndpoint(ctx.db, appId, id));
}

/** The app's endpoints, oldest first, a page at a time. */
export async function listEndpoints(
  ctx: WebhookContext,
  appId: string,
  { cursor, limit }: { cursor?: string | undefined; limit: number },
): Promise<Page<WebhookEndpoint>> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, z.object({ id: z.string() })).id;
  const rows = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.appId, appId), after === undefined ? undefined : gt(webhookEndpoints.id, after)))
    .orderBy(asc(webhookEndpoints.id))
    .limit(limit + 1);
  return toPage(rows, limit, toEndpoint, (row) => ({ id: row.id }));
}

/**
 * Change an endpoint. Enabling it (also one the worker disabled) resets its failure count; disabling it by hand
 * records why, and its pending deliveries fail when their turn comes.
 */
export async function updateEndpoint(
  ctx: WebhookContext,
  appId: string,
  id: string,
  data: UpdateEndpointData,
): Promise<WebhookEndpoint> {
  const url = data.url === undefined ? undefined : (await ctx.guard.checkUrl(data.url)).toString();
  return withTransaction(ctx.db, async (tx) => {
    const current = await findEndpoint(tx, appId, id, true);
    const enabling = data.enabled === true && !current.enabled;
    const disabling = data.enabled === false && current.enabled;
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        ...(url === undefined ? {} : { url }),
        ...(data.description === undefined ? {} : { description: data.description }),
        ...(data.eventTypes === undefined ? {} : { eventTypes: data.eventTypes }),
        ...(enabling ? { enabled: true, disabledReason: null, consecutiveFailures: 0 } : {}),
        ...(disabling ? { enabled: false, disabledReason: "manual" } : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(webhookEndpoints.id, current.id))
      .returning();
    await recordWebhookChange(ctx, tx, {
      action: "webhook.endpoint_updated",
      appId,
      key: id,
      metadata: {
        fields: Object.entries(data)
          .filter(([, value]) => value !== undefined)
          .map(([field]) => field)
          .sort(),
        ...(url === undefined ? {} : { host: new URL(url).host }),
        enabled: row!.enabled,
      },
    });
    return toEndpoint(row!);
  });
}

/** Remove an endpoint with its deliveries and their log. */
export async function deleteEndpoint(ctx: WebhookContext, appId: string, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const current = await findEndpoint(tx, appId, id, true);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, current.id));
    await recordWebhookChange(ctx, tx, { action: "webhook.endpoint_deleted", appId, key: id });
  });
  ctx.secrets.delete(id);
}

/**
 * Replace the signing secret with a new one, returned this once. The replaced secret keeps signing — both
 * signatures go in `webhook-signature` — for `overlapMs` (default: the service's), so receivers can switch without
 * missing a delivery; 0 stops it at once (a leaked secret). A secret replaced earlier is dropped.
 */
export async function rotateSecret(
  ctx: WebhookContext,
  appId: string,
  id: string,
  overlapMs: number | undefined,
): Promise<EndpointWithSecret> {
  const secret = generateSigningSecret();
  const overlap = overlapMs ?? ctx.secretOverlapMs;
  const row = await withTransaction(ctx.db, async (tx) => {
    const current = await findEndpoint(tx, appId, id, true);
    const opened = await openSigningSecrets(ctx, current);
    const version = current.secretsVersion + 1;
    const now = ctx.clock.now();
    const sealed = await sealSigningSecrets(ctx, appId, id, version, {
      current: secret,
      previous: overlap > 0 ? opened.current : null,
    });
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({
        ...sealed,
        previousSecretExpiresAt: overlap > 0 ? new Date(now.getTime() + overlap) : null,
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, current.id))
      .returning();
    await recordWebhookChange(ctx, tx, {
      action: "webhook.secret_rotated",
      appId,
      key: id,
      metadata: { overlapMs: overlap, secretsVersion: version },
    });
    return updated!;
  });
  ctx.secrets.delete(id);
  return { endpoint: toEndpoint(row), secret };
}

/** The endpoint row of `id` in `appId` (locked `FOR UPDATE` when `lock`); NOT_FOUND otherwise. */
export async function findEndpoint(
  executor: Executor,
  appId: string,
  id: string,
  lock = false,
): Promise<WebhookEndpointRow> {
  const query = executor
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.appId, appId), eq(webhookEndpoints.id, id)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw endpointNotFound(appId, id);
  return row;
}
