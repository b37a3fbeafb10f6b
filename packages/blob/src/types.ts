import type { Metadata } from "@vault/core";
import type { KeyProvider } from "@vault/crypto";
import type { StoreContext } from "@vault/store";
import type { ACCESS_MODES } from "./schemas";

/**
 * Who may read a purpose's entries:
 * - `owner-only`: only the identity that stored the entry;
 * - `same-purpose`: callers whose API key is granted the purpose (`grantedKeys`);
 * - `open-retrieve`: any caller of the app allowed to read blobs;
 * - `admin-only`: only admin callers (writes too).
 */
export type AccessMode = (typeof ACCESS_MODES)[number];

/** A purpose's retention and access policy, as given to `setPolicy`. */
export interface BlobPolicyInput {
  /** No entry may expire later than this many days after it is stored (1–36,500). */
  maxRetentionDays: number;
  /** The expiry of an entry stored without one (at most `maxRetentionDays`). */
  defaultTtlDays: number;
  /** Default `owner-only`. */
  access?: AccessMode;
  /** Other apps whose callers may read (GET and HEAD) entries; every other app gets NOT_FOUND. */
  allowedApps?: string[];
  /** API key ids granted the purpose: who may read under `same-purpose`. */
  grantedKeys?: string[];
  /** Every operation on the purpose's entries needs a caller identity (recorded in the audit entry). */
  requireIdentity?: boolean;
  /** Retrievals an entry allows by default and at most (null or absent: unlimited). */
  maxRetrievals?: number | null;
}

/** A stored policy. */
export interface BlobPolicy extends Required<BlobPolicyInput> {
  appId: string;
  purpose: string;
  maxRetrievals: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What `setPolicy` did: the policy, and how many entries a lower `maxRetentionDays` shortened. */
export interface SetPolicyResult {
  policy: BlobPolicy;
  created: boolean;
  /** Entries whose expiry was brought forward to the new maximum (0 unless the maximum went down). */
  entriesShortened: number;
}

/**
 * Who is calling. Over HTTP the server fills it from the API key and the `x-vault-identity` header; in-process it
 * defaults to the app itself (`{ appId }`: identity `app:<appId>`, not admin).
 */
export interface BlobCaller {
  /** The caller's app (default: the app whose entries are addressed). */
  appId?: string;
  /** The caller's API key id (what `grantedKeys` lists). */
  apiKeyId?: string;
  /** An identity the caller presents (a user, a service): becomes the owner of what it stores. */
  identity?: string;
  /** The caller may administer the app's blobs (blobs:admin). */
  admin?: boolean;
}

/** Options of a write. */
export interface PutBlobOptions {
  /** Caller metadata stored beside the entry (never secret: it is listed). */
  metadata?: Metadata;
  /** When the entry expires: in the future, and within the purpose's `maxRetentionDays` (default: `defaultTtlDays`). */
  expiresAt?: Date | string;
  /** Retrievals allowed (at most the policy's `maxRetrievals`, which is the default). */
  maxRetrievals?: number;
}

/** Describes an entry, never its bytes: safe to list and log. */
export interface BlobMeta {
  /** The caller's id of the entry (unique within app and purpose). */
  id: string;
  /** `blob_…`: this stored version of it (a replacing PUT makes a new one). */
  blobId: string;
  appId: string;
  purpose: string;
  /** The identity that stored it. */
  owner: string;
  /** Bytes of the content. */
  size: number;
  metadata: Metadata;
  /** Retrievals allowed (null: unlimited). */
  maxRetrievals: number | null;
  retrievals: number;
  /** Retrievals left (null: unlimited). */
  retrievalsLeft: number | null;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** A retrieved entry: its bytes and its metadata (after the retrieval was counted). */
export interface BlobContent {
  data: Buffer;
  meta: BlobMeta;
}

/** What a write did: a new entry, or a replacement of a live one (whose content was purged with a proof). */
export interface PutBlobResult {
  meta: BlobMeta;
  replaced: boolean;
}

export type PurgeReason = "deleted" | "expired" | "exhausted" | "shredded" | "replaced";

/**
 * The record of one purge: what was destroyed and the keyed proof of it — HMAC-SHA256 under the app's proof key
 * over every other field. Kept (without content) in `vault_blob_purges` and written to the audit log.
 */
export interface PurgeProof {
  blobId: string;
  appId: string;
  purpose: string;
  id: string;
  size: number;
  /** Hex HMAC-SHA256 of the content under a key derived from its owner's key (useless once the owner is shredded). */
  contentDigest: string;
  reason: PurgeReason;
  purgedAt: Date;
  /** Hex HMAC-SHA256 proof. */
  proof: string;
}

/** What `verifyProof` found. */
export interface ProofVerification {
  /** The proof was made with this app's proof key over exactly these fields. */
  valid: boolean;
  /** Whether the purged content was `content` (only when given, and while the owner's key lives; else null). */
  contentMatches: boolean | null;
  /** The purge is on record in `vault_blob_purges` with the same proof. */
  recorded: boolean;
}

export interface SweepOptions {
  /** Sweep one app only (default: every app). */
  appId?: string;
  /** Entries purged per transaction (default: the service's `sweepBatchSize`, 50). */
  batchSize?: number;
  /** Stop after this many batches (default: until nothing is due). */
  maxBatches?: number;
  /**
   * Milliseconds to wait between batches (default: the service's `sweepPauseMs`, 20). Between batches the sweep always
   * hands the event loop and the connection back, so requests run while a large backlog is purged; the pause bounds
   * the share of the database a sweep takes. 0: only that hand-back.
   */
  pauseMs?: number;
  /** Aborting it ends the sweep after the batch in progress (what it purged stands; `BlobSweeper.stop` uses it). */
  signal?: AbortSignal;
  /** Recorded with the run (default `manual`). */
  trigger?: "schedule" | "manual";
}

/** One sweep run. */
export interface SweepRun {
  id: string;
  appId: string | null;
  trigger: "schedule" | "manual";
  startedAt: Date;
  finishedAt: Date | null;
  purged: number;
  batches: number;
  error: string | null;
}

/** The sweep's state for an app: its last run (its own or an instance-wide one) and what is due now. */
export interface SweepStatus {
  lastRun: SweepRun | null;
  /** Entries due for purge now (expired, or of a shredded owner). */
  due: number;
}

/** What `shredOwner` did. */
export interface ShredResult {
  /** A live key of the owner existed and is destroyed. */
  shredded: boolean;
  /** The owner's entries now unreadable (and due for purge). */
  entries: number;
}

/** A page of entries' metadata. */
export interface BlobPage {
  items: BlobMeta[];
  nextCursor: string | null;
}

/**
 * What the compliance report learns from the audit log: `@vault/audit`'s AuditLog is one (pass it). Without it the
 * report's access summary and chain status say `available: false`.
 */
export interface BlobAuditEvidence {
  /** Counts of the app's `blob` audit entries created in [from, to), by action, outcome and actor. */
  count(filter: {
    appId: string;
    resource: string;
    from: Date;
    to: Date;
  }): Promise<Array<{ action: string; outcome: string; actor: string | null; count: number }>>;
  /** Verify the whole audit chain. */
  verify(): Promise<{ ok: boolean; checked: number; problem?: { kind: string; seq: number; message: string } }>;
}

/** The Store context and the blob service's own options. */
export interface BlobServiceOptions extends Omit<StoreContext, "changes"> {
  /** The keyring (or a KMS-backed KeyProvider): wraps app and owner keys. */
  keys: KeyProvider;
  /** Largest blob accepted, in bytes (default 1 MiB); larger → PAYLOAD_TOO_LARGE. */
  maxBlobBytes?: number;
  /** Entries a sweep purges per transaction (default 50). */
  sweepBatchSize?: number;
  /** Milliseconds a sweep waits between batches (default 20; see `SweepOptions.pauseMs`). */
  sweepPauseMs?: number;
  /** Where the compliance report's access summary and chain status come from. */
  evidence?: BlobAuditEvidence;
}
