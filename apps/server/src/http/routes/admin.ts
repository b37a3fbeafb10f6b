import { VaultError } from "@vault/core";
import { kekWrapStatus, rewrapKekWrapped, rotateKek } from "@vault/rotation";
import { z } from "zod";
import { writeKeyringFile } from "../../keys";
import { defineRoute, type RouteDef } from "../route";

const subsystemStatusSchema = z.object({
  /** Keys per KEK in this subsystem. */
  byKek: z.record(z.string(), z.number().int()),
  /** Keys of this subsystem still under a KEK other than the active one. */
  pending: z.number().int(),
});

const statusSchema = z.object({
  activeKekId: z.string(),
  kekIds: z.array(z.string()),
  /** Keys per KEK over every subsystem (secret versions, blob keys, token keys, webhook secrets). */
  byKek: z.record(z.string(), z.number().int()),
  /** Keys still wrapped by a KEK other than the active one, anywhere (0 = rewrap complete). */
  pending: z.number().int(),
  /** The same per subsystem a KEK wraps keys of. */
  bySubsystem: z.object({
    secrets: subsystemStatusSchema,
    blobs: subsystemStatusSchema,
    tokens: subsystemStatusSchema,
    webhooks: subsystemStatusSchema,
  }),
  keyringSource: z.enum(["file", "environment"]),
});

/** Keys rewrapped per subsystem. */
const rewrappedBySubsystem = z.object({
  secrets: z.number().int(),
  blobs: z.number().int(),
  tokens: z.number().int(),
  webhooks: z.number().int(),
});

/** Instance administration: KEK rotation and rewrap status (instance-admin keys only). */
export function adminRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      url: "/v1/admin/keks",
      operationId: "kekStatus",
      summary:
        "The keyring (ids only) and how many keys each KEK wraps — secret versions, blob keys, token keys, webhook secrets — in total and per subsystem; remove an old KEK only once pending is 0.",
      tag: "admin",
      auth: { kind: "instance" },
      response: statusSchema,
      handler: async ({ vault }) => {
        const status = await kekWrapStatus(vault.kekWrapped);
        return {
          ...status,
          bySubsystem: status.bySubsystem as z.infer<typeof statusSchema>["bySubsystem"],
          kekIds: vault.keyring.keyIds(),
          keyringSource: vault.keyringFile ? ("file" as const) : ("environment" as const),
        };
      },
    }),
    defineRoute({
      method: "POST",
      url: "/v1/admin/keks/rotate",
      operationId: "rotateKek",
      timeoutMs: 30 * 60_000, // rewraps every key a KEK wraps
      summary:
        "Add a KEK, make it active, save the keyring file, and rewrap every key the old KEKs wrap — secrets, blobs, tokens, webhook secrets (file keyrings only).",
      tag: "admin",
      auth: { kind: "instance" },
      response: z.object({
        previousKekId: z.string(),
        kekId: z.string(),
        rewrapped: z.number().int(),
        bySubsystem: rewrappedBySubsystem,
      }),
      handler: async ({ vault }) => {
        const file = vault.keyringFile;
        if (!file) {
          throw new VaultError(
            "VALIDATION",
            "the keyring comes from VAULT_KEYRING: rotate it there (vault keys rotate), restart, then POST /v1/admin/keks/rewrap",
            { details: { field: "VAULT_KEYRING" } },
          );
        }
        const result = await rotateKek({
          keyring: vault.keyring,
          wrapped: vault.kekWrapped,
          persist: () => writeKeyringFile(file, vault.keyring),
        });
        return { ...result, bySubsystem: result.bySubsystem as z.infer<typeof rewrappedBySubsystem> };
      },
    }),
    defineRoute({
      method: "POST",
      url: "/v1/admin/keks/rewrap",
      operationId: "rewrapKeks",
      timeoutMs: 30 * 60_000, // rewraps every key a KEK wraps
      summary:
        "Rewrap every key not under the active KEK — secrets, blobs, tokens, webhook secrets (resumable; values are never decrypted).",
      tag: "admin",
      auth: { kind: "instance" },
      response: z.object({ rewrapped: z.number().int(), bySubsystem: rewrappedBySubsystem }),
      handler: async ({ vault }) => {
        const result = await rewrapKekWrapped(vault.kekWrapped);
        return { ...result, bySubsystem: result.bySubsystem as z.infer<typeof rewrappedBySubsystem> };
      },
    }),
  ];
}
