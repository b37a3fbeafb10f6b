export {
  type KekRewrapProgress,
  type KekRewrapResult,
  type KekRotationResult,
  type KekWrapped,
  type KekWrapStatus,
  kekWrapStatus,
  type RotatableKeyring,
  type RotateKekOptions,
  rewrapKekWrapped,
  rotateKek,
} from "./kek";
export { type BackoffOptions, exponentialBackoff, RotationManager, type RotationManagerOptions } from "./manager";
export { RotationService } from "./service";
export {
  type BytesParams,
  builtInRotator,
  DEFAULT_PASSWORD_ALPHABET,
  normalizeParams,
  type PasswordParams,
  type RotationContext,
  type RotationStrategy,
  type Rotator,
  randomBytes,
  randomPassword,
  STRATEGIES,
} from "./strategies";
export type {
  BackoffFn,
  CreatePolicyInput,
  RegisteredRotator,
  RotationPolicy,
  RotationRecord,
  RotationServiceOptions,
  UpdatePolicyInput,
} from "./types";
