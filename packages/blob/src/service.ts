import { appIdSchema, currentActor, parseInput, runAs, systemClock, VaultError } from "@vault/core";
import { type RewrapOptions, type Rewrappable, type RewrapStatus, rewrapOptionsSchema } from "@vault/crypto";
import { noAudit, noEvents } from "@vault/store";
import { z } from "zod";
import type { ResolvedCaller } from "./access";
import type { BlobContext } from "./context";
import { deleteBlob } from "./delete";
import { AppKeyCache } from "./keys";
import { listBlobs } from "./list";
import { prepareLookups } from "./lookup";
import { findPolicy, listPolicies, setPolicy } from "./policies";
import { putBlob } from "./put";
import { type ComplianceReport, complianceReport } from "./report";
import { renderReportHtml } from "./report-html";
import { retrieveBlob } from "./retrieve";
import { rewrapAll, rewrapStatus } from "./rewrap";
import { policyNotFound, toPolicy } from "./rows";
import {
  blobIdSchema,
  callerSchema,
  listQuerySchema,
  policyInputSchema,
  proofRecordSchema,
  purposeSchema,
  putOptionsSchema,
  reportOptionsSchema,
  sweepOptionsSchema,
} from "./schemas";
import { shredOwner } from "./shred";
import { statBlob } from "./stat";
import { sweepDue, sweepStatus } from "./sweep";
import type {
  BlobCaller,
  BlobContent,
  BlobMeta,
  BlobPage,
  BlobPolicy,
  BlobPolicyInput,
  BlobServiceOptions,
  ProofVerification,
  PurgeProof,
  PutBlobOptions,
  PutBlobResult,
  SetPolicyResult,
  ShredResult,
  SweepOptions,
  SweepRun,
  SweepStatus,
} from "./types";
import { verifyPurgeProof } from "./verify";

export const DEFAULT_MAX_BLOB_BYTES = 1024 * 1024;
/**
 * Sweep batches of 50 with 20 ms between them. Measured (bench/blob.bench.ts, docs/benchmarks.md): batches of 500 back
 * to back made concurrent GETs' p99 3.5–4× its value without a sweep, on PGlite and Postgres; batches of 100 with
 * 20 ms kept Postgres within 2× but not PGlite (2.5×: there a batch holds the one connection and the thread); 50 with
 * 20 ms kept both within 2×, at about half the entries per second of 100 on Postgres.
 */
export const DEFAULT_SWEEP_BATCH = 50;
export const DEFAULT_SWEEP_PAUSE_MS = 20;

const optionsSchema = z.object({
  maxBlobBytes: z
    .number()
    .int()
    .min(1)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_MAX_BLOB_BYTES),
  sweepBatchSize: z.number().int().min(1).max(10_000).default(DEFAULT_SWEEP_BATCH),
  sweepPauseMs: z.number().int().min(0).max(60_000).default(DEFAULT_SWEEP_PAUSE_MS),
});

/**
 * Governed blob storage (DESIGN §6, vibesql-vault's job): opaque bytes stored under a purpose whose policy says how
 * long they may be kept and who may read them, retrievals counted atomically against a limit, purges that leave keyed
 * proofs, per-owner crypto-shred, and a compliance report. Every method takes the app id first, validates its input
 * (VALIDATION naming the field) and hands it to the module named after the operation. `caller` says who is calling
 * (default: the app itself).
 */
export class BlobService implements Rewrappable {
  readonly #ctx: BlobContext;

  constructor(options: BlobServiceOptions) {
    const settings = parseInput(
      optionsSchema,
      {
        maxBlobBytes: options.maxBlobBytes,
        sweepBatchSize: options.sweepBatchSize,
        sweepPauseMs: options.sweepPauseMs,
      },
      "blob service options",
    );
    this.#ctx = {
      db: options.db,
      keys: options.keys,
      audit: options.audit ?? noAudit,
      events: options.events ?? noEvents,
      clock: options.clock ?? systemClock,
      maxBlobBytes: settings.maxBlobBytes,
      sweepBatchSize: settings.sweepBatchSize,
      sweepPauseMs: settings.sweepPauseMs,
      evidence: options.evidence,
      appKeys: new AppKeyCache(),
      lookups: prepareLookups(options.db),
    };
  }

  /** The largest blob accepted, in bytes. */
  get maxBlobBytes(): number {
    return this.#ctx.maxBlobBytes;
  }

  /**
   * Create or replace the retention and access policy of `purpose`. Lowering `maxRetentionDays` brings forward the
   * expiry of stored entries that would outlive it.
   */
  async setPolicy(appId: string, purpose: string, policy: BlobPolicyInput): Promise<SetPolicyResult> {
    appId = parseInput(appIdSchema, appId, "app id");
    purpose = parseInput(purposeSchema, purpose, "purpose");
    return setPolicy(this.#ctx, appId, purpose, parseInput(policyInputSchema, policy, "blob policy"));
  }

  /** The policy of `purpose` (NOT_FOUND when it has none). */
  async getPolicy(appId: string, purpose: string): Promise<BlobPolicy> {
    appId = parseInput(appIdSchema, appId, "app id");
    purpose = parseInput(purposeSchema, purpose, "purpose");
    const row = await findPolicy(this.#ctx.db, appId, purpose);
    if (row === undefined) throw policyNotFound(purpose);
    return toPolicy(row);
  }

  /** Every policy of the app, by purpose. */
  async listPolicies(appId: string): Promise<BlobPolicy[]> {
    return listPolicies(this.#ctx.db, parseInput(appIdSchema, appId, "app id"));
  }

  /**
   * Store `data` as entry `id` of `purpose` (replacing a live one, whose content is purged with a proof). The purpose
   * needs a policy (else RETENTION_VIOLATION); `expiresAt` beyond its maximum is RETENTION_VIOLATION naming the limit;
   * more bytes than `maxBlobBytes` is PAYLOAD_TOO_LARGE.
   */
  async put(
    appId: string,
    purpose: string,
    id: string,
    data: Uint8Array,
    options: PutBlobOptions = {},
    caller: BlobCaller = {},
  ): Promise<PutBlobResult> {
    const target = this.#target(appId, purpose, id);
    if (!(data instanceof Uint8Array))
      throw new VaultError("VALIDATION", "data must be bytes (a Uint8Array)", {
        details: { field: "data" },
      });
    if (data.length > this.#ctx.maxBlobBytes) {
      throw new VaultError(
        "PAYLOAD_TOO_LARGE",
        `blob of ${data.length} bytes exceeds the limit of ${this.#ctx.maxBlobBytes} bytes`,
        { details: { field: "data", bytes: data.length, limit: this.#ctx.maxBlobBytes } },
      );
    }
    const opts = parseInput(putOptionsSchema, options, "blob put options");
    const who = this.#caller(target.appId, caller);
    return asCaller(who, () => putBlob(this.#ctx, target.appId, target.purpose, target.id, data, opts, who));
  }

  /**
   * The entry's bytes and metadata, counting one retrieval. Expired, exhausted, shredded or purged → GONE; refused by
   * the policy → FORBIDDEN (NOT_FOUND for another app not in `allowedApps`). Audited, refusals and failures included.
   */
  async get(appId: string, purpose: string, id: string, caller: BlobCaller = {}): Promise<BlobContent> {
    const target = this.#target(appId, purpose, id);
    const who = this.#caller(target.appId, caller);
    return asCaller(who, () => retrieveBlob(this.#ctx, target.appId, target.purpose, target.id, who));
  }

  /** What HEAD answers: the entry's metadata, as `get` would decide — counting nothing, decrypting nothing, auditing nothing. */
  async stat(appId: string, purpose: string, id: string, caller: BlobCaller = {}): Promise<BlobMeta> {
    const target = this.#target(appId, purpose, id);
    const who = this.#caller(target.appId, caller);
    return statBlob(this.#ctx, target.appId, target.purpose, target.id, who);
  }

  /** Purge the entry now and return the proof (also recorded and audited). */
  async delete(appId: string, purpose: string, id: string, caller: BlobCaller = {}): Promise<PurgeProof> {
    const target = this.#target(appId, purpose, id);
    const who = this.#caller(target.appId, caller);
    return asCaller(who, () => deleteBlob(this.#ctx, target.appId, target.purpose, target.id, who));
  }

  /** A page of a purpose's entries (metadata only), in the order they were stored. */
  async list(
    appId: string,
    purpose: string,
    query: { limit?: number; cursor?: string } = {},
    caller: BlobCaller = {},
  ): Promise<BlobPage> {
    appId = parseInput(appIdSchema, appId, "app id");
    purpose = parseInput(purposeSchema, purpose, "purpose");
    const q = parseInput(listQuerySchema, query, "blob list query");
    const who = this.#caller(appId, caller);
    return asCaller(who, () => listBlobs(this.#ctx, appId, purpose, who, q));
  }

  /**
   * Crypto-shred `owner` (an identity) in the app: its key is destroyed, so every entry it stored is unreadable at
   * once (GONE), and due for the sweep.
   */
  async shredOwner(appId: string, owner: string): Promise<ShredResult> {
    appId = parseInput(appIdSchema, appId, "app id");
    owner = parseInput(z.string().min(1).max(300), owner, "owner");
    return shredOwner(this.#ctx, appId, owner);
  }

  /**
   * Purge what is due now — expired entries and those of shredded owners — in batches (default: every app), each
   * purge with its proof. Safe to run on many instances at once. Recorded as a sweep run.
   */
  async sweep(options: SweepOptions = {}): Promise<SweepRun> {
    return sweepDue(this.#ctx, parseInput(sweepOptionsSchema, options, "sweep options"));
  }

  /** The app's last sweep and how many of its entries are due now. */
  async sweepStatus(appId: string): Promise<SweepStatus> {
    return sweepStatus(this.#ctx, parseInput(appIdSchema, appId, "app id"));
  }

  /**
   * Check a purge proof of this app: valid (made with the app's proof key over exactly these fields), recorded (the
   * purge is on record with it), and — given the content you kept — whether the purged entry held it.
   */
  async verifyProof(appId: string, proof: PurgeProof, content?: Uint8Array): Promise<ProofVerification> {
    appId = parseInput(appIdSchema, appId, "app id");
    const record = parseInput(proofRecordSchema, proof, "purge proof");
    if (record.appId !== appId) {
      throw new VaultError("VALIDATION", `the proof belongs to app "${record.appId}", not "${appId}"`, {
        details: { field: "appId" },
      });
    }
    return verifyPurgeProof(this.#ctx, record, content);
  }

  /**
   * The app's compliance report: inventory by purpose, retention conformance, access summary and purge evidence for
   * the period (default: the last 30 days), and the audit chain's status.
   */
  async report(
    appId: string,
    options: { from?: Date | string; to?: Date | string; verifyAudit?: boolean } = {},
  ): Promise<ComplianceReport> {
    appId = parseInput(appIdSchema, appId, "app id");
    const opts = parseInput(reportOptionsSchema, options, "report options");
    if (opts.from !== undefined && opts.to !== undefined && opts.from >= opts.to) {
      throw new VaultError("VALIDATION", "from must lie before to", { details: { field: "from" } });
    }
    return complianceReport(this.#ctx, appId, opts);
  }

  /**
   * After a KEK rotation: rewrap every app key and live owner key not under the active KEK, `batchSize` per
   * transaction, across apps. No blob is decrypted or re-encrypted. Resumable; safe on several instances at once.
   */
  async rewrapAll(options: RewrapOptions = {}): Promise<{ rewrapped: number }> {
    const { batchSize } = parseInput(rewrapOptionsSchema, options, "rewrap options");
    return rewrapAll(this.#ctx, batchSize, options.onProgress);
  }

  /** How many app and live owner keys each KEK wraps, and how many still need `rewrapAll`. */
  async rewrapStatus(): Promise<RewrapStatus> {
    return rewrapStatus(this.#ctx);
  }

  /** The compliance report as a readable HTML page. */
  async reportHtml(appId: string, options: { from?: Date | string; to?: Date | string } = {}): Promise<string> {
    return renderReportHtml(await this.report(appId, options));
  }

  #target(appId: string, purpose: string, id: string): { appId: string; purpose: string; id: string } {
    return {
      appId: parseInput(appIdSchema, appId, "app id"),
      purpose: parseInput(purposeSchema, purpose, "purpose"),
      id: parseInput(blobIdSchema, id, "id"),
    };
  }

  #caller(appId: string, caller: BlobCaller): ResolvedCaller {
    const parsed = parseInput(callerSchema, caller, "blob caller");
    return { ...parsed, appId: parsed.appId ?? appId };
  }
}

/** Run `fn` with the caller's identity as the actor's user, so audit entries record who presented it. */
function asCaller<T>(caller: ResolvedCaller, fn: () => Promise<T>): Promise<T> {
  if (caller.identity === undefined) return fn();
  return runAs({ ...currentActor(), userId: caller.identity }, fn);
}
