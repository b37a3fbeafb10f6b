CREATE TABLE "vault_api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"name" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"key_hash" "bytea" NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "vault_api_keys" ADD CONSTRAINT "vault_api_keys_app_id_vault_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."vault_apps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vault_api_keys_key_hash_uq" ON "vault_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "vault_api_keys_app_idx" ON "vault_api_keys" USING btree ("app_id","id");