export { type Actor, currentActor, runAs } from "./actor";
export { type Clock, ManualClock, systemClock } from "./clock";
export { created, type Entity } from "./entity";
export {
  conflict,
  ERROR_CODES,
  isVaultError,
  notFound,
  VAULT_ERROR_CODES,
  VaultError,
  type VaultErrorCode,
  type VaultErrorOptions,
  validation,
} from "./errors";
export { ID_PREFIXES, type Id, type IdKind, type IdPrefix, idSchema, idTimestamp, isId, newId, parseId } from "./ids";
export {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  type Page,
  pageSizeSchema,
  toPage,
} from "./pagination";
export {
  appIdSchema,
  findTooDeep,
  isStorableText,
  jsonValueSchema,
  keySchema,
  MAX_JSON_DEPTH,
  type Metadata,
  metadataSchema,
  parseInput,
  tenantIdSchema,
} from "./validate";
