// @vault/flag: the flag service. Evaluation lives in @vault/engine; the engine types this package's API takes and
// returns are re-exported so a service user needs no second import.
export type {
  CustomEvaluator,
  EvaluationContext,
  EvaluationReason,
  EvaluationResult,
  FlagEvaluator,
  FlagRule,
  FlagSnapshot,
  FlagType,
  JsonValue,
  Prerequisite,
  RuleInput,
  SnapshotFlag,
} from "@vault/engine";
export { rolloutVariantSchema, ruleInputSchema, ruleSchema, rulesInputSchema } from "./schemas";
export {
  type DefineFlagInput,
  FLAGS_TOPIC,
  type Flag,
  type FlagOverride,
  FlagService,
  type FlagServiceOptions,
  type ListFlagsOptions,
  readSnapshot,
  type UpdateFlagInput,
  type WriteOptions,
} from "./service";
