// @vault/engine: the pure rules a service and the server must agree on, once. No dependencies, no I/O.

// Config: typed accessors, tenant-override resolution, snapshots.
export { asBool, asDuration, asFloat, asInt, asJson, asString } from "./config/accessors";
export {
  appLayer,
  type ConfigLayer,
  type ConfigValue,
  type ConfigValueSource,
  lookupConfigValue,
  mergeConfigValues,
  type ResolvedConfigValue,
  resolveConfigValue,
  tenantLayer,
} from "./config/resolve";
export {
  type ConfigEvaluator,
  type ConfigSnapshot,
  type ConfigSnapshotEntry,
  type ConfigSnapshotOverride,
  type ConfigSnapshotProblem,
  compileConfigSnapshot,
} from "./config/snapshot";
// Config values: types, inference, conformance, durations.
export {
  CONFIG_VALUE_TYPES,
  type ConfigValueCheck,
  type ConfigValueType,
  checkConfigValue,
  conformsTo,
  describeValueType,
  inferValueType,
  isConfigJsonValue,
  parseDuration,
} from "./config/values";
// Flags: snapshot format, checking, compilation and evaluation; Unleash-compatible rollout hashing.
export { type CheckOptions, checkFlag } from "./flag/check";
export { type CompileOptions, compileSnapshot, type FlagEvaluator, type SnapshotProblem } from "./flag/compile";
export { FlagDefinitionError } from "./flag/errors";
export { type IpAddress, type IpRange, inRange, parseCidr, parseIp } from "./flag/ip";
export { bucketOf, murmur3, murmur3String, PrefixHasher, ROLLOUT_SEED, VARIANT_SEED } from "./flag/murmur";
export { prerequisiteCycle } from "./flag/prerequisites";
export type { CustomEvaluators } from "./flag/rules";
export { checkSegment } from "./flag/segments";
export {
  ATTRIBUTE_OPERATORS,
  type AttributeOperator,
  CASE_INSENSITIVE_OPERATORS,
  type Condition,
  type CustomEvaluator,
  type EngineClock,
  type EvaluationContext,
  type EvaluationErrorCode,
  type EvaluationReason,
  type EvaluationResult,
  FLAG_TYPES,
  type FlagRule,
  type FlagSnapshot,
  type FlagType,
  type Prerequisite,
  type RegexEngine,
  type RolloutVariant,
  RULE_TYPES,
  type RuleCommon,
  type RuleCondition,
  type RuleInput,
  type RuleType,
  type Segment,
  SNAPSHOT_FORMAT,
  type SnapshotFlag,
  type TenantOverride,
  type UserOverride,
} from "./flag/types";
export { compareSemver, fitsType, parseSemver, type SemVer } from "./flag/values";

// JSON values, shared by flags and config.
export { canonicalJson, deepFreeze, isJsonValue, type JsonValue, jsonEquals } from "./json";
