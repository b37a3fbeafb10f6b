import { lengthPrefixed, sha256 } from "@vault/crypto";
import { type Executor, type SecretRow, type SecretVersionRow, secrets, secretVersions } from "@vault/store";
import { asc, eq } from "drizzle-orm";
import { emitSecretEvent, recordSecretEvent, type SecretContext } from "./context";
import { findHead } from "./read";
import type { PurgeResult } from "./types";

/** Remove the secret and every version row inside `tx`; returns and audits a SHA-256 proof of what was removed. */
export async function purgeSecret(ctx: SecretContext, tx: Executor, appId: string, key: string): Promise<PurgeResult> {
  const head = await findHead(tx, appId, key, true);
  const rows = await tx
    .select()
    .from(secretVersions)
    .where(eq(secretVersions.secretId, head.id))
    .orderBy(asc(secretVersions.version));
  const purgedAt = ctx.clock.now();
  const proof = purgeProof(head, rows, purgedAt);
  await tx.delete(secretVersions).where(eq(secretVersions.secretId, head.id));
  await tx.delete(secrets).where(eq(secrets.id, head.id));
  await recordSecretEvent(ctx, tx, {
    action: "secret.purged",
    appId,
    key,
    metadata: { secretId: head.id, versionsRemoved: rows.length, proof, proofAlgorithm: "sha256" },
  });
  await emitSecretEvent(ctx, tx, {
    type: "secret.purged",
    appId,
    key,
    version: head.currentVersion,
    data: { secretId: head.id, versionsRemoved: rows.length },
  });
  return { secretId: head.id, appId, key, versionsRemoved: rows.length, purgedAt, proof };
}

/**
 * SHA-256 over a length-prefixed encoding of the head row and, per version, its id, number, KEK id, creation time and
 * the digests of its ciphertext and wrapped DEK: whoever kept a copy of the rows can recompute it.
 */
function purgeProof(head: SecretRow, rows: SecretVersionRow[], purgedAt: Date): string {
  const utf8 = (s: string) => Buffer.from(s, "utf8");
  const digest = (b: Uint8Array | null) => (b === null ? Buffer.alloc(0) : sha256(b));
  const parts: Uint8Array[] = [
    utf8("vault/secret-purge/v1"),
    utf8(head.id),
    utf8(head.appId),
    utf8(head.key),
    utf8(String(head.currentVersion)),
    utf8(purgedAt.toISOString()),
  ];
  for (const row of rows) {
    parts.push(
      utf8(row.id),
      utf8(String(row.version)),
      utf8(row.kekId ?? ""),
      utf8(row.createdAt.toISOString()),
      digest(row.ciphertext),
      digest(row.wrappedDek),
    );
  }
  return sha256(lengthPrefixed(parts)).toString("hex");
}
