import { jsonValueSchema, keySchema } from "@vault/core";
import { usageReportSchema } from "@vault/flag";
import { z } from "zod";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { appParams } from "./schemas";

const days = z.coerce.number().int().min(1).max(3650).optional();

const flagUsageSchema = z
  .object({
    flagKey: z.string(),
    total: z.number().int(),
    variants: z.array(z.object({ variant: z.string().nullable(), count: z.number().int() })),
    lastEvaluatedAt: timestamp.nullable(),
  })
  .meta({ id: "FlagUsage" });

const staleFlagSchema = z
  .object({
    key: z.string(),
    reasons: z.array(z.enum(["not_evaluated", "fully_rolled_out"])),
    lastEvaluatedAt: timestamp.nullable(),
    updatedAt: timestamp,
    servesValue: jsonValueSchema.optional(),
  })
  .meta({ id: "StaleFlag" });

/**
 * Flag usage: what was evaluated (counted in memory by every server and by clients, flushed periodically) and which
 * flags look stale. Paths of their own, not under /flags/:key, so that no flag key is shadowed.
 */
export function flagUsageRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/flag-usage",
      operationId: "getFlagUsage",
      summary: "Evaluations per flag and variant over the last `days` UTC days (default 30), with lastEvaluatedAt.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:read" },
      params: appParams,
      query: z.object({ days, flagKey: keySchema.optional() }),
      response: z.object({ items: z.array(flagUsageSchema) }),
      handler: async ({ vault, params, query }) => ({ items: await vault.flags.usage(params.appId, query) }),
    }),
    defineRoute({
      method: "POST",
      url: "/v1/apps/:appId/flag-usage",
      operationId: "reportFlagUsage",
      summary:
        "Report evaluations a client made locally ({ counts: [{ flagKey, variant?, count }] }); counted with the server's own.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:evaluate" },
      params: appParams,
      body: z.object({ counts: usageReportSchema }),
      response: z.object({
        accepted: z.number().int(),
        ignored: z.array(z.object({ flagKey: z.string(), variant: z.string().optional(), reason: z.string() })),
      }),
      audited: false, // counts, like evaluations, are metrics rather than changes
      handler: async ({ vault, params, body }) => vault.flags.recordUsage(params.appId, body.counts),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/stale-flags",
      operationId: "listStaleFlags",
      summary: "Flags not evaluated for `days` days (default 30), or serving one value to everyone for that long.",
      tag: "flags",
      auth: { kind: "app", scope: "flags:read" },
      params: appParams,
      query: z.object({ days }),
      response: z.object({ items: z.array(staleFlagSchema) }),
      handler: async ({ vault, params, query }) => ({ items: await vault.flags.staleFlags(params.appId, query) }),
    }),
  ];
}
