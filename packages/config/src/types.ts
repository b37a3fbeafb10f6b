import type { Metadata } from "@vault/core";
import type { ConfigValueType } from "@vault/engine";
import type { StoreContext } from "@vault/store";
import type { JsonSchema } from "./json-schema";

/**
 * The Store context (`db`, `changes`, `audit`, `clock`). Values are cached per app and dropped when another process
 * changes them: pass the process's change feed as `changes` (on Postgres it also pushes); without one the service
 * polls with a feed of its own.
 */
export type ConfigServiceOptions = StoreContext;

/** A config entry as stored: the current value and what describes it. */
export interface ConfigEntry {
  id: string;
  appId: string;
  key: string;
  value: unknown;
  valueType: ConfigValueType;
  description: string | null;
  metadata: Metadata;
  /** The JSON schema every value must satisfy (`json` entries only). */
  schema: JsonSchema | null;
  /** 1 on the first set, +1 on every set and rollback. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One value a config entry has held. */
export interface ConfigVersion {
  id: string;
  appId: string;
  key: string;
  version: number;
  value: unknown;
  valueType: ConfigValueType;
  /** Set when this version was written by `rollback`: the version whose value it copies. */
  rolledBackFrom: number | null;
  createdAt: Date;
}

/** A value as the accessors and the resolver cache it (frozen). */
export interface CachedConfigValue {
  readonly value: unknown;
  readonly valueType: ConfigValueType;
  readonly version: number;
}

export interface SetConfigOptions {
  /** The type to store the value as. Inferred on the first write when absent; must match the entry's type later. */
  valueType?: ConfigValueType;
  /** Kept across sets unless given; `null` clears it. */
  description?: string | null;
  /** Kept across sets unless given. */
  metadata?: Metadata;
  /** A JSON schema (draft-07) for `json` entries, kept across sets unless given; `null` removes it. */
  schema?: JsonSchema | null;
  /** Check-and-set: succeed only if the current version is `cas` (`0`: the entry must not exist), else CONFLICT. */
  cas?: number;
}

export interface ListConfigOptions {
  /** Only keys starting with this text. */
  prefix?: string;
  cursor?: string;
  limit?: number;
}
