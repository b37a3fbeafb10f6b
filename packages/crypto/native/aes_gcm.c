/*
 * AES-256-GCM through OpenSSL's EVP interface, for @vault/crypto's envelope (src/aes-gcm.ts).
 *
 * Why native: node:crypto builds a cipher object per call (createCipheriv, setAAD, update, final, getAuthTag), which
 * costs several microseconds per operation, and an envelope pair is four operations. Here the cipher is fetched once
 * and two contexts are reused, so one call is one key setup plus the AES work.
 *
 * The output format is exactly node:crypto's (ciphertext followed by the 16-byte tag); the TypeScript side keeps the
 * blob layout, nonces and associated data, and falls back to node:crypto when this binding is not built.
 *
 * Node links OpenSSL statically and exports its symbols; node-gyp compiles against the headers Node ships.
 */
#define NAPI_VERSION 8
#include <limits.h>
#include <node_api.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#define KEY_BYTES 32
#define NONCE_BYTES 12
#define TAG_BYTES 16
#define MAX_PARTS 8

/* One per Node environment (main thread, each worker): OpenSSL contexts are not shared across threads. */
typedef struct {
  EVP_CIPHER *cipher;
  EVP_CIPHER_CTX *ctx;
} state_t;

static void free_state(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  state_t *state = data;
  if (state == NULL) return;
  EVP_CIPHER_CTX_free(state->ctx);
  EVP_CIPHER_free(state->cipher);
  free(state);
}

/* A Uint8Array (Buffer included) argument: its bytes and length, or 0 after throwing a TypeError. */
static int bytes_of(napi_env env, napi_value value, const char *name, unsigned char **data, size_t *length) {
  bool is_typed = false;
  napi_typedarray_type type;
  void *base = NULL;
  if (napi_is_typedarray(env, value, &is_typed) != napi_ok || !is_typed ||
      napi_get_typedarray_info(env, value, &type, length, &base, NULL, NULL) != napi_ok || type != napi_uint8_array) {
    char message[96];
    snprintf(message, sizeof message, "%s must be a Uint8Array", name);
    napi_throw_type_error(env, NULL, message);
    return 0;
  }
  /* An empty view may have no backing store; EVP wants a valid pointer for zero-length input. */
  static unsigned char empty[1];
  *data = base == NULL ? empty : base;
  if (*length > (size_t)INT_MAX) {
    napi_throw_range_error(env, NULL, "AES-GCM input larger than 2 GiB");
    return 0;
  }
  return 1;
}

static state_t *state_of(napi_env env) {
  state_t *state = NULL;
  if (napi_get_instance_data(env, (void **)&state) != napi_ok || state == NULL) {
    napi_throw_error(env, NULL, "AES-GCM binding is not initialised");
    return NULL;
  }
  return state;
}

/*
 * seal(key, nonce, ad, out, ...parts): encrypt the concatenation of parts (at most 8) into out, which must be exactly
 * their total length + 16: ciphertext, then the tag. On any failure out is zeroed and an Error is thrown.
 */
static napi_value seal(napi_env env, napi_callback_info info) {
  size_t argc = 4 + MAX_PARTS;
  napi_value args[4 + MAX_PARTS];
  if (napi_get_cb_info(env, info, &argc, args, NULL, NULL) != napi_ok) return NULL;
  if (argc < 4 || argc > 4 + MAX_PARTS) {
    napi_throw_type_error(env, NULL, "seal(key, nonce, ad, out, ...parts) takes 1 to 8 parts");
    return NULL;
  }
  state_t *state = state_of(env);
  if (state == NULL) return NULL;
  unsigned char *key, *nonce, *ad, *out;
  size_t key_len, nonce_len, ad_len, out_len;
  if (!bytes_of(env, args[0], "key", &key, &key_len) || !bytes_of(env, args[1], "nonce", &nonce, &nonce_len) ||
      !bytes_of(env, args[2], "ad", &ad, &ad_len) || !bytes_of(env, args[3], "out", &out, &out_len)) {
    return NULL;
  }
  unsigned char *parts[MAX_PARTS];
  size_t part_lens[MAX_PARTS];
  size_t parts_count = argc - 4, total = 0;
  for (size_t i = 0; i < parts_count; i++) {
    if (!bytes_of(env, args[4 + i], "part", &parts[i], &part_lens[i])) return NULL;
    total += part_lens[i];
  }
  if (key_len != KEY_BYTES || nonce_len != NONCE_BYTES || total > (size_t)INT_MAX - TAG_BYTES ||
      out_len != total + TAG_BYTES) {
    napi_throw_range_error(env, NULL, "seal: key must be 32 bytes, nonce 12, out the plaintext length + 16");
    return NULL;
  }
  EVP_CIPHER_CTX *ctx = state->ctx;
  int len = 0, ok = EVP_EncryptInit_ex(ctx, state->cipher, NULL, key, nonce) == 1 &&
                    EVP_EncryptUpdate(ctx, NULL, &len, ad, (int)ad_len) == 1;
  size_t offset = 0;
  for (size_t i = 0; ok && i < parts_count; i++) {
    ok = EVP_EncryptUpdate(ctx, out + offset, &len, parts[i], (int)part_lens[i]) == 1;
    offset += (size_t)len;
  }
  ok = ok && EVP_EncryptFinal_ex(ctx, out + offset, &len) == 1;
  offset += (size_t)len;
  ok = ok && offset == total && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, TAG_BYTES, out + total) == 1;
  /* Drop the key schedule now rather than keep the last data key's in memory until the next call. */
  EVP_CIPHER_CTX_reset(ctx);
  if (!ok) {
    OPENSSL_cleanse(out, out_len);
    napi_throw_error(env, NULL, "AES-256-GCM encryption failed");
  }
  return NULL;
}

/*
 * open(key, nonce, ad, body, tag, out) → boolean: decrypt body into out (same length) and check the tag. On a
 * mismatch (or any failure) out is zeroed and false is returned: unauthenticated output never leaves.
 */
static napi_value open_sealed(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value args[6];
  if (napi_get_cb_info(env, info, &argc, args, NULL, NULL) != napi_ok) return NULL;
  if (argc != 6) {
    napi_throw_type_error(env, NULL, "open(key, nonce, ad, body, tag, out) takes 6 arguments");
    return NULL;
  }
  state_t *state = state_of(env);
  if (state == NULL) return NULL;
  unsigned char *key, *nonce, *ad, *body, *tag, *out;
  size_t key_len, nonce_len, ad_len, body_len, tag_len, out_len;
  if (!bytes_of(env, args[0], "key", &key, &key_len) || !bytes_of(env, args[1], "nonce", &nonce, &nonce_len) ||
      !bytes_of(env, args[2], "ad", &ad, &ad_len) || !bytes_of(env, args[3], "body", &body, &body_len) ||
      !bytes_of(env, args[4], "tag", &tag, &tag_len) || !bytes_of(env, args[5], "out", &out, &out_len)) {
    return NULL;
  }
  if (key_len != KEY_BYTES || nonce_len != NONCE_BYTES || tag_len != TAG_BYTES || out_len != body_len) {
    napi_throw_range_error(env, NULL, "open: key must be 32 bytes, nonce 12, tag 16, out the body's length");
    return NULL;
  }
  EVP_CIPHER_CTX *ctx = state->ctx;
  unsigned char tag_copy[TAG_BYTES];
  memcpy(tag_copy, tag, TAG_BYTES); /* SET_TAG takes a non-const pointer */
  int len = 0, ok = EVP_DecryptInit_ex(ctx, state->cipher, NULL, key, nonce) == 1 &&
                    EVP_DecryptUpdate(ctx, NULL, &len, ad, (int)ad_len) == 1 &&
                    EVP_DecryptUpdate(ctx, out, &len, body, (int)body_len) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, TAG_BYTES, tag_copy) == 1;
  size_t written = (size_t)len;
  /* The tag check (constant-time inside OpenSSL) happens here; a mismatch fails Final. */
  ok = ok && EVP_DecryptFinal_ex(ctx, out + written, &len) == 1 && written + (size_t)len == body_len;
  EVP_CIPHER_CTX_reset(ctx);
  if (!ok) OPENSSL_cleanse(out, out_len);
  napi_value result;
  napi_get_boolean(env, ok, &result);
  return result;
}

NAPI_MODULE_INIT() {
  state_t *state = calloc(1, sizeof *state);
  if (state == NULL) {
    napi_throw_error(env, NULL, "out of memory");
    return NULL;
  }
  state->cipher = EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL);
  state->ctx = EVP_CIPHER_CTX_new();
  if (state->cipher == NULL || state->ctx == NULL) {
    free_state(env, state, NULL);
    napi_throw_error(env, NULL, "OpenSSL has no AES-256-GCM");
    return NULL;
  }
  if (napi_set_instance_data(env, state, free_state, NULL) != napi_ok) {
    free_state(env, state, NULL);
    return NULL;
  }
  napi_value fn;
  if (napi_create_function(env, "seal", NAPI_AUTO_LENGTH, seal, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "seal", fn) != napi_ok ||
      napi_create_function(env, "open", NAPI_AUTO_LENGTH, open_sealed, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "open", fn) != napi_ok) {
    return NULL;
  }
  return exports;
}
