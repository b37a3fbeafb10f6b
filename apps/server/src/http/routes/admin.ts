import { VaultError } from "@vault/core";
import { rotateKek } from "@vault/rotation";
import { z } from "zod";
import { writeKeyringFile } from "../../keys";
import { defineRoute, type RouteDef } from "../route";

const statusSchema = z.object({
  activeKekId: z.string(),
  kekIds: z.array(z.string()),
  /** Live secret versions per KEK. */
  byKek: z.record(z.string(), z.number().int()),
  /** Versions still wrapped by a KEK other than the active one (0 = rewrap complete). */
  pending: z.number().int(),
  keyringSource: z.enum(["file", "environment"]),
});

/** Instance administration: KEK rotation and rewrap status (instance-admin keys only). */
export function adminRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      url: "/v1/admin/keks",
      operationId: "kekStatus",
      summary: "The keyring (ids only) and how many secret versions each KEK wraps.",
      tag: "admin",
      auth: { kind: "instance" },
      response: statusSchema,
      handler: async ({ vault }) => {
        const status = await vault.secrets.rewrapStatus();
        return {
          ...status,
          kekIds: vault.keyring.keyIds(),
          keyringSource: vault.keyringFile ? "file" : "environment",
        };
      },
    }),
    defineRoute({
      method: "POST",
      url: "/v1/admin/keks/rotate",
      operationId: "rotateKek",
      timeoutMs: 30 * 60_000, // rewraps every data key
      summary: "Add a KEK, make it active, save the keyring file, and rewrap every data key (file keyrings only).",
      tag: "admin",
      auth: { kind: "instance" },
      response: z.object({ previousKekId: z.string(), kekId: z.string(), rewrapped: z.number().int() }),
      handler: async ({ vault }) => {
        const file = vault.keyringFile;
        if (!file) {
          throw new VaultError(
            "VALIDATION",
            "the keyring comes from VAULT_KEYRING: rotate it there (vault keys rotate), restart, then POST /v1/admin/keks/rewrap",
            { details: { field: "VAULT_KEYRING" } },
          );
        }
        return rotateKek({
          keyring: vault.keyring,
          secrets: vault.secrets,
          persist: () => writeKeyringFile(file, vault.keyring),
        });
      },
    }),
    defineRoute({
      method: "POST",
      url: "/v1/admin/keks/rewrap",
      operationId: "rewrapKeks",
      timeoutMs: 30 * 60_000, // rewraps every data key
      summary: "Rewrap every data key not under the active KEK (resumable; values are never decrypted).",
      tag: "admin",
      auth: { kind: "instance" },
      response: z.object({ rewrapped: z.number().int() }),
      handler: async ({ vault }) => vault.secrets.rewrapAll(),
    }),
  ];
}
