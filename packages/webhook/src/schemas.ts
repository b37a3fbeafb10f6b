import { idSchema } from "@vault/core";
import { z } from "zod";
import { EVENT_TYPES, isEventTypeFilter } from "./event-types";
import { retryScheduleSchema } from "./retry";

export const endpointIdSchema = idSchema("webhook");
export const deliveryIdSchema = idSchema("webhookDelivery");

const urlSchema = z.string().min(1, "url must not be empty").max(2048, "url is longer than 2048 characters");

export const eventTypesSchema = z
  .array(
    z.string().refine(isEventTypeFilter, {
      error: (issue) =>
        `unknown event type "${String(issue.input).slice(0, 100)}": use a type from the catalog (e.g. ${EVENT_TYPES[0]}) or <resource>.*`,
    }),
  )
  .max(100, "at most 100 event types")
  .transform((types) => [...new Set(types)].sort());

export const createEndpointSchema = z
  .object({
    url: urlSchema,
    description: z.string().max(500, "description is longer than 500 characters").default(""),
    eventTypes: eventTypesSchema.default([]),
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateEndpointData = z.output<typeof createEndpointSchema>;

export const updateEndpointSchema = z
  .object({
    url: urlSchema.optional(),
    description: z.string().max(500, "description is longer than 500 characters").optional(),
    eventTypes: eventTypesSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateEndpointData = z.output<typeof updateEndpointSchema>;

export const rotateSecretSchema = z
  .object({
    /** How long the replaced secret keeps signing (0: stop at once, e.g. after a leak). */
    overlapMs: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400_000, "overlap is longer than 7 days")
      .optional(),
  })
  .strict();

export const listQuerySchema = z
  .object({
    cursor: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const listDeliveriesSchema = z
  .object({
    endpointId: endpointIdSchema.optional(),
    status: z.enum(["pending", "succeeded", "failed"]).optional(),
    eventType: z.string().max(100).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListDeliveriesData = z.output<typeof listDeliveriesSchema>;

export const remindersSchema = z
  .object({
    expiringDays: z
      .array(z.number().int().min(1).max(365))
      .max(10)
      .default([30, 7, 1])
      .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
    rotationFailures: z.number().int().min(1).max(1000).default(3),
  })
  .strict();

export const serviceSettingsSchema = z.object({
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  retry: retryScheduleSchema.default(retryScheduleSchema.parse({})),
  disableAfterFailures: z.number().int().min(0).max(1000).default(5),
  secretOverlapMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400_000)
    .default(86_400_000),
  batchSize: z.number().int().min(1).max(1000).default(100),
  concurrency: z.number().int().min(1).max(256).default(16),
  reminders: remindersSchema.default(remindersSchema.parse({})),
  retentionDays: z.number().int().min(1).max(3650).default(30),
  maxEndpointsPerApp: z.number().int().min(1).max(1000).default(50),
});
