import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { VaultError } from "@vault/core";
import { Keyring } from "@vault/crypto";
import type { Settings } from "./settings";

/** Where the key material for this instance comes from, and what was created on this start. */
export interface LoadedKeys {
  keyring: Keyring;
  /** Path of the keyring file (undefined when it came from VAULT_KEYRING). KEK rotation rewrites it. */
  keyringFile: string | undefined;
  keyringCreated: boolean;
  auditHmacKey: Buffer;
  auditHmacKeyFile: string | undefined;
  auditHmacKeyCreated: boolean;
}

/**
 * Load the keyring (VAULT_KEYRING, else VAULT_KEYRING_FILE, else `<data dir>/keyring.json`, created with mode 0600
 * on first start) and the audit HMAC key (VAULT_AUDIT_HMAC_KEY, else `<data dir>/audit-hmac.key`, likewise).
 */
export async function loadKeys(settings: Settings): Promise<LoadedKeys> {
  const dataDir = resolve(settings.VAULT_DATA_DIR);
  let keyring: Keyring;
  let keyringFile: string | undefined;
  let keyringCreated = false;
  if (settings.VAULT_KEYRING) {
    keyring = Keyring.parse(settings.VAULT_KEYRING, "VAULT_KEYRING");
  } else {
    keyringFile = resolve(settings.VAULT_KEYRING_FILE ?? join(dataDir, "keyring.json"));
    ({ keyring, created: keyringCreated } = await Keyring.loadOrCreateFile(keyringFile));
  }
  let auditHmacKey: Buffer;
  let auditHmacKeyFile: string | undefined;
  let auditHmacKeyCreated = false;
  if (settings.VAULT_AUDIT_HMAC_KEY) {
    auditHmacKey = Buffer.from(settings.VAULT_AUDIT_HMAC_KEY, "base64");
  } else {
    auditHmacKeyFile = join(dataDir, "audit-hmac.key");
    ({ key: auditHmacKey, created: auditHmacKeyCreated } = await loadOrCreateSecretFile(auditHmacKeyFile));
  }
  return { keyring, keyringFile, keyringCreated, auditHmacKey, auditHmacKeyFile, auditHmacKeyCreated };
}

async function loadOrCreateSecretFile(path: string): Promise<{ key: Buffer; created: boolean }> {
  try {
    const text = (await readFile(path, "utf8")).trim();
    const key = Buffer.from(text, "base64");
    if (key.length < 16) throw new VaultError("VALIDATION", `${path}: must hold at least 16 bytes in base64`);
    return { key, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    const handle = await open(path, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o600);
    try {
      await handle.writeFile(`${key.toString("base64")}\n`, "utf8");
    } finally {
      await handle.close();
    }
    return { key, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return loadOrCreateSecretFile(path);
    throw error;
  }
}

/**
 * Write a keyring file atomically with mode 0600 (write a sibling, then rename), so a crash never leaves half a
 * keyring behind.
 */
export async function writeKeyringFile(path: string, keyring: Keyring): Promise<void> {
  const { rename } = await import("node:fs/promises");
  const partial = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  const handle = await open(partial, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o600);
  try {
    await handle.writeFile(`${keyring.serialize()}\n`, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, path);
}
