import { VaultError } from "@vault/core";
import type { RewrapProgress, Rewrappable, RewrapStatus } from "@vault/crypto";

/** The part of a keyring KEK rotation needs (`Keyring` of @vault/crypto has it). */
export interface RotatableKeyring {
  add(options?: { id?: string; key?: Uint8Array }): string;
  activate(keyId: string): void;
  activeKeyId(): string;
}

/**
 * One subsystem whose rows hold keys wrapped by a KEK (`secrets`, `blobs`, `tokens`, `webhooks`): what a KEK rotation
 * must rewrap before the old KEK may go. A service that wraps keys and is left out of the list keeps depending on
 * the old KEK while the status says nothing is pending.
 */
export interface KekWrapped {
  name: string;
  service: Rewrappable;
}

export interface RotateKekOptions {
  keyring: RotatableKeyring;
  /** Everything the keyring's KEKs wrap, rewrapped in this order once the new KEK is active. */
  wrapped?: readonly KekWrapped[];
  /** Shorthand for `wrapped: [{ name: "secrets", service: secrets }]` (a deployment with secrets only). */
  secrets?: Rewrappable;
  /** Key material for the new KEK (generated when absent) and its id (a new `kek_…` id when absent). */
  key?: Uint8Array;
  id?: string;
  /**
   * Persist the keyring (write the keyring file, update the secret store behind VAULT_KEYRING). Called twice: once
   * with the new KEK added but not yet active — so no data key is ever wrapped by a KEK that exists only in memory —
   * and once after it is activated.
   */
  persist?: (keyring: RotatableKeyring) => Promise<void> | void;
  /** Rows per rewrap transaction. */
  batchSize?: number;
  onProgress?: (progress: KekRewrapProgress) => void;
}

/** Progress of one subsystem's rewrap, with the KEK being rotated to (when rotating) and the subsystem's name. */
export type KekRewrapProgress = RewrapProgress & { kekId: string; subsystem: string };

export interface KekRewrapResult {
  /** Keys rewrapped, over every subsystem. */
  rewrapped: number;
  bySubsystem: Record<string, number>;
}

export interface KekRotationResult extends KekRewrapResult {
  previousKekId: string;
  kekId: string;
}

/** The combined status of every subsystem: totals (what the old KEKs still wrap anywhere) and each one's own. */
export interface KekWrapStatus extends RewrapStatus {
  bySubsystem: Record<string, Omit<RewrapStatus, "activeKekId">>;
}

/**
 * KEK rotation as one operation: add a new KEK and persist the keyring, make the KEK active and persist again, then
 * rewrap every key of every subsystem in `wrapped` in batches (values are never decrypted) with progress. Resumable:
 * if it stops half-way, {@link rewrapKekWrapped} (or each service's `rewrapAll()`) finishes the job, since it moves
 * whatever is not under the active KEK.
 */
export async function rotateKek(options: RotateKekOptions): Promise<KekRotationResult> {
  const wrapped = wrappedOf(options);
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
  const result = await rewrapKekWrapped(wrapped, {
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    onProgress: (progress) => options.onProgress?.({ ...progress, kekId }),
  });
  return { previousKekId, kekId, ...result };
}

/**
 * Rewrap every key of every subsystem that is not under the active KEK, one subsystem after the other. A failure
 * stops the run (what moved stays moved); a rerun continues.
 */
export async function rewrapKekWrapped(
  wrapped: readonly KekWrapped[],
  options: { batchSize?: number; onProgress?: (progress: RewrapProgress & { subsystem: string }) => void } = {},
): Promise<KekRewrapResult> {
  const bySubsystem: Record<string, number> = {};
  let rewrapped = 0;
  for (const { name, service } of wrapped) {
    const result = await service.rewrapAll({
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      onProgress: (progress) => options.onProgress?.({ ...progress, subsystem: name }),
    });
    bySubsystem[name] = result.rewrapped;
    rewrapped += result.rewrapped;
  }
  return { rewrapped, bySubsystem };
}

/**
 * What each KEK wraps, per subsystem and in total. An old KEK may be removed from the keyring once `byKek` no longer
 * names it — `pending` is 0 — and every backup that still needs it has expired.
 */
export async function kekWrapStatus(wrapped: readonly KekWrapped[]): Promise<KekWrapStatus> {
  if (wrapped.length === 0) throw noneWrapped();
  const statuses = await Promise.all(
    wrapped.map(async ({ name, service }) => [name, await service.rewrapStatus()] as const),
  );
  const byKek: Record<string, number> = {};
  const bySubsystem: KekWrapStatus["bySubsystem"] = {};
  let pending = 0;
  for (const [name, status] of statuses) {
    for (const [kekId, keys] of Object.entries(status.byKek)) byKek[kekId] = (byKek[kekId] ?? 0) + keys;
    pending += status.pending;
    bySubsystem[name] = { byKek: status.byKek, pending: status.pending };
  }
  return { activeKekId: statuses[0]![1].activeKekId, byKek, pending, bySubsystem };
}

function wrappedOf(options: RotateKekOptions): readonly KekWrapped[] {
  if (options.wrapped !== undefined && options.secrets !== undefined) {
    throw new VaultError("VALIDATION", "give wrapped or secrets, not both", { details: { field: "secrets" } });
  }
  const wrapped = options.wrapped ?? (options.secrets ? [{ name: "secrets", service: options.secrets }] : []);
  if (wrapped.length === 0) throw noneWrapped();
  const names = new Set(wrapped.map((w) => w.name));
  if (names.size !== wrapped.length) {
    throw new VaultError("VALIDATION", "each subsystem in wrapped needs a name of its own", {
      details: { field: "wrapped" },
    });
  }
  return wrapped;
}

function noneWrapped(): VaultError {
  // A rotation that rewraps nothing would leave every key under the old KEK while looking done.
  return new VaultError("VALIDATION", "name what the KEK wraps: wrapped (or secrets) must not be empty", {
    details: { field: "wrapped" },
  });
}
