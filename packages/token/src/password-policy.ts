import { validation } from "@vault/core";
import { z } from "zod";

/**
 * What a new password must satisfy (checked on create and on every change, never on read: a record keeps the
 * password it was given). Defaults follow NIST SP 800-63B: length matters, composition rules mostly do not, so
 * `minClasses` defaults to 1 and is there for callers whose policy demands more.
 */
export interface PasswordPolicy {
  /** Minimum length in characters (default 8). */
  minLength?: number;
  /** Maximum length in characters (default 1024; bounds the KDF's input). */
  maxLength?: number;
  /** How many of lower-case, upper-case, digits and other characters it must mix (1–4, default 1). */
  minClasses?: number;
}

export const passwordPolicySchema = z
  .object({
    minLength: z.number().int().min(1).max(1024).default(8),
    maxLength: z.number().int().min(1).max(4096).default(1024),
    minClasses: z.number().int().min(1).max(4).default(1),
  })
  .strict()
  .refine((p) => p.minLength <= p.maxLength, "minLength must not exceed maxLength");
export type ResolvedPasswordPolicy = z.output<typeof passwordPolicySchema>;

const CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

/** VALIDATION naming the rule a password breaks; the message never contains the password. */
export function checkPasswordPolicy(policy: ResolvedPasswordPolicy, password: unknown, field = "password"): string {
  if (typeof password !== "string") throw validation(`${field} must be a string`, { field });
  const length = [...password].length;
  if (length < policy.minLength) {
    throw validation(`${field} is too short: at least ${policy.minLength} characters`, {
      field,
      rule: "minLength",
      minLength: policy.minLength,
    });
  }
  if (length > policy.maxLength) {
    throw validation(`${field} is too long: at most ${policy.maxLength} characters`, {
      field,
      rule: "maxLength",
      maxLength: policy.maxLength,
    });
  }
  const classes = CLASSES.filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) {
    throw validation(
      `${field} must mix at least ${policy.minClasses} of: lower-case letters, upper-case letters, digits, other characters`,
      { field, rule: "minClasses", minClasses: policy.minClasses },
    );
  }
  return password;
}
