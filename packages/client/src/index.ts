// @vault/client: Vault from a service. The typed HTTP client (also alone, browser-safe, as `@vault/client/api`).
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
} from "./api";
