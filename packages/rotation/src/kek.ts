import { VaultError } from "@vault/core";
import type { RewrapProgress, SecretService } from "@vault/secret";

/** The part of a keyring KEK rotation needs (`Keyring` of @vault/crypto has it). */
export interface RotatableKeyring {
  add(options?: { id?: string; key?: Uint8Array }): string;
  activate(keyId: string): void;
  activeKeyId(): string;
}

export interface RotateKekOptions {
  keyring: RotatableKeyring;
  secrets: SecretService;
  /** Key material for the new KEK (generated when absent) and its id (a new `kek_…` id when absent). */
  key?: Uint8Array;
  id?: string;
  /**
   * Persist the keyring (write the keyring file, update the secret store behind VAULT_KEYRING). Called twice: once
   * with the new KEK added but not yet active — so no data key is ever wrapped by a KEK that exists only in memory —
   * and once after it is activated.
   */
  persist?: (keyring: RotatableKeyring) => Promise<void> | void;
  /** Versions per rewrap transaction. */
  batchSize?: number;
  onProgress?: (progress: RewrapProgress & { kekId: string }) => void;
}

export interface KekRotationResult {
  previousKekId: string;
  kekId: string;
  rewrapped: number;
}

/**
 * KEK rotation as one operation: add a new KEK and persist the keyring, make the KEK active and persist again, then
 * rewrap every data key in batches (values are never decrypted) with progress. Resumable: if it stops half-way, `secrets.rewrapAll()` finishes
 * the job, since it moves whatever is not under the active KEK.
 */
export async function rotateKek(options: RotateKekOptions): Promise<KekRotationResult> {
  const previousKekId = options.keyring.activeKeyId();
  const kekId = options.keyring.add({
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.key === undefined ? {} : { key: options.key }),
  });
  try {
    await options.persist?.(options.keyring);
  } catch (cause) {
    // The new KEK was never active, so nothing is wrapped by it.
    throw new VaultError("UNAVAILABLE", "could not persist the keyring; the new KEK was not activated", { cause });
  }
  // From here on new data keys are wrapped by the new KEK, which is already stored.
  options.keyring.activate(kekId);
  try {
    await options.persist?.(options.keyring);
  } catch (cause) {
    // Values wrapped meanwhile stay readable (the KEK was saved above); go back to the KEK the stored keyring names.
    options.keyring.activate(previousKekId);
    throw new VaultError(
      "UNAVAILABLE",
      "could not persist the keyring with the new KEK active; it is saved but not active, run the rotation again",
      { cause },
    );
  }
  const { rewrapped } = await options.secrets.rewrapAll({
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    onProgress: (progress) => options.onProgress?.({ ...progress, kekId }),
  });
  return { previousKekId, kekId, rewrapped };
}
