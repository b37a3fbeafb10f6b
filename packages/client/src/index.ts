// @vault/client: Vault from a service. The typed HTTP client (also alone, browser-safe, as `@vault/client/api`).

export type {
  ConfigSnapshot,
  EvaluationContext,
  EvaluationResult,
  FlagSnapshot,
  JsonValue,
} from "@vault/engine";
export {
  type components,
  createVaultApi,
  isVaultApiError,
  type operations,
  type paths,
  type Schema,
  unwrap,
  type VaultApi,
  VaultApiError,
  type VaultApiErrorCode,
  type VaultApiOptions,
  vaultContextOf,
} from "./api";
export type { Snapshots } from "./backup";
export { type ConfigChangeEvent, type ConfigTarget, ConfigView } from "./config-view";
export {
  createFlagClient,
  FlagClient,
  type FlagClientEvents,
  type FlagClientOptions,
  type FlagClientStatus,
  type ReadySource,
} from "./flag-client";
export type { BackoffOptions } from "./sync/backoff";
