import {
  type Actor,
  appIdSchema,
  type Clock,
  currentActor,
  decodeCursor,
  isVaultError,
  keySchema,
  newId,
  notFound,
  type Page,
  pageSizeSchema,
  parseInput,
  systemClock,
  toPage,
  VaultError,
} from "@vault/core";
import type { SecretService, SecretValue } from "@vault/secret";
import {
  type AuditEvent,
  type AuditSink,
  type Executor,
  noAudit,
  type RotationPolicyRow,
  type RotationRow,
  rotationPolicies,
  rotations,
  type StoreContext,
  type VaultDb,
  withTransaction,
} from "@vault/store";
import { and, asc, desc, eq, gt, isNull, lt, lte, notInArray, or } from "drizzle-orm";
import { z } from "zod";
import { builtInRotator, normalizeParams, type RotationStrategy, type Rotator, STRATEGIES } from "./strategies";

/** A rotation policy: when and how one secret is rotated. */
export interface RotationPolicy {
  /** `rotpol_…` */
  id: string;
  appId: string;
  secretKey: string;
  /** Milliseconds between rotations. */
  intervalMs: number;
  enabled: boolean;
  strategy: RotationStrategy;
  params: Record<string, unknown>;
  lastRotatedAt: Date | null;
  nextRotationAt: Date;
  /** Consecutive failed attempts (reset by a success). */
  failures: number;
  /** Scheduled attempts wait until then after a failure (backoff). */
  retryAt: Date | null;
  lastError: string | null;
  /** While a rotation of this policy runs: until when it is leased to it (other managers skip it). Null when idle. */
  leaseUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One rotation attempt. */
export interface RotationRecord {
  /** `rot_…` */
  id: string;
  appId: string;
  secretKey: string;
  policyId: string | null;
  oldVersion: number | null;
  newVersion: number | null;
  outcome: "success" | "failure";
  error: string | null;
  trigger: "manual" | "schedule";
  /** API key id, user id or system label of whoever caused it. */
  actor: string | null;
  createdAt: Date;
}

export interface CreatePolicyInput {
  secretKey: string;
  intervalMs: number;
  enabled?: boolean;
  strategy: RotationStrategy;
  /** Strategy params: `{length, alphabet}` (random_password), `{length, encoding}` (random_bytes), anything (custom). */
  params?: Record<string, unknown>;
}

export type UpdatePolicyInput = Partial<Omit<CreatePolicyInput, "secretKey">>;

export interface RegisteredRotator {
  appId: string;
  secretKey: string;
  rotate: Rotator;
}

/** The Store context (rotation caches nothing, so it needs no change feed) and the rotation service's options. */
export interface RotationServiceOptions extends Omit<StoreContext, "changes"> {
  secrets: SecretService;
  /** Custom rotators (for policies with strategy `custom`); more can be added with `registerRotator`. */
  rotators?: RegisteredRotator[];
  /**
   * How long a started rotation keeps its policy to itself (default 5 minutes). Longer than any rotator takes: if
   * the process dies mid-rotation, the policy is due again once the lease has passed.
   */
  leaseMs?: number;
}

/** How long scheduled attempts wait after `failures` consecutive failures. */
export type BackoffFn = (failures: number) => number;

type Trigger = "manual" | "schedule";

/** A policy claimed for one rotation: leased, with the secret's version and value the rotator starts from. */
interface Claim {
  policy: RotationPolicyRow;
  trigger: Trigger;
  /** The rotation time: the record's, `lastRotatedAt`, and the base of `nextRotationAt`. */
  at: Date;
  leaseUntil: Date;
  actor: string | null;
  /** The version the write checks and sets against (null: the secret must still not exist). */
  oldVersion: number | null;
  currentValue?: SecretValue;
  /** Reading the current value failed: the attempt fails with this, without calling the rotator. */
  error?: unknown;
}

const DEFAULT_LEASE_MS = 5 * 60 * 1000;

const MAX_INTERVAL_MS = 10 * 366 * 24 * 3600 * 1000;
const intervalSchema = z
  .number()
  .int()
  .min(1000, "interval must be at least 1000 ms")
  .max(MAX_INTERVAL_MS, "interval must be at most 10 years");
const createSchema = z
  .object({
    secretKey: keySchema,
    intervalMs: intervalSchema,
    enabled: z.boolean().default(true),
    strategy: z.enum(STRATEGIES),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
const updateSchema = z
  .object({
    intervalMs: intervalSchema.optional(),
    enabled: z.boolean().optional(),
    strategy: z.enum(STRATEGIES).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
const leaseSchema = z.number().int().min(1000, "leaseMs must be at least 1000 ms").max(MAX_INTERVAL_MS);
const listSchema = z.object({ cursor: z.string().optional(), limit: pageSizeSchema }).strict();
const policyCursor = z.object({ secretKey: z.string() });
const recordCursor = z.object({ createdAt: z.iso.datetime(), id: z.string() });

/**
 * Rotation policies and rotations (DESIGN §6 Rotation). A rotation is claimed in a short transaction (policy locked
 * and leased, current value read), the rotator runs with no transaction open, and the outcome is written in one
 * transaction: the new secret version (check-and-set on the version the rotator started from), the rotation record,
 * the policy's times and the audit entry. A failing rotator or a conflicting write changes neither the secret nor the
 * policy's times; its failure record and audit entry are committed instead.
 */
export class RotationService {
  readonly #db: VaultDb;
  readonly #secrets: SecretService;
  readonly #audit: AuditSink;
  readonly #clock: Clock;
  readonly #rotators = new Map<string, Rotator>();
  readonly #leaseMs: number;

  constructor(options: RotationServiceOptions) {
    this.#db = options.db;
    this.#secrets = options.secrets;
    this.#audit = options.audit ?? noAudit;
    this.#clock = options.clock ?? systemClock;
    this.#leaseMs = parseInput(leaseSchema.default(DEFAULT_LEASE_MS), options.leaseMs, "leaseMs");
    for (const rotator of options.rotators ?? [])
      this.registerRotator(rotator.appId, rotator.secretKey, rotator.rotate);
  }

  /** Use `rotate` for (appId, secretKey) when its policy's strategy is `custom`. Returns a function that unregisters it. */
  registerRotator(appId: string, secretKey: string, rotate: Rotator): () => void {
    const id = rotatorKey(parseInput(appIdSchema, appId, "app id"), parseInput(keySchema, secretKey, "secret key"));
    if (typeof rotate !== "function") {
      throw new VaultError("VALIDATION", "rotator must be a function", { details: { field: "rotate" } });
    }
    this.#rotators.set(id, rotate);
    return () => {
      if (this.#rotators.get(id) === rotate) this.#rotators.delete(id);
    };
  }

  /** Create the policy of one secret; `nextRotationAt` = now + interval. ALREADY_EXISTS if the key has one. */
  async createPolicy(appId: string, input: CreatePolicyInput): Promise<RotationPolicy> {
    appId = parseInput(appIdSchema, appId, "app id");
    const data = parseInput(createSchema, input, "rotation policy");
    const params = normalizeParams(data.strategy, data.params);
    return withTransaction(this.#db, async (tx) => {
      const now = this.#clock.now();
      const [row] = await tx
        .insert(rotationPolicies)
        .values({
          id: newId("rotationPolicy"),
          appId,
          secretKey: data.secretKey,
          intervalMs: data.intervalMs,
          enabled: data.enabled,
          strategy: data.strategy,
          params,
          nextRotationAt: new Date(now.getTime() + data.intervalMs),
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [rotationPolicies.appId, rotationPolicies.secretKey] })
        .returning();
      if (!row) {
        throw new VaultError("ALREADY_EXISTS", `secret "${data.secretKey}" already has a rotation policy`, {
          details: { appId, secretKey: data.secretKey },
        });
      }
      await this.#record(tx, policyEvent("rotation.policy_created", row));
      return toPolicy(row);
    });
  }

  /** The policy of one secret (NOT_FOUND if it has none). */
  async getPolicy(appId: string, secretKey: string): Promise<RotationPolicy> {
    return toPolicy(await this.#policy(this.#db, appId, secretKey));
  }

  /** The app's policies in secret-key order, a page at a time. */
  async listPolicies(appId: string, options: { cursor?: string; limit?: number } = {}): Promise<Page<RotationPolicy>> {
    appId = parseInput(appIdSchema, appId, "app id");
    const { cursor, limit } = parseInput(listSchema, options, "list options");
    const after = cursor === undefined ? undefined : decodeCursor(cursor, policyCursor).secretKey;
    const rows = await this.#db
      .select()
      .from(rotationPolicies)
      .where(
        and(eq(rotationPolicies.appId, appId), after === undefined ? undefined : gt(rotationPolicies.secretKey, after)),
      )
      .orderBy(asc(rotationPolicies.secretKey))
      .limit(limit + 1);
    return toPage(rows, limit, toPolicy, (row) => ({ secretKey: row.secretKey }));
  }

  /**
   * Change a policy. A new interval moves `nextRotationAt` to (lastRotatedAt, or createdAt) + interval; a new strategy
   * needs params valid for it (defaults otherwise).
   */
  async updatePolicy(appId: string, secretKey: string, patch: UpdatePolicyInput): Promise<RotationPolicy> {
    const data = parseInput(updateSchema, patch, "rotation policy update");
    return withTransaction(this.#db, async (tx) => {
      const current = await this.#policy(tx, appId, secretKey, true);
      const strategy = data.strategy ?? (current.strategy as RotationStrategy);
      const params =
        data.params !== undefined || data.strategy !== undefined
          ? normalizeParams(strategy, data.params ?? (data.strategy === current.strategy ? current.params : {}))
          : current.params;
      const intervalMs = data.intervalMs ?? current.intervalMs;
      const base = current.lastRotatedAt ?? current.createdAt;
      const [row] = await tx
        .update(rotationPolicies)
        .set({
          intervalMs,
          enabled: data.enabled ?? current.enabled,
          strategy,
          params,
          nextRotationAt:
            data.intervalMs === undefined ? current.nextRotationAt : new Date(base.getTime() + intervalMs),
          // Re-enabling or changing how it rotates gives a failing policy a fresh start.
          ...(data.enabled === true || data.strategy !== undefined || data.params !== undefined
            ? { failures: 0, retryAt: null }
            : {}),
          updatedAt: this.#clock.now(),
        })
        .where(eq(rotationPolicies.id, current.id))
        .returning();
      await this.#record(tx, policyEvent("rotation.policy_updated", row!));
      return toPolicy(row!);
    });
  }

  /** Remove a policy (its rotation records stay). NOT_FOUND if there is none. */
  async deletePolicy(appId: string, secretKey: string): Promise<void> {
    await withTransaction(this.#db, async (tx) => {
      const current = await this.#policy(tx, appId, secretKey, true);
      await tx.delete(rotationPolicies).where(eq(rotationPolicies.id, current.id));
      await this.#record(tx, policyEvent("rotation.policy_deleted", current));
    });
  }

  /**
   * Rotate one secret now, whatever its schedule: the rotator gets the current value, the secret gets a new version
   * (metadata kept), and a rotation record, the policy's `lastRotatedAt`/`nextRotationAt` and a `rotation.rotated`
   * audit entry are committed together. If the rotator (or anything else) fails, the secret and the policy times stay
   * as they were; a failure record and audit entry are committed and the error is thrown. CONFLICT if the policy is
   * leased to a rotation in progress, or if the secret was written while the rotator ran.
   */
  async rotateNow(appId: string, secretKey: string): Promise<RotationRecord> {
    const claim = await withTransaction(this.#db, async (tx) => {
      const policy = await this.#policy(tx, appId, secretKey, true);
      const now = this.#clock.now();
      if (policy.leaseUntil !== null && policy.leaseUntil.getTime() > now.getTime()) {
        throw new VaultError(
          "CONFLICT",
          `secret "${policy.secretKey}" is being rotated (its policy is leased until ${policy.leaseUntil.toISOString()})`,
          {
            details: { appId: policy.appId, secretKey: policy.secretKey, leaseUntil: policy.leaseUntil.toISOString() },
          },
        );
      }
      return this.#claim(tx, policy, "manual", now);
    });
    const attempt = await this.#rotateClaimed(claim, undefined);
    if (attempt.error !== undefined) throw failureError(attempt.record, attempt.error);
    return attempt.record;
  }

  /**
   * Rotate due policies of every app, one at a time up to `limit`: claim one enabled policy whose `nextRotationAt`
   * (and backoff `retryAt`, and any lease) has passed with `FOR UPDATE SKIP LOCKED`, lease it, rotate it, write the
   * result. Several processes can run this at once: a policy being claimed is skipped by the others, one being
   * rotated is leased, and once written it is no longer due.
   */
  async rotateDue(options: { now?: Date; limit?: number; backoff?: BackoffFn } = {}): Promise<{
    rotated: number;
    failed: number;
  }> {
    const limit = options.limit ?? 100;
    let rotated = 0;
    let failed = 0;
    // A policy is tried at most once per call, even when it fails without a backoff and so stays due.
    const attempted: string[] = [];
    while (rotated + failed < limit) {
      const claim = await withTransaction(this.#db, async (tx) => {
        const now = options.now ?? this.#clock.now();
        const [policy] = await tx
          .select()
          .from(rotationPolicies)
          .where(
            and(
              eq(rotationPolicies.enabled, true),
              lte(rotationPolicies.nextRotationAt, now),
              or(isNull(rotationPolicies.retryAt), lte(rotationPolicies.retryAt, now)),
              or(isNull(rotationPolicies.leaseUntil), lte(rotationPolicies.leaseUntil, now)),
              attempted.length > 0 ? notInArray(rotationPolicies.id, attempted) : undefined,
            ),
          )
          .orderBy(asc(rotationPolicies.nextRotationAt), asc(rotationPolicies.id))
          .limit(1)
          .for("update", { skipLocked: true });
        if (!policy) return undefined;
        attempted.push(policy.id);
        // The claim time is the rotation time, so the policy's next rotation is computed from the same "now" that
        // found it due (the caller's clock may run ahead of the service's).
        return this.#claim(tx, policy, "schedule", now);
      });
      if (claim === undefined) break;
      const attempt = await this.#rotateClaimed(claim, options.backoff);
      if (attempt.error === undefined) rotated += 1;
      else failed += 1;
    }
    return { rotated, failed };
  }

  /** Rotation records of the app (optionally of one secret), newest first, a page at a time. */
  async records(
    appId: string,
    secretKey?: string,
    options: { cursor?: string; limit?: number } = {},
  ): Promise<Page<RotationRecord>> {
    appId = parseInput(appIdSchema, appId, "app id");
    if (secretKey !== undefined) secretKey = parseInput(keySchema, secretKey, "secret key");
    const { cursor, limit } = parseInput(listSchema, options, "list options");
    const position = cursor === undefined ? undefined : decodeCursor(cursor, recordCursor);
    const rows = await this.#db
      .select()
      .from(rotations)
      .where(
        and(
          eq(rotations.appId, appId),
          secretKey === undefined ? undefined : eq(rotations.secretKey, secretKey),
          position === undefined
            ? undefined
            : or(
                lt(rotations.createdAt, new Date(position.createdAt)),
                and(eq(rotations.createdAt, new Date(position.createdAt)), lt(rotations.id, position.id)),
              ),
        ),
      )
      .orderBy(desc(rotations.createdAt), desc(rotations.id))
      .limit(limit + 1);
    return toPage(rows, limit, toRecord, (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }));
  }

  /**
   * Inside the transaction that locked `policy`: lease it, and read the secret's current version and value (audited
   * as a read, in this transaction). A failed read is kept in the claim, to be recorded as the attempt's failure.
   */
  async #claim(tx: Executor, policy: RotationPolicyRow, trigger: Trigger, at: Date): Promise<Claim> {
    const leaseUntil = new Date(at.getTime() + this.#leaseMs);
    await tx.update(rotationPolicies).set({ leaseUntil }).where(eq(rotationPolicies.id, policy.id));
    const claim: Claim = { policy, trigger, at, leaseUntil, actor: actorLabel(currentActor()), oldVersion: null };
    try {
      // A savepoint: a database error while reading must not undo the lease (the failure is recorded under it).
      await withTransaction(tx, async (inner) => {
        const meta = await this.#secrets
          .getMeta(policy.appId, policy.secretKey, { tx: inner })
          .catch(absentAs(undefined));
        claim.oldVersion = meta?.version ?? null;
        if (meta) {
          // A soft-deleted or expired current version still gets rotated, from nothing.
          claim.currentValue = (
            await this.#secrets.get(policy.appId, policy.secretKey, { tx: inner }).catch((error: unknown) => {
              if (isVaultError(error, "NOT_FOUND") || isVaultError(error, "EXPIRED")) return undefined;
              throw error;
            })
          )?.value;
        }
      });
    } catch (error) {
      claim.error = error;
    }
    return claim;
  }

  /**
   * Run the claimed policy's rotator with no transaction open (it may call other systems, or this vault, for
   * seconds), then write the outcome in one transaction: on success the new version (check-and-set on the version
   * the rotator started from), the policy's times, the record and the audit entry; on any failure — the rotator's,
   * or a write that conflicts — the failure record, count, backoff and audit entry instead. Either way the lease ends
   * (unless the rotation outlived it and another has claimed the policy since).
   */
  async #rotateClaimed(
    claim: Claim,
    backoff: BackoffFn | undefined,
  ): Promise<{ record: RotationRecord; error?: unknown }> {
    const { policy } = claim;
    let error = claim.error;
    let value: SecretValue | undefined;
    if (error === undefined) {
      try {
        const next = await this.#rotatorFor(policy)({
          appId: policy.appId,
          secretKey: policy.secretKey,
          currentValue: claim.currentValue,
          currentVersion: claim.oldVersion,
          params: structuredClone(policy.params),
          now: claim.at,
        });
        checkValue(next);
        value = next;
      } catch (rotatorError) {
        error = rotatorError;
      }
    }
    return withTransaction(this.#db, async (tx) => {
      // The policy as it is now: it may have been updated or deleted while the rotator ran, and if the rotation
      // outlived its lease another one may hold the policy.
      const [current] = await tx
        .select()
        .from(rotationPolicies)
        .where(eq(rotationPolicies.id, policy.id))
        .for("update");
      const leased = current?.leaseUntil?.getTime() === claim.leaseUntil.getTime() ? current : undefined;
      if (error === undefined && value !== undefined) {
        const written = value;
        try {
          // A savepoint: a conflicting write is undone alone, and its failure is recorded in the same commit.
          return {
            record: await withTransaction(tx, (inner) =>
              this.#recordSuccess(inner, claim, current, leased !== undefined, written),
            ),
          };
        } catch (writeError) {
          error = writeError;
        }
      }
      return { record: await this.#recordFailure(tx, claim, leased, error, backoff), error };
    });
  }

  async #recordSuccess(
    tx: Executor,
    claim: Claim,
    current: RotationPolicyRow | undefined,
    stillLeased: boolean,
    value: SecretValue,
  ): Promise<RotationRecord> {
    const { policy, at } = claim;
    const written = await this.#secrets.set(policy.appId, policy.secretKey, value, {
      tx,
      cas: claim.oldVersion ?? 0,
    });
    // A policy deleted meanwhile has no times to move; the new value is kept all the same (the rotator may have
    // changed it elsewhere already).
    if (current) {
      await tx
        .update(rotationPolicies)
        .set({
          lastRotatedAt: at,
          nextRotationAt: new Date(at.getTime() + current.intervalMs),
          failures: 0,
          retryAt: null,
          lastError: null,
          // Only our own lease ends here: a later claim's belongs to the rotation that holds it.
          leaseUntil: stillLeased ? null : current.leaseUntil,
          updatedAt: at,
        })
        .where(eq(rotationPolicies.id, policy.id));
    }
    const row = await this.#insertRecord(tx, claim, { newVersion: written.version, outcome: "success" });
    await this.#record(tx, rotationEvent(row, policy.strategy));
    return toRecord(row);
  }

  /**
   * The failure of an attempt: a record, an audit entry (the error's code only: a rotator's message is free text),
   * and — while the policy is still leased to this attempt — the failure count, backoff and the end of the lease.
   */
  async #recordFailure(
    tx: Executor,
    claim: Claim,
    leased: RotationPolicyRow | undefined,
    error: unknown,
    backoff: BackoffFn | undefined,
  ): Promise<RotationRecord> {
    const { policy, at } = claim;
    const message = errorMessage(error);
    const failures = leased === undefined ? undefined : leased.failures + 1;
    if (failures !== undefined) {
      await tx
        .update(rotationPolicies)
        .set({
          failures,
          lastError: message,
          ...(backoff ? { retryAt: new Date(at.getTime() + backoff(failures)) } : {}),
          leaseUntil: null,
          updatedAt: at,
        })
        .where(eq(rotationPolicies.id, policy.id));
    }
    const row = await this.#insertRecord(tx, claim, { newVersion: null, outcome: "failure", error: message });
    const event = rotationEvent(row, policy.strategy);
    await this.#record(tx, {
      ...event,
      outcome: "failure",
      metadata: {
        ...event.metadata,
        errorCode: isVaultError(error) ? error.code : "ROTATOR_FAILED",
        ...(failures === undefined ? {} : { failures }),
      },
    });
    return toRecord(row);
  }

  async #insertRecord(
    tx: Executor,
    claim: Claim,
    outcome: { newVersion: number | null; outcome: "success" | "failure"; error?: string },
  ): Promise<RotationRow> {
    const [row] = await tx
      .insert(rotations)
      .values({
        id: newId("rotation"),
        appId: claim.policy.appId,
        secretKey: claim.policy.secretKey,
        policyId: claim.policy.id,
        oldVersion: claim.oldVersion,
        newVersion: outcome.newVersion,
        outcome: outcome.outcome,
        error: outcome.error ?? null,
        trigger: claim.trigger,
        actor: claim.actor,
        createdAt: claim.at,
      })
      .returning();
    return row!;
  }

  #rotatorFor(policy: RotationPolicyRow): Rotator {
    const strategy = policy.strategy as RotationStrategy;
    if (strategy === "custom") {
      const registered = this.#rotators.get(rotatorKey(policy.appId, policy.secretKey));
      if (!registered) {
        throw new VaultError(
          "NOT_FOUND",
          `no rotator is registered for secret "${policy.secretKey}" of app "${policy.appId}" (strategy custom)`,
          { details: { appId: policy.appId, secretKey: policy.secretKey } },
        );
      }
      return registered;
    }
    const builtIn = builtInRotator(strategy);
    if (!builtIn) throw new VaultError("INTERNAL", `unknown rotation strategy "${policy.strategy}"`);
    return builtIn;
  }

  async #policy(executor: Executor, appId: string, secretKey: string, lock = false): Promise<RotationPolicyRow> {
    appId = parseInput(appIdSchema, appId, "app id");
    secretKey = parseInput(keySchema, secretKey, "secret key");
    const query = executor
      .select()
      .from(rotationPolicies)
      .where(and(eq(rotationPolicies.appId, appId), eq(rotationPolicies.secretKey, secretKey)));
    const [row] = lock ? await query.for("update") : await query;
    if (!row) throw notFound("rotation policy", secretKey);
    return row;
  }

  async #record(tx: Executor, event: AuditEvent): Promise<void> {
    if (this.#audit !== noAudit) await this.#audit.record(tx, event);
  }
}

function rotatorKey(appId: string, secretKey: string): string {
  return `${appId}\u0000${secretKey}`;
}

function absentAs<T>(fallback: T) {
  return (error: unknown): T => {
    if (isVaultError(error, "NOT_FOUND")) return fallback;
    throw error;
  };
}

function checkValue(value: unknown): asserts value is SecretValue {
  const ok = (typeof value === "string" && value.length > 0) || (value instanceof Uint8Array && value.byteLength > 0);
  if (!ok) {
    throw new VaultError("VALIDATION", "the rotator must return a non-empty string or Uint8Array", {
      details: { field: "value" },
    });
  }
}

/**
 * What a failure record stores and returns. Vault's own errors carry value-free messages; anything else (a custom
 * rotator's error, a driver error quoting its SQL parameters) is named by its class only, since its text could quote
 * a secret. The full error stays the thrown error's `cause`, for the operator's log.
 */
function errorMessage(error: unknown): string {
  if (isVaultError(error)) {
    const message = `${error.code}: ${error.message}`;
    return message.length > 1000 ? `${message.slice(0, 997)}...` : message;
  }
  const name = error instanceof Error ? error.name : typeof error;
  return `${name.slice(0, 100)} (the rotator or the database failed; its message is not stored, as it could quote a value)`;
}

function failureError(record: RotationRecord, error: unknown): VaultError {
  if (isVaultError(error)) return error;
  return new VaultError("INTERNAL", `rotation of "${record.secretKey}" failed: ${record.error ?? "unknown error"}`, {
    details: { rotationId: record.id, appId: record.appId, secretKey: record.secretKey },
    cause: error,
  });
}

function actorLabel(actor: Actor | undefined): string | null {
  return actor?.apiKeyId ?? actor?.userId ?? actor?.system ?? null;
}

function policyEvent(action: string, row: RotationPolicyRow): AuditEvent {
  return {
    action,
    resource: "rotation_policy",
    appId: row.appId,
    key: row.secretKey,
    metadata: { policyId: row.id, intervalMs: row.intervalMs, enabled: row.enabled, strategy: row.strategy },
  };
}

function rotationEvent(row: RotationRow, strategy: string): AuditEvent & { metadata: Record<string, unknown> } {
  return {
    action: "rotation.rotated",
    resource: "secret",
    appId: row.appId,
    key: row.secretKey,
    outcome: "success",
    metadata: {
      rotationId: row.id,
      policyId: row.policyId,
      oldVersion: row.oldVersion,
      newVersion: row.newVersion,
      trigger: row.trigger,
      strategy,
    },
  };
}

function toPolicy(row: RotationPolicyRow): RotationPolicy {
  return {
    id: row.id,
    appId: row.appId,
    secretKey: row.secretKey,
    intervalMs: row.intervalMs,
    enabled: row.enabled,
    strategy: row.strategy as RotationStrategy,
    params: row.params,
    lastRotatedAt: row.lastRotatedAt,
    nextRotationAt: row.nextRotationAt,
    failures: row.failures,
    retryAt: row.retryAt,
    lastError: row.lastError,
    leaseUntil: row.leaseUntil,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toRecord(row: RotationRow): RotationRecord {
  return {
    id: row.id,
    appId: row.appId,
    secretKey: row.secretKey,
    policyId: row.policyId,
    oldVersion: row.oldVersion,
    newVersion: row.newVersion,
    outcome: row.outcome as RotationRecord["outcome"],
    error: row.error,
    trigger: row.trigger as RotationRecord["trigger"],
    actor: row.actor,
    createdAt: row.createdAt,
  };
}
