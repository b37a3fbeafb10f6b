// @vault/flag: the flag service. Evaluation lives in @vault/engine; the engine types this package's API takes and
// returns are re-exported so a service user needs no second import.
export type {
  Condition,
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
  RegexEngine,
  RuleInput,
  Segment as SnapshotSegment,
  SnapshotFlag,
} from "@vault/engine";
export { FLAGS_TOPIC } from "./context";
export { re2RegexEngine } from "./regex";
export { readSnapshot } from "./rows";
export {
  conditionSchema,
  constraintsSchema,
  rolloutVariantSchema,
  ruleInputSchema,
  ruleSchema,
  rulesInputSchema,
  usageReportSchema,
  userIdSchema,
} from "./schemas";
export { FlagService } from "./service";
export { type StaleFlag, type StaleReason, servesOneValue } from "./stale";
export type {
  DefineFlagInput,
  DefineSegmentInput,
  Flag,
  FlagOverride,
  FlagServiceOptions,
  FlagUserOverride,
  ListFlagsOptions,
  ListSegmentsOptions,
  Segment,
  UpdateFlagInput,
  UpdateSegmentInput,
  UsageReportEntry,
  UsageReportResult,
  WriteOptions,
} from "./types";
export { type FlagUsage, UsageCounter, type UsageEntry, type UsageFlush } from "./usage";
