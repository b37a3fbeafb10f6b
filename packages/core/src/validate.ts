import { z } from "zod";
import { VaultError } from "./errors";

/** App ids are slugs: lower-case letters, digits and dashes, 1–63 characters, starting with a letter or digit. */
export const appIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "app id must be a slug: a-z, 0-9 and '-', 1-63 characters");

/**
 * Keys of secrets, flags and config entries: 1–256 characters of letters, digits and `. _ - / :`, not starting with
 * a separator. Path-like keys (`db/primary/password`) list well by prefix.
 */
export const keySchema = z
  .string()
  .min(1, "key must not be empty")
  .max(256, "key must be at most 256 characters")
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._\-/:]*$/,
    "key may contain letters, digits and . _ - / : and must start with a letter or digit",
  );

/**
 * True when Postgres can store `text` as `text`/`jsonb`: no NUL character and no unpaired UTF-16 surrogate (neither
 * has a UTF-8 encoding the database accepts).
 */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

function isStorableJson(value: unknown): boolean {
  if (typeof value === "string") return isStorableText(value);
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).every(([key, inner]) => isStorableText(key) && isStorableJson(inner));
  }
  return true;
}

const UNSTORABLE = "must not contain NUL (\\u0000) or unpaired surrogate characters";

/** Tenant ids are opaque to Vault but bounded, never empty, and storable. */
export const tenantIdSchema = z
  .string()
  .min(1, "tenant id must not be empty")
  .max(256)
  .refine(isStorableText, `tenant id ${UNSTORABLE}`);

/**
 * Any JSON value. One shared instance, so that a document generated from schemas that use it (the server's OpenAPI)
 * can name it once instead of repeating a recursive definition per use.
 */
export const jsonValueSchema = z.json();

/** JSON metadata attached to objects: string keys, JSON values, all storable. */
export const metadataSchema = z.record(z.string(), jsonValueSchema).refine(isStorableJson, `metadata ${UNSTORABLE}`);
export type Metadata = z.infer<typeof metadataSchema>;

/**
 * Parse untrusted input with `schema`; failures become a VALIDATION VaultError whose message names each bad field.
 * `what` names the input in the message ("secret set options").
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  throw new VaultError("VALIDATION", `invalid ${what}: ${summary}`, { details: { issues } });
}

/**
 * How deeply JSON values from outside may nest (objects and arrays inside each other). Validators, canonical
 * encoders and the database all walk JSON recursively; a bound keeps every one of them far from the stack limit.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The path of the first value in `value` nested deeper than `maxDepth` levels (`["attributes", "a", "0"]`), or
 * undefined when it nests no deeper. Walks with an explicit stack, so it is safe on input of any depth.
 */
export function findTooDeep(value: unknown, maxDepth: number = MAX_JSON_DEPTH): string[] | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.value === null || typeof current.value !== "object") continue;
    if (current.path.length >= maxDepth) return current.path;
    for (const [name, inner] of Object.entries(current.value)) {
      if (inner !== null && typeof inner === "object") stack.push({ value: inner, path: [...current.path, name] });
    }
  }
  return undefined;
}
