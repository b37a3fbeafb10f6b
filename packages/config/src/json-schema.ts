import { VaultError } from "@vault/core";
import { Ajv, type ValidateFunction } from "ajv";
import type { RegExpEngine } from "ajv/dist/types";
import addFormatsModule from "ajv-formats";
import { RE2JS } from "re2js";

/** A JSON schema (draft-07) as stored with a `json` config entry. */
export type JsonSchema = Record<string, unknown> | boolean;

/** Largest accepted schema, as JSON text. */
export const MAX_SCHEMA_BYTES = 64 * 1024;
const CACHE_LIMIT = 256;

// ajv-formats is CommonJS with `exports.default`; depending on the loader the default import is the plugin or the module.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as typeof addFormatsModule;

/**
 * `pattern` and `patternProperties` compiled with RE2 (re2js), which matches in time linear in the input: no pattern a
 * schema author writes can make a check backtrack for seconds, so validation needs no wall-clock timeout. RE2 has no
 * backreferences or lookaround; a schema that uses them is refused when it is written.
 */
const linearTimeRegExp: RegExpEngine = Object.assign(
  (pattern: string) => {
    const compiled = RE2JS.compile(pattern);
    return { test: (text: string) => compiled.matcher(text).find() };
  },
  { code: 'require("re2js").RE2JS.compile' },
);

// strictSchema: a misspelt keyword (`"requierd"`) is an error at write time instead of a schema that silently allows
// everything. The other strict checks (types, tuples, required) reject valid schemas users write, so they stay off.
const ajv = new Ajv({
  strictSchema: true,
  strictNumbers: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allErrors: true,
  validateSchema: true,
  // Schemas of all apps share this instance: never register a schema's `$id` in it, or one app's schema would
  // collide with, or be reachable through `$ref` from, another app's.
  addUsedSchema: false,
  code: { regExp: linearTimeRegExp },
});
addFormats(ajv);

// Compiling costs about a millisecond; the same few schemas are checked on every write, so keep the compiled ones.
const compiled = new Map<string, ValidateFunction>();

/**
 * Compile a schema, or throw VALIDATION naming what is wrong with it. `what` names the config entry in messages.
 */
export function compileJsonSchema(schema: JsonSchema, what: string): ValidateFunction {
  const text = JSON.stringify(schema);
  const hit = compiled.get(text);
  if (hit) return hit;
  if (Buffer.byteLength(text, "utf8") > MAX_SCHEMA_BYTES) {
    throw new VaultError("VALIDATION", `invalid schema for ${what}: larger than ${MAX_SCHEMA_BYTES} bytes of JSON`, {
      details: { field: "schema" },
    });
  }
  let validate: ValidateFunction;
  try {
    if (!ajv.validateSchema(schema)) {
      throw new Error(ajv.errorsText(ajv.errors, { dataVar: "schema" }));
    }
    validate = ajv.compile(schema);
  } catch (error) {
    throw new VaultError("VALIDATION", `invalid schema for ${what}: ${(error as Error).message}`, {
      details: { field: "schema" },
      cause: error,
    });
  }
  if (compiled.size >= CACHE_LIMIT) {
    const oldest = compiled.keys().next().value;
    if (oldest !== undefined) compiled.delete(oldest);
  }
  // Ajv also caches by schema object; our map above is the cache, so do not let Ajv's grow with every schema.
  ajv.removeSchema(schema);
  compiled.set(text, validate);
  return validate;
}

/** Check `value` against `schema`; a value that does not satisfy it is VALIDATION with ajv's findings in details. */
export function assertMatchesSchema(schema: JsonSchema, value: unknown, what: string): void {
  const validate = compileJsonSchema(schema, what);
  if (validate(value)) return;
  const issues = (validate.errors ?? []).map((e) => ({ path: e.instancePath || "/", message: e.message ?? "invalid" }));
  const summary = issues.map((i) => `${i.path} ${i.message}`).join("; ");
  throw new VaultError("VALIDATION", `value of ${what} does not match its JSON schema: ${summary}`, {
    details: { field: "value", issues },
  });
}
