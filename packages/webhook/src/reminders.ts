import { runAs } from "@vault/core";
import {
  type Executor,
  eventReminders,
  rotationPolicies,
  secrets,
  secretVersions,
  withTransaction,
} from "@vault/store";
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import type { WebhookContext } from "./context";
import { eventRow, insertEvent } from "./outbox";

const DAY_MS = 86_400_000;

/**
 * Emit the reminders that are due: `secret.expiring` when a live secret's `expiresAt` comes within one of the
 * configured thresholds (once per threshold and expiry instant: a new expiry starts over), and `rotation.failing`
 * when a policy has failed the configured number of times in a row (once per run of failures, i.e. between two
 * successful rotations). Each reminder's row in `vault_event_reminders` is inserted in the same transaction as its
 * event, and its primary key lets only one of many concurrent schedulers insert it — so each is emitted once.
 * Returns how many events it wrote.
 */
export async function emitReminders(ctx: WebhookContext, limit = 500): Promise<number> {
  return runAs({ system: "webhook-reminders" }, async () => {
    return (await expiringSecrets(ctx, limit)) + (await failingRotations(ctx, limit));
  });
}

async function expiringSecrets(ctx: WebhookContext, limit: number): Promise<number> {
  const thresholds = ctx.reminders.expiringDays;
  if (thresholds.length === 0) return 0;
  const now = ctx.clock.now();
  const horizon = new Date(now.getTime() + Math.max(...thresholds) * DAY_MS);
  // Live secrets only: a deleted or destroyed current version reads NOT_FOUND already.
  const rows = await ctx.db
    .select({
      id: secrets.id,
      appId: secrets.appId,
      key: secrets.key,
      version: secrets.currentVersion,
      expiresAt: secrets.expiresAt,
    })
    .from(secrets)
    .innerJoin(
      secretVersions,
      and(eq(secretVersions.secretId, secrets.id), eq(secretVersions.version, secrets.currentVersion)),
    )
    .where(
      and(
        isNotNull(secrets.expiresAt),
        gt(secrets.expiresAt, now),
        lte(secrets.expiresAt, horizon),
        isNull(secretVersions.deletedAt),
        isNull(secretVersions.destroyedAt),
      ),
    )
    .orderBy(asc(secrets.expiresAt))
    .limit(limit);
  const subjectOf = (row: (typeof rows)[number]) => `${row.id}@${row.expiresAt!.toISOString()}`;
  const done = await marked(ctx, "secret.expiring", rows.map(subjectOf));
  let emitted = 0;
  for (const row of rows) {
    const expiresAt = row.expiresAt!;
    const left = expiresAt.getTime() - now.getTime();
    // Every threshold already reached is marked; the event names the nearest (a secret created 2 days before its
    // expiry gets one reminder, "1 day"-style thresholds later still fire on their own).
    const crossed = thresholds.filter((days) => left <= days * DAY_MS);
    const nearest = Math.min(...crossed);
    const subject = subjectOf(row);
    if (done.has(`${subject}\u0000${nearest}`)) continue;
    const event = eventRow(
      {
        type: "secret.expiring",
        resource: "secret",
        appId: row.appId,
        key: row.key,
        version: row.version,
        data: { expiresAt: expiresAt.toISOString(), daysBefore: nearest },
      },
      now,
    );
    emitted += await withTransaction(ctx.db, async (tx) => {
      const inserted = await mark(tx, row.appId, "secret.expiring", subject, crossed.map(String), event.id, now);
      if (!inserted.includes(String(nearest))) return 0;
      await insertEvent(tx, event);
      return 1;
    });
  }
  return emitted;
}

async function failingRotations(ctx: WebhookContext, limit: number): Promise<number> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select()
    .from(rotationPolicies)
    .where(and(eq(rotationPolicies.enabled, true), gte(rotationPolicies.failures, ctx.reminders.rotationFailures)))
    .orderBy(asc(rotationPolicies.id))
    .limit(limit);
  // A run of failures lies between two successes: the last success names it.
  const runOf = (policy: (typeof rows)[number]) => policy.lastRotatedAt?.toISOString() ?? "never-rotated";
  const done = await marked(
    ctx,
    "rotation.failing",
    rows.map((p) => p.id),
  );
  let emitted = 0;
  for (const policy of rows) {
    const run = runOf(policy);
    if (done.has(`${policy.id}\u0000${run}`)) continue;
    const event = eventRow(
      {
        type: "rotation.failing",
        resource: "rotation_policy",
        appId: policy.appId,
        key: policy.secretKey,
        data: {
          policyId: policy.id,
          failures: policy.failures,
          lastRotatedAt: policy.lastRotatedAt?.toISOString() ?? null,
          retryAt: policy.retryAt?.toISOString() ?? null,
        },
      },
      now,
    );
    emitted += await withTransaction(ctx.db, async (tx) => {
      const inserted = await mark(tx, policy.appId, "rotation.failing", policy.id, [run], event.id, now);
      if (inserted.length === 0) return 0;
      await insertEvent(tx, event);
      return 1;
    });
  }
  return emitted;
}

/** The (subject, mark) pairs of `kind` already reminded of, among `subjects`, as `subject\0mark`. */
async function marked(ctx: WebhookContext, kind: string, subjects: string[]): Promise<Set<string>> {
  if (subjects.length === 0) return new Set();
  const rows = await ctx.db
    .select({ subject: eventReminders.subject, mark: eventReminders.mark })
    .from(eventReminders)
    .where(and(eq(eventReminders.kind, kind), inArray(eventReminders.subject, subjects)));
  return new Set(rows.map((r) => `${r.subject}\u0000${r.mark}`));
}

/** Insert the reminder rows not yet there; returns the marks this call inserted (none: another scheduler did). */
async function mark(
  tx: Executor,
  appId: string,
  kind: string,
  subject: string,
  marks: string[],
  eventId: string,
  now: Date,
): Promise<string[]> {
  const inserted = await tx
    .insert(eventReminders)
    .values(marks.map((m) => ({ appId, kind, subject, mark: m, eventId, createdAt: now })))
    .onConflictDoNothing()
    .returning({ mark: eventReminders.mark });
  return inserted.map((r) => r.mark);
}
