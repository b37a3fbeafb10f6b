export {
  associatedData,
  DEK_BYTES,
  decryptWithKey,
  type EnvelopeContext,
  encryptWithKey,
  openValue,
  type SealedValue,
  sealValue,
} from "./envelope";
export { decryptionFailed, FORMAT_VERSION, lengthPrefixed, NONCE_BYTES, TAG_BYTES } from "./format";
export { constantTimeEqual, hmacSha256, randomKey, randomToken, sha256 } from "./hmac";
export {
  KEK_BYTES,
  type KeyProvider,
  Keyring,
  type KeyringJson,
  kekIdSchema,
  keyUnavailable,
  rewrapKey,
  type WrappedKey,
} from "./keyring";
export {
  DEFAULT_REWRAP_BATCH,
  type RewrapBatch,
  type RewrapOptions,
  type RewrapProgress,
  type Rewrappable,
  type RewrapStatus,
  RewrapTally,
  rewrapInBatches,
  rewrapOptionsSchema,
  rewrapStatusOf,
} from "./rewrap";
