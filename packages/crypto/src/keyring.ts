import { constants as fsConstants } from "node:fs";
import { mkdir, open, readFile, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { newId, parseInput, VaultError } from "@vault/core";
import { z } from "zod";
import { openBlob, sealBlob } from "./aes-gcm";
import { DEK_BYTES } from "./envelope";
import { decryptionFailed, FORMAT_VERSION, lengthPrefixed, NONCE_BYTES, TAG_BYTES } from "./format";
import { keyBufferFrom, randomKeyBuffer } from "./key-buffer";

/** Bytes in a key-encryption key (AES-256). */
export const KEK_BYTES = 32;

/**
 * Wraps and unwraps data keys (DEKs) with key-encryption keys (KEKs) named by id. The local {@link Keyring}
 * implements it; a cloud KMS can implement it too (every method may return a promise).
 */
export interface KeyProvider {
  /** The id of the KEK new DEKs are wrapped with. */
  activeKeyId(): string;
  /** Wrap `dek` with the KEK `keyId` (default: the active one). */
  wrapKey(dek: Uint8Array, keyId?: string): WrappedKey | Promise<WrappedKey>;
  /** Unwrap a DEK wrapped by {@link wrapKey}. Unknown KEK → KEY_UNAVAILABLE; tampered → DECRYPTION_FAILED. */
  unwrapKey(keyId: string, wrapped: Uint8Array): Buffer | Promise<Buffer>;
  /** True when the KEK `keyId` is available for unwrapping. */
  hasKey(keyId: string): boolean | Promise<boolean>;
}

/** A DEK wrapped by a KEK: the wrapped bytes and the KEK's id (both stored beside the ciphertext). */
export interface WrappedKey {
  keyId: string;
  wrapped: Buffer;
}

/** KEK ids: letters, digits and `_ . -`, 1–64 characters (no `:`, `,`, `;`, `=`, which the compact format uses). */
export const kekIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "a KEK id must be 1-64 characters of letters, digits, '_', '.', '-'");

const base64Key = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+$/, "must be base64")
  .transform((text, ctx) => {
    const encoding = text.includes("-") || text.includes("_") ? "base64url" : "base64";
    const length = Buffer.byteLength(text, encoding);
    if (length !== KEK_BYTES) {
      ctx.addIssue({ code: "custom", message: `must decode to ${KEK_BYTES} bytes, got ${length}` });
      return z.NEVER;
    }
    // Decoded straight into a buffer of its own: Buffer.from(text, "base64") would leave a copy in Node's pool.
    const key = Buffer.alloc(KEK_BYTES);
    key.write(text, encoding);
    return key;
  });

const keyringSchema = z
  .object({
    active: kekIdSchema,
    keys: z.record(kekIdSchema, base64Key).refine((keys) => Object.keys(keys).length > 0, "needs at least one key"),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!(value.active in value.keys)) {
      ctx.addIssue({ code: "custom", path: ["active"], message: `active KEK "${value.active}" is not among the keys` });
    }
  });

/** The JSON form of a keyring file or `VAULT_KEYRING`: `{"active": id, "keys": {id: base64 32 bytes}}`. */
export type KeyringJson = z.input<typeof keyringSchema>;

const WRAP_DOMAIN = Buffer.from("vault/dek/v1", "utf8");

/**
 * A local keyring: 32-byte KEKs with ids, exactly one active. Key material stays in private fields: it is not
 * enumerable, not in `JSON.stringify`, and not shown by `console.log`.
 */
export class Keyring implements KeyProvider {
  // Buffers of their own (see key-buffer.ts) that only the keyring holds: zeroed when a key is removed, never handed out.
  readonly #keys: Map<string, Buffer>;
  #active: string;

  /** Takes ownership of `keys`: each one a buffer of its own that nothing else refers to. */
  private constructor(keys: Map<string, Buffer>, active: string) {
    this.#keys = keys;
    this.#active = active;
  }

  /** A new keyring with one freshly generated KEK (id `kek_…`), active. */
  static generate(): Keyring {
    const id = newId("kek");
    return new Keyring(new Map([[id, randomKeyBuffer(KEK_BYTES)]]), id);
  }

  /**
   * Parse a keyring from text in either documented format (`source` names it in error messages):
   * - JSON: `{"active":"kek_a","keys":{"kek_a":"<base64 32 bytes>","kek_old":"<base64>"}}`
   * - compact: `kek_a:<base64>,kek_old:<base64>;active=kek_a` (`;active=` may be left out with a single key)
   */
  static parse(text: string, source = "keyring"): Keyring {
    const trimmed = text.trim();
    if (trimmed === "") throw invalidKeyring(source, "it is empty");
    let candidate: unknown;
    if (trimmed.startsWith("{")) {
      try {
        candidate = JSON.parse(trimmed);
      } catch {
        throw invalidKeyring(source, "it starts with '{' but is not valid JSON");
      }
    } else {
      candidate = parseCompact(trimmed, source);
    }
    const result = keyringSchema.safeParse(candidate);
    if (!result.success) {
      const problems = result.error.issues.map((issue) => {
        const path = issue.path.map(String).join(".");
        return path ? `${path}: ${issue.message}` : issue.message;
      });
      throw invalidKeyring(source, problems.join("; "));
    }
    return new Keyring(new Map(Object.entries(result.data.keys)), result.data.active);
  }

  /** Load from the `VAULT_KEYRING` environment variable (or `variable`); undefined when it is not set. */
  static fromEnv(
    env: Record<string, string | undefined> = process.env,
    variable = "VAULT_KEYRING",
  ): Keyring | undefined {
    const text = env[variable];
    if (text === undefined || text.trim() === "") return undefined;
    return Keyring.parse(text, variable);
  }

  /** Load a keyring file (either format). A missing file is KEY_UNAVAILABLE. */
  static async fromFile(path: string): Promise<Keyring> {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (cause) {
      throw new VaultError("KEY_UNAVAILABLE", `cannot read keyring file ${path}: ${(cause as Error).message}`, {
        details: { path },
        cause,
      });
    }
    return Keyring.parse(text, `keyring file ${path}`);
  }

  /**
   * Generate a keyring and write it to `path` with mode 0600 (the directory is created with 0700). Fails with
   * ALREADY_EXISTS rather than overwrite an existing file: overwriting a keyring strands every value under it.
   */
  static async createFile(path: string): Promise<Keyring> {
    const keyring = Keyring.generate();
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o600);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === "EEXIST") {
        throw new VaultError("ALREADY_EXISTS", `keyring file ${path} already exists; not overwriting it`, {
          details: { path },
          cause,
        });
      }
      throw cause;
    }
    try {
      await handle.writeFile(`${keyring.serialize()}\n`, "utf8");
      await handle.chmod(0o600);
    } finally {
      await handle.close();
    }
    return keyring;
  }

  /**
   * Load `path`, or create it (mode 0600) when it does not exist — the embedded default. `created` tells the
   * caller to print a loud notice: the file must be backed up, or every secret under it is lost with it.
   */
  static async loadOrCreateFile(path: string): Promise<{ keyring: Keyring; created: boolean }> {
    const exists = await stat(path).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
    if (exists) return { keyring: await Keyring.fromFile(path), created: false };
    try {
      return { keyring: await Keyring.createFile(path), created: true };
    } catch (error) {
      // Another process created it between stat and open: use theirs.
      if ((error as VaultError).code === "ALREADY_EXISTS")
        return { keyring: await Keyring.fromFile(path), created: false };
      throw error;
    }
  }

  activeKeyId(): string {
    return this.#active;
  }

  /** Every KEK id, sorted. */
  keyIds(): string[] {
    return [...this.#keys.keys()].sort();
  }

  hasKey(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  /** Add a KEK (generated when `key` is not given) and return its id. It does not become active. */
  add(options: { id?: string; key?: Uint8Array } = {}): string {
    const id = options.id === undefined ? newId("kek") : parseInput(kekIdSchema, options.id, "KEK id");
    if (this.#keys.has(id)) {
      throw new VaultError("ALREADY_EXISTS", `KEK "${id}" is already in the keyring`, { details: { kekId: id } });
    }
    if (options.key !== undefined && options.key.length !== KEK_BYTES) {
      throw new VaultError("VALIDATION", `KEK "${id}" must be ${KEK_BYTES} bytes, got ${options.key.length}`, {
        details: { kekId: id },
      });
    }
    // A copy of the caller's key: theirs stays theirs to zero.
    this.#keys.set(id, options.key === undefined ? randomKeyBuffer(KEK_BYTES) : keyBufferFrom(options.key));
    return id;
  }

  /** Make `keyId` the KEK new values are wrapped with. */
  activate(keyId: string): void {
    this.#require(keyId);
    this.#active = keyId;
  }

  /** Remove a KEK (after `rewrapAll` moved everything off it). The active KEK cannot be removed. */
  remove(keyId: string): void {
    this.#require(keyId);
    if (keyId === this.#active) {
      throw new VaultError("CONFLICT", `KEK "${keyId}" is active; activate another key before removing it`, {
        details: { kekId: keyId },
      });
    }
    this.#keys.get(keyId)?.fill(0);
    this.#keys.delete(keyId);
  }

  /** The keyring in its JSON format, key material included: write it only to a 0600 file or a secret store. */
  serialize(): string {
    const keys: Record<string, string> = {};
    for (const id of this.keyIds()) keys[id] = this.#keys.get(id)!.toString("base64");
    return JSON.stringify({ active: this.#active, keys } satisfies KeyringJson);
  }

  wrapKey(dek: Uint8Array, keyId: string = this.#active): WrappedKey {
    const kek = this.#require(keyId);
    // Blob: version byte ‖ nonce ‖ encrypted DEK ‖ tag. The AD binds it to its KEK id and format version.
    return { keyId, wrapped: sealBlob(kek, wrapAd(keyId), [dek]) };
  }

  unwrapKey(keyId: string, wrapped: Uint8Array): Buffer {
    const kek = this.#require(keyId);
    if (wrapped.length !== 1 + NONCE_BYTES + DEK_BYTES + TAG_BYTES || wrapped[0] !== FORMAT_VERSION) {
      throw decryptionFailed("wrapped data key has an unknown format");
    }
    const plain = openBlob(kek, wrapAd(keyId), wrapped);
    if (plain === undefined) {
      throw decryptionFailed("wrapped data key failed authentication (tampered, or wrapped by another KEK)");
    }
    // Where node:crypto put its output is its business: the DEK moves into a buffer of its own, the original is zeroed.
    const dek = keyBufferFrom(plain);
    plain.fill(0);
    return dek;
  }

  /** What the keyring is, without key material (also what `console.log` shows). */
  toJSON(): { activeKeyId: string; keyIds: string[] } {
    return { activeKeyId: this.#active, keyIds: this.keyIds() };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Keyring { active: ${this.#active}, keys: [${this.keyIds().join(", ")}] }`;
  }

  #require(keyId: string): Buffer {
    const key = this.#keys.get(keyId);
    if (key === undefined) throw keyUnavailable(keyId);
    return key;
  }
}

/** KEY_UNAVAILABLE naming the missing KEK. */
export function keyUnavailable(keyId: string): VaultError {
  return new VaultError(
    "KEY_UNAVAILABLE",
    `KEK "${keyId}" is not in the keyring: load a keyring that contains it (VAULT_KEYRING or the keyring file)`,
    { details: { kekId: keyId } },
  );
}

/** Rewrap a DEK from the KEK it is under to `toKeyId` (default: the active KEK) without touching the value. */
export async function rewrapKey(
  keys: KeyProvider,
  fromKeyId: string,
  wrapped: Uint8Array,
  toKeyId?: string,
): Promise<WrappedKey> {
  const dek = await keys.unwrapKey(fromKeyId, wrapped);
  try {
    return await keys.wrapKey(dek, toKeyId ?? keys.activeKeyId());
  } finally {
    dek.fill(0);
  }
}

const wrapAdCache = new Map<string, Buffer>();

function wrapAd(keyId: string): Buffer {
  let ad = wrapAdCache.get(keyId);
  if (ad === undefined) {
    ad = Buffer.concat([Buffer.of(FORMAT_VERSION), lengthPrefixed([WRAP_DOMAIN, Buffer.from(keyId, "utf8")])]);
    if (wrapAdCache.size < 1024) wrapAdCache.set(keyId, ad);
  }
  return ad;
}

function parseCompact(text: string, source: string): unknown {
  const segments = text.split(";").map((s) => s.trim());
  const keys: Record<string, string> = {};
  let active: string | undefined;
  const keyPart = segments[0] ?? "";
  for (const [index, option] of segments.slice(1).entries()) {
    if (option === "") continue;
    const match = /^active=(.*)$/.exec(option);
    // Name the segment by position, never by content: a key mistakenly separated with ";" would be echoed.
    if (!match)
      throw invalidKeyring(source, `segment ${index + 2} after ";" is not "active=<id>" (separate keys with ",")`);
    active = match[1]!.trim();
  }
  for (const [index, entry] of keyPart.split(",").entries()) {
    const colon = entry.indexOf(":");
    if (colon === -1) throw invalidKeyring(source, `entry ${index + 1} is not "<id>:<base64 key>"`);
    const id = entry.slice(0, colon).trim();
    if (id in keys) throw invalidKeyring(source, `KEK "${id}" appears twice`);
    keys[id] = entry.slice(colon + 1).trim();
  }
  const ids = Object.keys(keys);
  if (active === undefined) {
    if (ids.length !== 1) throw invalidKeyring(source, 'with several keys, name the active one: ";active=<id>"');
    active = ids[0];
  }
  return { active, keys };
}

function invalidKeyring(source: string, problem: string): VaultError {
  return new VaultError("VALIDATION", `invalid ${source}: ${problem}`, { details: { source } });
}
