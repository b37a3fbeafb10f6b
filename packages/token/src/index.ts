// The shapes of rewrapAll/rewrapStatus, shared with every service a KEK rotation moves.
export type { RewrapOptions, RewrapProgress, RewrapStatus } from "@vault/crypto";
export { ARGON2_PRESETS, type Argon2Params, type Argon2Preset, argon2id, type PasswordKdf } from "./password-kdf";
export type { PasswordPolicy } from "./password-policy";
export { TokenQueryBuilder } from "./query";
export { TokenService } from "./service";
export {
  DEFAULT_TOKEN_LENGTH,
  MAX_TOKEN_LENGTH,
  MIN_TOKEN_LENGTH,
  TOKEN_PREFIX,
  tokenEntropyBits,
} from "./token-format";
export type {
  ChangePasswordAllResult,
  CreatedToken,
  CreateManyOptions,
  CreateTokenOptions,
  PasswordOption,
  PurgeExpiredOptions,
  ReadManyResult,
  ReadToken,
  TokenColumn,
  TokenMeta,
  TokenOrderBy,
  TokenPage,
  TokenQuery,
  TokenServiceOptions,
  TokenValue,
  UpdateTokenOptions,
  UpsertResult,
  UpsertTokenOptions,
} from "./types";
