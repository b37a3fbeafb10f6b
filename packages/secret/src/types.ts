import type { Metadata } from "@vault/core";
import type { KeyProvider } from "@vault/crypto";
import type { Executor, StoreContext } from "@vault/store";

/** What a secret holds: a string, or bytes (returned as a Uint8Array). The kind is kept: bytes never come back as text. */
export type SecretValue = string | Uint8Array;

/** The Store context (secrets cache nothing, so they need no change feed) and the secret service's own options. */
export interface SecretServiceOptions extends Omit<StoreContext, "changes"> {
  /** The keyring (or a KMS-backed KeyProvider) that wraps data keys. */
  keys: KeyProvider;
  /** Versions a secret keeps readable unless set per secret (default 10); older ones are destroyed on set. */
  maxVersions?: number;
  /** Largest value accepted, in bytes (default 4 MiB). */
  maxValueBytes?: number;
}

/** Join the caller's transaction instead of opening one (e.g. rotation: new version + record + audit, one commit). */
export interface InTransaction {
  tx?: Executor;
}

/** Describes a secret, never its value: safe to log, list and serialise. */
export interface SecretMeta {
  /** `sec_…` */
  id: string;
  appId: string;
  key: string;
  /** The latest version written. */
  version: number;
  metadata: Metadata;
  maxVersions: number;
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type SecretVersionState = "active" | "deleted" | "destroyed";

/** One version of a secret, without its value. */
export interface SecretVersionInfo {
  /** `secver_…` */
  id: string;
  version: number;
  state: SecretVersionState;
  createdAt: Date;
  createdBy: string | null;
  deletedAt: Date | null;
  destroyedAt: Date | null;
  /** The KEK wrapping this version's data key (null once destroyed). */
  kekId: string | null;
}

/** A decrypted secret: its value at `version`, and the secret's meta. */
export interface Secret<V extends SecretValue = SecretValue> {
  value: V;
  version: number;
  meta: SecretMeta;
}

export interface SetSecretOptions extends InTransaction {
  /** Replaces the secret's metadata; left out, the previous metadata is kept. */
  metadata?: Metadata;
  /** After this instant `get` answers EXPIRED; null clears it; left out, the previous expiry is kept. */
  expiresAt?: Date | string | null;
  /** Check-and-set: succeed only if the current version is `cas` (0: only if the secret does not exist). */
  cas?: number;
  /** Versions to keep readable for this secret (kept across sets). */
  maxVersions?: number;
}

export interface GetSecretOptions extends InTransaction {
  /** A specific version (default: the current one). */
  version?: number;
}

export interface StatSecretOptions {
  /** A specific version (default: the current one). */
  version?: number;
}

/** What `stat` answers: the version `get` would return, and the secret's meta. Never a value. */
export interface SecretStat {
  version: number;
  meta: SecretMeta;
}

export interface ListSecretsOptions {
  /** Only keys that start with this. */
  prefix?: string;
  cursor?: string;
  limit?: number;
}

export interface VersionsOptions extends InTransaction {
  /** Versions to act on (default: the current version). */
  versions?: number[];
}

/** Version numbers an operation changed (already-changed ones are left out). */
export interface VersionsChanged {
  versions: number[];
}

/** What `purge` removed, and a SHA-256 proof over it (also written to the audit log). */
export interface PurgeResult {
  secretId: string;
  appId: string;
  key: string;
  /** How many version rows were removed. */
  versionsRemoved: number;
  purgedAt: Date;
  /**
   * Hex SHA-256 over a canonical, length-prefixed encoding of the head row and every version's id, number, KEK id,
   * creation time and the SHA-256 of its ciphertext and wrapped DEK. Whoever holds a copy of the rows can recompute it.
   */
  proof: string;
}

// The rewrap shapes are shared by every service whose rows hold KEK-wrapped keys; re-exported for compatibility.
export type { RewrapOptions, RewrapProgress, RewrapStatus } from "@vault/crypto";
