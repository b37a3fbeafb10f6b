import { VaultError } from "@vault/core";
import { CONFIG_VALUE_TYPES, type ConfigValueType, checkConfigValue } from "@vault/engine";
import { z } from "zod";

// The value rules live in @vault/engine (the server and services must agree on them); here they become zod schemas
// and VaultErrors, plus the size limit on writes.

export const configValueTypeSchema = z.enum(CONFIG_VALUE_TYPES);

/** Largest accepted value, as JSON text (config is read on hot paths and cached in every process). */
export const MAX_VALUE_BYTES = 256 * 1024;

/**
 * Check a value for a write: it must be JSON, not too large, and (when `type` is known) of that type. Returns the
 * type the value is stored with. `what` names the object in error messages (`config "limit"`).
 */
export function checkValue(value: unknown, type: ConfigValueType | undefined, what: string): ConfigValueType {
  const checked = checkConfigValue(value, type);
  if (!checked.ok && checked.problem === "not_json") {
    throw new VaultError(
      "VALIDATION",
      `invalid value for ${what}: a config value is a JSON string, number, boolean, object or array`,
      {
        details: { field: "value" },
      },
    );
  }
  const size = Buffer.byteLength(JSON.stringify(value), "utf8");
  if (size > MAX_VALUE_BYTES) {
    throw new VaultError("VALIDATION", `invalid value for ${what}: ${size} bytes of JSON, at most ${MAX_VALUE_BYTES}`, {
      details: { field: "value", size, max: MAX_VALUE_BYTES },
    });
  }
  if (!checked.ok) throw typeMismatch(what, checked.expected, checked.actual);
  return checked.valueType;
}

export function typeMismatch(what: string, expected: string, actual: string): VaultError {
  return new VaultError("TYPE_MISMATCH", `${what} expects ${expected}, got ${actual}`, {
    details: { expected, actual },
  });
}
