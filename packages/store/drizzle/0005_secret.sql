CREATE TABLE "vault_secret_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"secret_id" text NOT NULL,
	"version" integer NOT NULL,
	"ciphertext" "bytea",
	"wrapped_dek" "bytea",
	"kek_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"deleted_at" timestamp with time zone,
	"destroyed_at" timestamp with time zone,
	CONSTRAINT "vault_secret_versions_secret_version" UNIQUE("secret_id","version")
);
--> statement-breakpoint
CREATE TABLE "vault_secrets" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"key" text NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"max_versions" integer NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_secrets_app_key" UNIQUE("app_id","key")
);
--> statement-breakpoint
ALTER TABLE "vault_secret_versions" ADD CONSTRAINT "vault_secret_versions_secret_id_vault_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."vault_secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vault_secret_versions_kek" ON "vault_secret_versions" USING btree ("kek_id");