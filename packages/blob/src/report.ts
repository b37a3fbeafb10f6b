import { blobPolicies, blobPurges, blobs } from "@vault/store";
import { and, asc, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import type { BlobContext } from "./context";
import { listPolicies } from "./policies";
import { DAY_MS } from "./retention";
import { sweepStatus } from "./sweep";
import type { AccessMode, PurgeReason, SweepRun } from "./types";

/** Entries listed by name in the retention section at most (the count is always exact). */
const MAX_LISTED = 100;
/** "Expiring soon" means within this many days. */
const EXPIRING_DAYS = 30;

/** One purpose's inventory and policy. */
export interface PurposeInventory {
  purpose: string;
  policy: {
    maxRetentionDays: number;
    defaultTtlDays: number;
    access: AccessMode;
    allowedApps: string[];
    requireIdentity: boolean;
    maxRetrievals: number | null;
  } | null;
  /** Readable now: unexpired, not exhausted, owner not shredded. */
  active: number;
  /** Active and expiring within 30 days. */
  expiringWithin30Days: number;
  /** Past their expiry, waiting for the sweep. */
  expiredPendingPurge: number;
  /** Unexpired but unreadable (owner shredded), waiting for the sweep. */
  shreddedPendingPurge: number;
  /** Bytes of content stored (every entry still held). */
  bytes: number;
}

/** The compliance report of one app (DESIGN §6 Governed blobs): JSON, and as HTML through `renderReportHtml`. */
export interface ComplianceReport {
  appId: string;
  generatedAt: Date;
  /** The period the access summary and purge evidence cover: [from, to). */
  period: { from: Date; to: Date };
  inventory: {
    totals: Omit<PurposeInventory, "purpose" | "policy">;
    purposes: PurposeInventory[];
  };
  /** Entries that would outlive their purpose's maximum retention (must be 0), or that no policy governs. */
  retention: {
    conforming: boolean;
    violations: number;
    entries: Array<{
      purpose: string;
      id: string;
      blobId: string;
      createdAt: Date;
      expiresAt: Date;
      maxRetentionDays: number | null;
    }>;
  };
  /** From the audit log, for the period. */
  access: {
    available: boolean;
    retrievals: number;
    retrievalsByIdentity: Array<{ identity: string; retrievals: number }>;
    /** Refused operations (policy, identity, other app). */
    denials: number;
    denialsByIdentity: Array<{ identity: string; denials: number }>;
    /** Retrievals that failed (not found, gone). */
    failedRetrievals: number;
  };
  purge: {
    lastSweep: SweepRun | null;
    /** Entries due now and not yet purged. */
    duePending: number;
    purgedInPeriod: number;
    purgedByReason: Partial<Record<PurgeReason, number>>;
    /** Purges in the period with a proof on record (every purge writes one in its transaction). */
    proofsAvailable: number;
    allProofsAvailable: boolean;
  };
  auditChain: {
    available: boolean;
    verified: boolean | null;
    checked: number;
    problem: string | null;
  };
}

/**
 * Gather the app's compliance report: inventory by purpose, retention conformance, the access summary and purge
 * evidence of the period (default: the 30 days before now), and the audit chain's verification status. Read-only; it
 * never touches content.
 */
export async function complianceReport(
  ctx: BlobContext,
  appId: string,
  opts: { from?: Date; to?: Date; verifyAudit: boolean },
): Promise<ComplianceReport> {
  const now = ctx.clock.now();
  // "Up to now", inclusive: what happened at this very instant (a sweep a moment ago on a still clock) counts.
  const to = opts.to ?? new Date(now.getTime() + 1);
  const from = opts.from ?? new Date(to.getTime() - 30 * DAY_MS);
  const [inventory, retention, purge, access, auditChain] = [
    await inventoryOf(ctx, appId, now),
    await retentionOf(ctx, appId),
    await purgeOf(ctx, appId, from, to),
    await accessOf(ctx, appId, from, to),
    await chainOf(ctx, opts.verifyAudit),
  ];
  return { appId, generatedAt: now, period: { from, to }, inventory, retention, access, purge, auditChain };
}

async function inventoryOf(ctx: BlobContext, appId: string, now: Date): Promise<ComplianceReport["inventory"]> {
  const at = timestamptz(now);
  const soon = timestamptz(new Date(now.getTime() + EXPIRING_DAYS * DAY_MS));
  const readable = sql`${blobs.expiresAt} > ${at} and ${blobs.dueAt} > ${at}`;
  const counts = await ctx.db
    .select({
      purpose: blobs.purpose,
      active: sql<number>`count(*) filter (where ${readable})`.mapWith(Number),
      expiring: sql<number>`count(*) filter (where ${readable} and ${blobs.expiresAt} <= ${soon})`.mapWith(Number),
      expired: sql<number>`count(*) filter (where ${blobs.expiresAt} <= ${at})`.mapWith(Number),
      shredded: sql<number>`count(*) filter (where ${blobs.expiresAt} > ${at} and ${blobs.dueAt} <= ${at})`.mapWith(
        Number,
      ),
      bytes: sql<number>`coalesce(sum(${blobs.size}), 0)`.mapWith(Number),
    })
    .from(blobs)
    .where(eq(blobs.appId, appId))
    .groupBy(blobs.purpose);
  const byPurpose = new Map(counts.map((c) => [c.purpose, c]));
  const policies = await listPolicies(ctx.db, appId);
  const purposes = new Set([...policies.map((p) => p.purpose), ...byPurpose.keys()]);
  const policyOf = new Map(policies.map((p) => [p.purpose, p]));
  const items: PurposeInventory[] = [...purposes].sort().map((purpose) => {
    const c = byPurpose.get(purpose);
    const p = policyOf.get(purpose);
    return {
      purpose,
      policy:
        p === undefined
          ? null
          : {
              maxRetentionDays: p.maxRetentionDays,
              defaultTtlDays: p.defaultTtlDays,
              access: p.access,
              allowedApps: p.allowedApps,
              requireIdentity: p.requireIdentity,
              maxRetrievals: p.maxRetrievals,
            },
      active: c?.active ?? 0,
      expiringWithin30Days: c?.expiring ?? 0,
      expiredPendingPurge: c?.expired ?? 0,
      shreddedPendingPurge: c?.shredded ?? 0,
      bytes: c?.bytes ?? 0,
    };
  });
  const totals = { active: 0, expiringWithin30Days: 0, expiredPendingPurge: 0, shreddedPendingPurge: 0, bytes: 0 };
  for (const item of items) {
    totals.active += item.active;
    totals.expiringWithin30Days += item.expiringWithin30Days;
    totals.expiredPendingPurge += item.expiredPendingPurge;
    totals.shreddedPendingPurge += item.shreddedPendingPurge;
    totals.bytes += item.bytes;
  }
  return { totals, purposes: items };
}

/** A point in time as an SQL parameter: raw `sql` parameters bypass column mapping, so send ISO text with its type. */
function timestamptz(date: Date) {
  return sql`${date.toISOString()}::timestamptz`;
}

async function retentionOf(ctx: BlobContext, appId: string): Promise<ComplianceReport["retention"]> {
  const joined = and(eq(blobPolicies.appId, blobs.appId), eq(blobPolicies.purpose, blobs.purpose));
  const violating = and(
    eq(blobs.appId, appId),
    or(
      isNull(blobPolicies.appId),
      sql`${blobs.expiresAt} > ${blobs.createdAt} + ${blobPolicies.maxRetentionDays} * interval '1 day'`,
    ),
  );
  const [total] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(blobs)
    .leftJoin(blobPolicies, joined)
    .where(violating);
  const rows = await ctx.db
    .select({
      purpose: blobs.purpose,
      id: blobs.externalId,
      blobId: blobs.id,
      createdAt: blobs.createdAt,
      expiresAt: blobs.expiresAt,
      maxRetentionDays: blobPolicies.maxRetentionDays,
    })
    .from(blobs)
    .leftJoin(blobPolicies, joined)
    .where(violating)
    .orderBy(asc(sql`${blobs.id} collate "C"`))
    .limit(MAX_LISTED);
  const violations = total?.n ?? 0;
  return { conforming: violations === 0, violations, entries: rows };
}

async function purgeOf(ctx: BlobContext, appId: string, from: Date, to: Date): Promise<ComplianceReport["purge"]> {
  const rows = await ctx.db
    .select({
      reason: blobPurges.reason,
      n: sql<number>`count(*)`.mapWith(Number),
      proofs: sql<number>`count(*) filter (where octet_length(${blobPurges.proof}) = 32)`.mapWith(Number),
    })
    .from(blobPurges)
    .where(and(eq(blobPurges.appId, appId), gte(blobPurges.purgedAt, from), lt(blobPurges.purgedAt, to)))
    .groupBy(blobPurges.reason);
  const purgedByReason: Partial<Record<PurgeReason, number>> = {};
  let purgedInPeriod = 0;
  let proofsAvailable = 0;
  for (const row of rows) {
    purgedByReason[row.reason] = row.n;
    purgedInPeriod += row.n;
    proofsAvailable += row.proofs;
  }
  const status = await sweepStatus(ctx, appId);
  return {
    lastSweep: status.lastRun,
    duePending: status.due,
    purgedInPeriod,
    purgedByReason,
    proofsAvailable,
    allProofsAvailable: proofsAvailable === purgedInPeriod,
  };
}

async function accessOf(ctx: BlobContext, appId: string, from: Date, to: Date): Promise<ComplianceReport["access"]> {
  const empty = {
    retrievals: 0,
    retrievalsByIdentity: [],
    denials: 0,
    denialsByIdentity: [],
    failedRetrievals: 0,
  };
  if (ctx.evidence === undefined) return { available: false, ...empty };
  const groups = await ctx.evidence.count({ appId, resource: "blob", from, to });
  const retrievals = new Map<string, number>();
  const denials = new Map<string, number>();
  let failedRetrievals = 0;
  for (const group of groups) {
    const identity = group.actor ?? "(unknown)";
    if (group.action === "blob.retrieved" && group.outcome === "success") {
      retrievals.set(identity, (retrievals.get(identity) ?? 0) + group.count);
    } else if (group.outcome === "denied") {
      denials.set(identity, (denials.get(identity) ?? 0) + group.count);
    } else if (group.action === "blob.retrieved" && group.outcome === "failure") {
      failedRetrievals += group.count;
    }
  }
  const ranked = <K extends string>(map: Map<string, number>, field: K) =>
    [...map]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([identity, n]) => ({ identity, [field]: n }) as { identity: string } & Record<K, number>);
  return {
    available: true,
    retrievals: [...retrievals.values()].reduce((a, b) => a + b, 0),
    retrievalsByIdentity: ranked(retrievals, "retrievals"),
    denials: [...denials.values()].reduce((a, b) => a + b, 0),
    denialsByIdentity: ranked(denials, "denials"),
    failedRetrievals,
  };
}

async function chainOf(ctx: BlobContext, verify: boolean): Promise<ComplianceReport["auditChain"]> {
  if (ctx.evidence === undefined || !verify) return { available: false, verified: null, checked: 0, problem: null };
  const result = await ctx.evidence.verify();
  return {
    available: true,
    verified: result.ok,
    checked: result.checked,
    problem:
      result.problem === undefined
        ? null
        : `${result.problem.kind} at #${result.problem.seq}: ${result.problem.message}`,
  };
}
