{
  "targets": [
    {
      "target_name": "vault_aes_gcm",
      "sources": ["native/aes_gcm.c"],
      "cflags": ["-Wall", "-Wextra", "-Werror", "-fstack-protector-strong"]
    }
  ]
}
