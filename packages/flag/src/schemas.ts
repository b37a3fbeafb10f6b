import { isStorableText, jsonValueSchema, keySchema, metadataSchema, pageSizeSchema } from "@vault/core";
import { ATTRIBUTE_OPERATORS, type AttributeOperator, FLAG_TYPES, type FlagType } from "@vault/engine";
import { z } from "zod";

// The shape of a rule as callers write it, one object per rule type. What needs the flag to check (a value against
// the flag's type, a variant name, an operand the operator can parse, value xor variant) is left to the engine's
// checker, which names the rule and the field; these schemas give every rule its documented fields and types. (No
// `.meta({ id })` here: a library must not register names in its users' zod registry.)

const json = jsonValueSchema;

const operand = z.union([z.string().max(1024), z.number(), z.boolean()]);

/**
 * One attribute condition. `attribute` names an entry of the context's `attributes`; `tenantId`, `userId` and
 * `tenantTags` read those context fields. Operands are checked by the engine (a version, a CIDR range, a pattern the
 * linear-time regex engine runs), which names the rule, the condition and the problem.
 */
export const conditionSchema = z
  .object({
    attribute: z
      .string()
      .min(1)
      .max(256)
      .describe("An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields."),
    operator: z.enum(ATTRIBUTE_OPERATORS as [AttributeOperator, ...AttributeOperator[]]),
    values: z.array(operand).max(10_000).optional().describe("The operands; none for `exists`."),
    inverted: z.boolean().optional().describe("Match when the operator does not hold (the attribute must be present)."),
    caseInsensitive: z.boolean().optional().describe("Compare text ignoring case (string operators and regex)."),
  })
  .strict();

/** A list of conditions that must all hold. */
export const constraintsSchema = z.array(conditionSchema).max(100);

/** What every rule may carry: its order, what it returns when it matches, its audience, and a note. */
const ruleCommon = {
  priority: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .optional()
    .describe("Lower is tried first; unique per flag."),
  value: json
    .optional()
    .describe("Returned when the rule matches (checked against the flag's type). Exclusive with variant."),
  variant: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .describe("The name of one of the flag's variants, returned when the rule matches."),
  description: z.string().max(1024).optional(),
  constraints: constraintsSchema.optional().describe("Conditions that must all hold for the rule to match."),
  segments: z
    .array(keySchema)
    .max(20)
    .optional()
    .describe("Keys of the app's segments that must all match for the rule to match."),
};

const names = z.array(z.string().min(1).max(256)).min(1).max(10_000);

/** A weighted share of a rollout's split. */
export const rolloutVariantSchema = z
  .object({ variant: z.string().min(1).max(128), weight: z.number().int().min(0) })
  .strict();

/** One rule as written (the service assigns its id). */
export const ruleInputSchema = z.discriminatedUnion("type", [
  z
    .object({ type: z.literal("when_tenant"), tenants: names, ...ruleCommon })
    .strict()
    .describe("Matches the listed tenants."),
  z
    .object({ type: z.literal("when_tenant_tag"), tags: names, ...ruleCommon })
    .strict()
    .describe("Matches tenants carrying any of the tags."),
  z
    .object({ type: z.literal("when_user"), users: names, ...ruleCommon })
    .strict()
    .describe("Matches the listed users."),
  z
    .object({
      type: z.literal("when_attribute"),
      attribute: z.string().min(1).max(256),
      operator: z.enum(ATTRIBUTE_OPERATORS as [AttributeOperator, ...AttributeOperator[]]),
      values: z.array(operand).max(10_000).optional().describe("The operands; none for `exists`."),
      inverted: z.boolean().optional(),
      caseInsensitive: z.boolean().optional(),
      ...ruleCommon,
    })
    .strict()
    .describe("Matches when the context attribute compares true with the values."),
  z
    .object({
      type: z.literal("rollout"),
      percentage: z.number().int().min(0).max(100).describe("Whole percent of the stickiness values inside."),
      stickiness: z.string().min(1).max(256).optional().describe("`tenant` (default), `user`, or an attribute name."),
      groupId: z.string().min(1).max(256).optional().describe("Hash namespace; defaults to the flag key."),
      variants: z.array(rolloutVariantSchema).min(1).max(100).optional().describe("A weighted split among variants."),
      ...ruleCommon,
    })
    .strict()
    .describe("Matches a stable percentage (Unleash-compatible hashing)."),
  z
    .object({
      type: z.literal("schedule"),
      from: z.string().optional().describe("ISO 8601 date-time from which it matches."),
      until: z.string().optional().describe("ISO 8601 date-time until which it matches."),
      ...ruleCommon,
    })
    .strict()
    .describe("Matches within a time window."),
  z
    .object({
      type: z.literal("custom"),
      evaluator: z.string().min(1).max(128).describe("The name of an evaluator registered with the server."),
      params: json.optional(),
      ...ruleCommon,
    })
    .strict()
    .describe("Matches when a named, registered evaluator says so."),
]);

/** A stored rule: as written, with the id the service gave it and its priority. */
export const ruleSchema = z.discriminatedUnion(
  "type",
  ruleInputSchema.options.map((option) => option.extend({ id: z.string(), priority: z.number().int() })) as unknown as [
    (typeof ruleInputSchema.options)[number],
    ...(typeof ruleInputSchema.options)[number][],
  ],
);

export const rulesInputSchema = z.array(ruleInputSchema).max(200);

// What the service's methods take, besides rules.

const tagsSchema = z.array(z.string().min(1).max(64)).max(64);
const variantsSchema = z.record(z.string().min(1).max(128), json);
const prerequisitesSchema = z.array(z.object({ flagKey: keySchema, value: json }).strict()).max(32);
const flagTypeSchema = z.enum(FLAG_TYPES as [FlagType, ...FlagType[]]);

export const defineFlagSchema = z
  .object({
    key: keySchema,
    type: flagTypeSchema,
    defaultValue: json,
    enabled: z.boolean().default(true),
    description: z.string().max(4096).default(""),
    tags: tagsSchema.default([]),
    variants: variantsSchema.default({}),
    prerequisites: prerequisitesSchema.default([]),
    metadata: metadataSchema.default({}),
    rules: rulesInputSchema.default([]),
  })
  .strict();
export type DefineFlagData = z.output<typeof defineFlagSchema>;

export const updateFlagSchema = z
  .object({
    type: flagTypeSchema.optional(),
    defaultValue: json.optional(),
    enabled: z.boolean().optional(),
    description: z.string().max(4096).optional(),
    tags: tagsSchema.optional(),
    variants: variantsSchema.optional(),
    prerequisites: prerequisitesSchema.optional(),
    metadata: metadataSchema.optional(),
  })
  .strict();
export type UpdateFlagData = z.output<typeof updateFlagSchema>;

export const writeOptionsSchema = z.object({ cas: z.number().int().min(0).optional() }).strict();
export const listFlagsSchema = z
  .object({
    tag: z.string().min(1).max(64).optional(),
    prefix: z.string().max(256).optional(),
    cursor: z.string().optional(),
    limit: pageSizeSchema,
  })
  .strict();
export type ListFlagsData = z.output<typeof listFlagsSchema>;
export const listOverridesSchema = z.object({ cursor: z.string().optional(), limit: pageSizeSchema }).strict();
export type ListOverridesData = z.output<typeof listOverridesSchema>;
/** User ids (individual targets) are opaque to Vault but bounded, never empty, and storable. */
export const userIdSchema = z
  .string()
  .min(1, "user id must not be empty")
  .max(256)
  .refine(isStorableText, "user id must not contain NUL (\\u0000) or unpaired surrogate characters");

export const defineSegmentSchema = z
  .object({
    key: keySchema,
    description: z.string().max(4096).default(""),
    constraints: constraintsSchema.min(1, "a segment needs at least one condition"),
  })
  .strict();
export type DefineSegmentData = z.output<typeof defineSegmentSchema>;

export const updateSegmentSchema = z
  .object({
    description: z.string().max(4096).optional(),
    constraints: constraintsSchema.min(1, "a segment needs at least one condition").optional(),
  })
  .strict();
export type UpdateSegmentData = z.output<typeof updateSegmentSchema>;

export const listSegmentsSchema = z
  .object({ prefix: z.string().max(256).optional(), cursor: z.string().optional(), limit: pageSizeSchema })
  .strict();
export type ListSegmentsData = z.output<typeof listSegmentsSchema>;

export const usageReportSchema = z
  .array(
    z
      .object({
        flagKey: keySchema,
        variant: z.string().min(1).max(128).optional(),
        count: z.number().int().min(1).max(1_000_000_000),
      })
      .strict(),
  )
  .max(10_000);

/** How many UTC days back a usage report or the stale listing looks (today included). */
export const daysSchema = z.number().int().min(1).max(3650).default(30);
export const usageQuerySchema = z.object({ days: daysSchema, flagKey: keySchema.optional() }).strict();
export const staleQuerySchema = z.object({ days: daysSchema }).strict();

export const evaluationContextSchema = z.looseObject({
  tenantId: z.string().optional(),
  userId: z.string().optional(),
  tenantTags: z.array(z.string()).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
