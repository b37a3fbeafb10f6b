import { VaultError } from "@vault/core";
import { z } from "zod";
import type { Vault } from "../../vault";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { appParams, pageOf, pageQuery } from "./schemas";

const outcome = z.enum(["success", "failure", "denied"]);

export const auditEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  appId: z.string(),
  action: z.string(),
  resource: z.string(),
  key: z.string().nullable(),
  tenantId: z.string().nullable(),
  actor: z.object({
    appId: z.string().nullable(),
    apiKeyId: z.string().nullable(),
    userId: z.string().nullable(),
    system: z.string().nullable(),
  }),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  outcome,
  metadata: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
});

const filterQuery = z.object({
  action: z.string().min(1).max(128).optional(),
  resource: z.string().min(1).max(128).optional(),
  key: z.string().min(1).max(1024).optional(),
  tenantId: z.string().min(1).max(256).optional(),
  actor: z.string().min(1).max(256).optional(),
  outcome: outcome.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

// The chain links every app's entries, so its counts, hashes and a broken entry's position describe the whole
// instance: only an instance-admin key sees them; an app's key gets the verdict (and the kind of problem).
const verificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int().optional(),
  pending: z.number().int().optional(),
  lastSeq: z.number().int().optional(),
  lastHash: z.string().optional(),
  problem: z
    .object({
      kind: z.enum(["changed", "removed", "reordered"]),
      seq: z.number().int().optional(),
      id: z.string().nullable().optional(),
      message: z.string().optional(),
    })
    .optional(),
});

function auditLogOf(vault: Vault) {
  if (!vault.auditLog) throw new VaultError("UNAVAILABLE", "this server runs without the audit log");
  return vault.auditLog;
}

/** The audit trail of an app: query (newest first), NDJSON export (oldest first), and chain verification. */
export function auditRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/audit",
      operationId: "queryAudit",
      summary: "Query the app's audit entries, newest first.",
      tag: "audit",
      auth: { kind: "app", scope: "audit:read" },
      params: appParams,
      query: pageQuery.extend(filterQuery.shape),
      response: pageOf(auditEntrySchema),
      handler: async ({ vault, params, query }) => auditLogOf(vault).query({ ...query, appId: params.appId }),
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/audit/export",
      operationId: "exportAudit",
      timeoutMs: 60 * 60_000, // streams the whole log
      summary: "Export the app's audit entries as NDJSON, oldest first.",
      tag: "audit",
      auth: { kind: "app", scope: "audit:read" },
      params: appParams,
      query: filterQuery,
      response: auditEntrySchema,
      produces: "application/x-ndjson",
      handler: async ({ vault, params, query, reply }) => {
        // The filter was validated above, so the stream starts cleanly; it is read page by page, never all at once.
        const stream = auditLogOf(vault).exportStream({ ...query, appId: params.appId });
        return reply.header("content-type", "application/x-ndjson; charset=utf-8").send(stream);
      },
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/audit/verify",
      operationId: "verifyAudit",
      summary:
        "Verify the hash chain (the whole instance's chain). An app's key gets the verdict; an instance-admin key also gets counts, head and the broken entry.",
      tag: "audit",
      auth: { kind: "app", scope: "audit:read", instanceAdmin: true },
      params: appParams,
      response: verificationSchema,
      handler: async ({ vault, auth }) => {
        const result = await auditLogOf(vault).verify();
        if (auth?.instanceAdmin) return result;
        return result.ok ? { ok: true } : { ok: false, problem: { kind: result.problem.kind } };
      },
    }),
  ];
}
