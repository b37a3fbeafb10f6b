import { openValue, sealValue } from "@vault/crypto";
import type { WebhookEndpointRow } from "@vault/store";
import type { WebhookContext } from "./context";

/** The signing secrets of one endpoint, as sealed together: the current one and, during an overlap, the previous. */
export interface SigningSecrets {
  current: string;
  previous: string | null;
}

const TABLE = "vault_webhook_endpoints";

/** Seal `secrets` for endpoint `id` at `version` (bound into the ciphertext, so old ciphertexts cannot come back). */
export async function sealSigningSecrets(
  ctx: Pick<WebhookContext, "keys">,
  appId: string,
  id: string,
  version: number,
  secrets: SigningSecrets,
): Promise<Pick<WebhookEndpointRow, "secretsCiphertext" | "secretsWrappedDek" | "secretsKekId" | "secretsVersion">> {
  const sealed = await sealValue(ctx.keys, Buffer.from(JSON.stringify(secrets), "utf8"), {
    table: TABLE,
    appId,
    key: id,
    version,
  });
  return {
    secretsCiphertext: sealed.ciphertext,
    secretsWrappedDek: sealed.wrappedDek,
    secretsKekId: sealed.kekId,
    secretsVersion: version,
  };
}

/** Open an endpoint's secrets. Missing KEK → KEY_UNAVAILABLE; tampered → DECRYPTION_FAILED. */
export async function openSigningSecrets(
  ctx: Pick<WebhookContext, "keys">,
  row: WebhookEndpointRow,
): Promise<SigningSecrets> {
  const plain = await openValue(
    ctx.keys,
    {
      ciphertext: Buffer.from(row.secretsCiphertext),
      wrappedDek: Buffer.from(row.secretsWrappedDek),
      kekId: row.secretsKekId,
    },
    { table: TABLE, appId: row.appId, key: row.id, version: row.secretsVersion },
  );
  return JSON.parse(plain.toString("utf8")) as SigningSecrets;
}

/**
 * Opened secrets by endpoint and secrets version, so a burst of deliveries to one endpoint unwraps its key once.
 * A rotation bumps the version, which misses the cache; entries of other versions are replaced.
 */
export class SigningSecretCache {
  readonly #entries = new Map<string, { version: number; secrets: Promise<SigningSecrets> }>();

  get(ctx: Pick<WebhookContext, "keys">, row: WebhookEndpointRow): Promise<SigningSecrets> {
    const hit = this.#entries.get(row.id);
    if (hit && hit.version === row.secretsVersion) return hit.secrets;
    const secrets = openSigningSecrets(ctx, row);
    this.#entries.set(row.id, { version: row.secretsVersion, secrets });
    secrets.catch(() => this.#entries.delete(row.id));
    return secrets;
  }

  delete(id: string): void {
    this.#entries.delete(id);
  }
}

/** The secrets that sign at `now`: the current one, and the previous one until its overlap ends. */
export function activeSecrets(row: WebhookEndpointRow, secrets: SigningSecrets, now: Date): string[] {
  const previousLive =
    secrets.previous !== null && row.previousSecretExpiresAt !== null && row.previousSecretExpiresAt > now;
  return previousLive ? [secrets.current, secrets.previous as string] : [secrets.current];
}
