// Tables of the rotation subsystem (owned by its issue). Table names are prefixed vault_.
import { bigint, boolean, index, integer, jsonb, pgTable, text, unique } from "drizzle-orm/pg-core";
import { utc } from "./columns";

/**
 * When and how one secret is rotated: one policy per (app, secret key). Rotation managers in every server process
 * claim due rows with `SELECT … FOR UPDATE SKIP LOCKED` and lease them (`lease_until`) for the rotation, so each due
 * policy is rotated by exactly one of them.
 */
export const rotationPolicies = pgTable(
  "vault_rotation_policies",
  {
    /** `rotpol_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    secretKey: text("secret_key").notNull(),
    /** Time between rotations, in milliseconds. */
    intervalMs: bigint("interval_ms", { mode: "number" }).notNull(),
    enabled: boolean("enabled").notNull(),
    /** `random_password`, `random_bytes` or `custom` (a rotator registered for this app and key). */
    strategy: text("strategy").notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    lastRotatedAt: utc("last_rotated_at"),
    /** createdAt + interval on create, lastRotatedAt + interval after each rotation. */
    nextRotationAt: utc("next_rotation_at").notNull(),
    /** Consecutive failed scheduled attempts; reset by a success. */
    failures: integer("failures").notNull().default(0),
    /** After a failure, the manager waits until this instant (exponential backoff) before trying again. */
    retryAt: utc("retry_at"),
    lastError: text("last_error"),
    /**
     * While a rotation runs (its rotator outside any transaction), the policy is leased to it until this instant:
     * managers skip it, and a crashed rotation's policy is due again once the lease has passed. Null when idle.
     */
    leaseUntil: utc("lease_until"),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [
    unique("vault_rotation_policies_app_key").on(t.appId, t.secretKey),
    index("vault_rotation_policies_due").on(t.nextRotationAt),
  ],
);

/** One rotation attempt, successful or not: old → new version, who did it, and why it failed. */
export const rotations = pgTable(
  "vault_rotations",
  {
    /** `rot_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    secretKey: text("secret_key").notNull(),
    policyId: text("policy_id"),
    /** The secret's version before the rotation (null if it did not exist). */
    oldVersion: integer("old_version"),
    /** The version the rotation wrote (null when it failed). */
    newVersion: integer("new_version"),
    outcome: text("outcome").notNull(),
    error: text("error"),
    /** `manual` (rotateNow) or `schedule` (the manager). */
    trigger: text("trigger").notNull(),
    /** The actor (API key, user or system label) that caused it. */
    actor: text("actor"),
    createdAt: utc("created_at").notNull(),
  },
  (t) => [index("vault_rotations_app_key_created").on(t.appId, t.secretKey, t.createdAt)],
);

export type RotationPolicyRow = typeof rotationPolicies.$inferSelect;
export type RotationRow = typeof rotations.$inferSelect;
