CREATE INDEX "vault_blob_owner_keys_kek" ON "vault_blob_owner_keys" USING btree ("kek_id");--> statement-breakpoint
CREATE INDEX "vault_tokens_kek" ON "vault_tokens" USING btree ("kek_id");