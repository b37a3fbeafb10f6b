import { appIdSchema, keySchema, type Page, parseInput, systemClock, VaultError } from "@vault/core";
import { noAudit, noEvents } from "@vault/store";
import { type RotationServiceContext, rotatorKey } from "./context";
import { createPolicy, deletePolicy, findPolicy, listPolicies, updatePolicy } from "./policies";
import { listRecords } from "./records";
import { rotateDue, rotateNow } from "./rotate";
import { toPolicy } from "./rows";
import { createPolicySchema, DEFAULT_LEASE_MS, leaseMsSchema, listOptionsSchema, updatePolicySchema } from "./schemas";
import type { Rotator } from "./strategies";
import type {
  BackoffFn,
  CreatePolicyInput,
  RotationPolicy,
  RotationRecord,
  RotationServiceOptions,
  UpdatePolicyInput,
} from "./types";

/**
 * Rotation policies and rotations (DESIGN §6 Rotation). A rotation is claimed in a short transaction (policy locked
 * and leased, current value read), the rotator runs with no transaction open, and the outcome is written in one
 * transaction: the new secret version (check-and-set on the version the rotator started from), the rotation record,
 * the policy's times and the audit entry. A failing rotator or a conflicting write changes neither the secret nor the
 * policy's times; its failure record and audit entry are committed instead. The methods validate their input and hand
 * it to the operation's module (policies, rotate — with claim and outcome —, records).
 */
export class RotationService {
  readonly #ctx: RotationServiceContext;

  constructor(options: RotationServiceOptions) {
    this.#ctx = {
      db: options.db,
      secrets: options.secrets,
      audit: options.audit ?? noAudit,
      events: options.events ?? noEvents,
      clock: options.clock ?? systemClock,
      leaseMs: parseInput(leaseMsSchema.default(DEFAULT_LEASE_MS), options.leaseMs, "leaseMs"),
      rotators: new Map(),
    };
    for (const rotator of options.rotators ?? [])
      this.registerRotator(rotator.appId, rotator.secretKey, rotator.rotate);
  }

  /** Use `rotate` for (appId, secretKey) when its policy's strategy is `custom`. Returns a function that unregisters it. */
  registerRotator(appId: string, secretKey: string, rotate: Rotator): () => void {
    const id = rotatorKey(parseInput(appIdSchema, appId, "app id"), parseInput(keySchema, secretKey, "secret key"));
    if (typeof rotate !== "function") {
      throw new VaultError("VALIDATION", "rotator must be a function", { details: { field: "rotate" } });
    }
    const rotators = this.#ctx.rotators;
    rotators.set(id, rotate);
    return () => {
      if (rotators.get(id) === rotate) rotators.delete(id);
    };
  }

  /** Create the policy of one secret; `nextRotationAt` = now + interval. ALREADY_EXISTS if the key has one. */
  async createPolicy(appId: string, input: CreatePolicyInput): Promise<RotationPolicy> {
    appId = parseInput(appIdSchema, appId, "app id");
    return createPolicy(this.#ctx, appId, parseInput(createPolicySchema, input, "rotation policy"));
  }

  /** The policy of one secret (NOT_FOUND if it has none). */
  async getPolicy(appId: string, secretKey: string): Promise<RotationPolicy> {
    appId = parseInput(appIdSchema, appId, "app id");
    secretKey = parseInput(keySchema, secretKey, "secret key");
    return toPolicy(await findPolicy(this.#ctx.db, appId, secretKey));
  }

  /** The app's policies in secret-key order, a page at a time. */
  async listPolicies(appId: string, options: { cursor?: string; limit?: number } = {}): Promise<Page<RotationPolicy>> {
    appId = parseInput(appIdSchema, appId, "app id");
    return listPolicies(this.#ctx, appId, parseInput(listOptionsSchema, options, "list options"));
  }

  /**
   * Change a policy. A new interval moves `nextRotationAt` to (lastRotatedAt, or createdAt) + interval; a new strategy
   * needs params valid for it (defaults otherwise).
   */
  async updatePolicy(appId: string, secretKey: string, patch: UpdatePolicyInput): Promise<RotationPolicy> {
    const data = parseInput(updatePolicySchema, patch, "rotation policy update");
    appId = parseInput(appIdSchema, appId, "app id");
    secretKey = parseInput(keySchema, secretKey, "secret key");
    return updatePolicy(this.#ctx, appId, secretKey, data);
  }

  /** Remove a policy (its rotation records stay). NOT_FOUND if there is none. */
  async deletePolicy(appId: string, secretKey: string): Promise<void> {
    appId = parseInput(appIdSchema, appId, "app id");
    secretKey = parseInput(keySchema, secretKey, "secret key");
    await deletePolicy(this.#ctx, appId, secretKey);
  }

  /**
   * Rotate one secret now, whatever its schedule: the rotator gets the current value, the secret gets a new version
   * (metadata kept), and a rotation record, the policy's `lastRotatedAt`/`nextRotationAt` and a `rotation.rotated`
   * audit entry are committed together. If the rotator (or anything else) fails, the secret and the policy times stay
   * as they were; a failure record and audit entry are committed and the error is thrown. CONFLICT if the policy is
   * leased to a rotation in progress, or if the secret was written while the rotator ran.
   */
  async rotateNow(appId: string, secretKey: string): Promise<RotationRecord> {
    appId = parseInput(appIdSchema, appId, "app id");
    secretKey = parseInput(keySchema, secretKey, "secret key");
    return rotateNow(this.#ctx, appId, secretKey);
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
    return rotateDue(this.#ctx, options);
  }

  /** Rotation records of the app (optionally of one secret), newest first, a page at a time. */
  async records(
    appId: string,
    secretKey?: string,
    options: { cursor?: string; limit?: number } = {},
  ): Promise<Page<RotationRecord>> {
    appId = parseInput(appIdSchema, appId, "app id");
    if (secretKey !== undefined) secretKey = parseInput(keySchema, secretKey, "secret key");
    return listRecords(this.#ctx, appId, secretKey, parseInput(listOptionsSchema, options, "list options"));
  }
}
