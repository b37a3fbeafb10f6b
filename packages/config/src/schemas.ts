import { jsonValueSchema, keySchema, metadataSchema, pageSizeSchema } from "@vault/core";
import { z } from "zod";
import { configValueTypeSchema } from "./values";

const jsonSchemaSchema = z.union([z.record(z.string(), jsonValueSchema), z.boolean()]);

export const setOptionsSchema = z.strictObject({
  valueType: configValueTypeSchema.optional(),
  description: z.string().max(1024).nullable().optional(),
  metadata: metadataSchema.optional(),
  schema: jsonSchemaSchema.nullable().optional(),
  cas: z.number().int().min(0).optional(),
});
export type SetConfigData = z.output<typeof setOptionsSchema>;
export const casOptionsSchema = z.strictObject({ cas: z.number().int().min(1).optional() });
export const listOptionsSchema = z.strictObject({
  prefix: z.string().max(256).optional(),
  cursor: z.string().optional(),
  limit: pageSizeSchema.optional(),
});
export type ListConfigData = z.output<typeof listOptionsSchema>;
export const pageOptionsSchema = z.strictObject({ cursor: z.string().optional(), limit: pageSizeSchema.optional() });
export type PageData = z.output<typeof pageOptionsSchema>;
// Versions are int4 in the database.
export const versionSchema = z.number().int().min(1).max(2_147_483_647);
export const watchPatternSchema = z.union([
  keySchema,
  z.literal("*"),
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/:]*\*$/, "a prefix pattern is a key followed by *")
    .max(257),
]);
