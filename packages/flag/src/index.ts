// @vault/flag: the pure engine (also at `@vault/flag/engine`, which pulls in no database code) and the flag service.
export * from "./engine/index";
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
