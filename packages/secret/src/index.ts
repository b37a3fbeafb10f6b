export { SECRET_VERSIONS_TABLE, SecretService } from "./service";
export type {
  GetSecretOptions,
  InTransaction,
  ListSecretsOptions,
  PurgeResult,
  RewrapOptions,
  RewrapProgress,
  RewrapStatus,
  Secret,
  SecretMeta,
  SecretServiceOptions,
  SecretValue,
  SecretVersionInfo,
  SecretVersionState,
  SetSecretOptions,
  VersionsChanged,
  VersionsOptions,
} from "./types";
