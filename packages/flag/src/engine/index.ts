// The pure flag engine: no database, no I/O. `@vault/flag/engine` exports exactly this, so SDKs and services can
// evaluate snapshots without pulling in the store.
export {
  type CompileOptions,
  checkFlag,
  compileSnapshot,
  FlagDefinitionError,
  type FlagEvaluator,
  prerequisiteCycle,
} from "./compile";
export { bucketOf, murmur3, murmur3String, PrefixHasher, ROLLOUT_SEED, VARIANT_SEED } from "./murmur";
export {
  ATTRIBUTE_OPERATORS,
  type AttributeOperator,
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
  type JsonValue,
  type Prerequisite,
  type RolloutVariant,
  RULE_TYPES,
  type RuleCommon,
  type RuleCondition,
  type RuleInput,
  type RuleType,
  type SnapshotFlag,
  type TenantOverride,
} from "./types";
export { canonicalJson, compareSemver, fitsType, isJsonValue, jsonEquals, parseSemver } from "./values";
