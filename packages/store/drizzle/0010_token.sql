CREATE TABLE "vault_token_apps" (
	"app_id" text PRIMARY KEY NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"kek_id" text NOT NULL,
	"password_salt" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_token_password_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"fingerprint" "bytea" NOT NULL,
	"kdf" jsonb NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_token_password_keys_app_fingerprint" UNIQUE("app_id","fingerprint")
);
--> statement-breakpoint
CREATE TABLE "vault_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"token_hmac" "bytea" NOT NULL,
	"version" integer NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"wrapped_dek" "bytea" NOT NULL,
	"kek_id" text,
	"password_key_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failed_password_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_tokens_app_token" UNIQUE("app_id","token_hmac")
);
--> statement-breakpoint
ALTER TABLE "vault_tokens" ADD CONSTRAINT "vault_tokens_password_key_id_vault_token_password_keys_id_fk" FOREIGN KEY ("password_key_id") REFERENCES "public"."vault_token_password_keys"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vault_tokens_app_created" ON "vault_tokens" USING btree ("app_id","created_at","id");--> statement-breakpoint
CREATE INDEX "vault_tokens_app_expires" ON "vault_tokens" USING btree ("app_id","expires_at");--> statement-breakpoint
CREATE INDEX "vault_tokens_password_key" ON "vault_tokens" USING btree ("password_key_id");