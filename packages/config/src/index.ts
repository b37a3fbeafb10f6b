// @vault/config: the config service. Value types, durations and resolution live in @vault/engine; the engine type
// this package's API uses is re-exported.
export type { ConfigValueType } from "@vault/engine";
export {
  CHANGE_LOG_RETENTION,
  CONFIG_TOPIC,
  type ConfigChange,
  ConfigChangeHub,
  type ConfigChangeKind,
  type ConfigWatcher,
  recordConfigChange,
} from "./changes";
export { assertMatchesSchema, compileJsonSchema, type JsonSchema, MAX_SCHEMA_BYTES } from "./json-schema";
export { toEntry } from "./rows";
export { ConfigService } from "./service";
export { readConfigSnapshot } from "./snapshot";
export type {
  CachedConfigValue,
  ConfigEntry,
  ConfigServiceOptions,
  ConfigVersion,
  ListConfigOptions,
  SetConfigOptions,
} from "./types";
export { checkValue, configValueTypeSchema, MAX_VALUE_BYTES, typeMismatch } from "./values";
