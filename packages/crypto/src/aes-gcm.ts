import { createCipheriv, createDecipheriv } from "node:crypto";
import { createRequire } from "node:module";
import { TAG_BYTES } from "./format";

/**
 * AES-256-GCM, the one cipher every blob of this package uses. Two interchangeable implementations produce the
 * same bytes: the native binding (`native/aes_gcm.c`, built at install when a C compiler is there) and node:crypto.
 * node:crypto builds a cipher object per call, several microseconds each, and an envelope pair takes four calls;
 * the binding reuses one OpenSSL context, so a call costs about what the AES work costs.
 */
export interface AesGcm {
  /** Which implementation this is. */
  readonly name: "native" | "node:crypto";
  /**
   * Encrypt the concatenation of `parts` under `key` (32 bytes) and `nonce` (12 bytes), authenticating
   * `ad` too. Writes the ciphertext then the 16-byte tag into `out`, which must be exactly that long.
   */
  seal(key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, parts: readonly Uint8Array[], out: Uint8Array): void;
  /** Decrypt `body` and check `tag`. Undefined when anything does not authenticate: no unverified byte leaves. */
  open(key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, body: Uint8Array, tag: Uint8Array): Buffer | undefined;
}

/** The most parts the native binding encrypts in place; more are copied together first. */
const MAX_SEAL_PARTS = 8;

/** AES-256-GCM through node:crypto: always available. */
export const nodeAesGcm: AesGcm = {
  name: "node:crypto",
  seal(key, nonce, ad, parts, out) {
    const cipher = createCipheriv("aes-256-gcm", key, nonce);
    cipher.setAAD(ad);
    let offset = 0;
    for (const part of parts) {
      const chunk = cipher.update(part);
      out.set(chunk, offset);
      offset += chunk.length;
    }
    const tail = cipher.final();
    out.set(tail, offset);
    offset += tail.length;
    out.set(cipher.getAuthTag(), offset);
  },
  open(key, nonce, ad, body, tag) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, nonce);
      decipher.setAAD(ad);
      decipher.setAuthTag(tag);
      const plain = decipher.update(body);
      decipher.final();
      return plain;
    } catch {
      // GCM decrypts before it authenticates: whatever update() produced is dropped with the exception.
      return undefined;
    }
  },
};

interface Binding {
  seal(key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, out: Uint8Array, ...parts: Uint8Array[]): void;
  open(key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, body: Uint8Array, tag: Uint8Array, out: Uint8Array): boolean;
}

function nativeFrom(binding: Binding): AesGcm {
  return {
    name: "native",
    seal(key, nonce, ad, parts, out) {
      if (parts.length > MAX_SEAL_PARTS) binding.seal(key, nonce, ad, out, Buffer.concat(parts));
      else binding.seal(key, nonce, ad, out, ...parts);
    },
    open(key, nonce, ad, body, tag) {
      if (tag.length !== TAG_BYTES) return undefined;
      const out = Buffer.allocUnsafe(body.length);
      return binding.open(key, nonce, ad, body, tag, out) ? out : undefined;
    },
  };
}

let native: AesGcm | null | undefined;
let nativeProblem: string | undefined;

/**
 * The native binding, loaded on first use; undefined when it was not built (or cannot load here), with the reason
 * in {@link aesGcmStatus}. The path is the same from `src/` and from `dist/`.
 */
export function nativeAesGcm(): AesGcm | undefined {
  if (native === undefined) {
    try {
      const binding = createRequire(import.meta.url)("../build/Release/vault_aes_gcm.node") as Binding;
      native = nativeFrom(binding);
    } catch (error) {
      native = null;
      nativeProblem = (error as Error).message.split("\n")[0];
    }
  }
  return native ?? undefined;
}

let selected: AesGcm | undefined;

/**
 * The implementation the package uses: the native binding when it loads, else node:crypto. Setting
 * `VAULT_CRYPTO_NATIVE=0` before the first use selects node:crypto (to rule the binding out when diagnosing).
 */
export function aesGcm(): AesGcm {
  if (selected === undefined) {
    selected = process.env.VAULT_CRYPTO_NATIVE === "0" ? nodeAesGcm : (nativeAesGcm() ?? nodeAesGcm);
  }
  return selected;
}

/** Which AES-GCM implementation is in use and, when it is node:crypto, why (for start-up logs and benchmarks). */
export function aesGcmStatus(): { implementation: AesGcm["name"]; reason?: string } {
  const current = aesGcm();
  if (current.name === "native") return { implementation: "native" };
  return {
    implementation: "node:crypto",
    reason:
      process.env.VAULT_CRYPTO_NATIVE === "0"
        ? "VAULT_CRYPTO_NATIVE=0"
        : `the native binding is not available (${nativeProblem ?? "not loaded"})`,
  };
}
