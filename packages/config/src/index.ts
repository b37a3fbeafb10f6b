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
export {
  type CachedConfigValue,
  type ConfigEntry,
  ConfigService,
  type ConfigServiceOptions,
  type ConfigVersion,
  type ListConfigOptions,
  type SetConfigOptions,
  toEntry,
} from "./service";
export {
  CONFIG_VALUE_TYPES,
  type ConfigValueType,
  checkValue,
  configValueTypeSchema,
  conformsTo,
  deepFreeze,
  describeValueType,
  inferValueType,
  isJsonValue,
  MAX_VALUE_BYTES,
  parseDuration,
  typeMismatch,
} from "./values";
