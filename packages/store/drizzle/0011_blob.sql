CREATE TABLE "vault_blob_apps" (
	"app_id" text PRIMARY KEY NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"kek_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_blob_owner_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"owner" text NOT NULL,
	"wrapped_key" "bytea",
	"kek_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"shredded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "vault_blob_policies" (
	"app_id" text NOT NULL,
	"purpose" text NOT NULL,
	"max_retention_days" integer NOT NULL,
	"default_ttl_days" integer NOT NULL,
	"access" text NOT NULL,
	"allowed_apps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"granted_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"require_identity" boolean DEFAULT false NOT NULL,
	"max_retrievals" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_blob_policies_pk" PRIMARY KEY("app_id","purpose")
);
--> statement-breakpoint
CREATE TABLE "vault_blob_purges" (
	"blob_id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"purpose" text NOT NULL,
	"external_id" text NOT NULL,
	"owner_key_id" text NOT NULL,
	"size" integer NOT NULL,
	"content_digest" "bytea" NOT NULL,
	"reason" text NOT NULL,
	"purged_at" timestamp with time zone NOT NULL,
	"sweep_id" text,
	"proof" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_blob_sweeps" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text,
	"trigger" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"purged" integer DEFAULT 0 NOT NULL,
	"batches" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "vault_blobs" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"purpose" text NOT NULL,
	"external_id" text NOT NULL,
	"owner" text NOT NULL,
	"owner_key_id" text NOT NULL,
	"size" integer NOT NULL,
	"content_digest" "bytea" NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"wrapped_dek" "bytea" NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"max_retrievals" integer,
	"retrieval_count" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vault_blobs" ADD CONSTRAINT "vault_blobs_owner_key_id_vault_blob_owner_keys_id_fk" FOREIGN KEY ("owner_key_id") REFERENCES "public"."vault_blob_owner_keys"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vault_blob_owner_keys_live" ON "vault_blob_owner_keys" USING btree ("app_id","owner") WHERE "vault_blob_owner_keys"."shredded_at" is null;--> statement-breakpoint
CREATE INDEX "vault_blob_purges_app_entry" ON "vault_blob_purges" USING btree ("app_id","purpose","external_id","purged_at");--> statement-breakpoint
CREATE INDEX "vault_blob_purges_app_time" ON "vault_blob_purges" USING btree ("app_id","purged_at");--> statement-breakpoint
CREATE INDEX "vault_blob_sweeps_started" ON "vault_blob_sweeps" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vault_blobs_app_purpose_external" ON "vault_blobs" USING btree ("app_id","purpose","external_id");--> statement-breakpoint
CREATE INDEX "vault_blobs_app_purpose_id" ON "vault_blobs" USING btree ("app_id","purpose","id");--> statement-breakpoint
CREATE INDEX "vault_blobs_due" ON "vault_blobs" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "vault_blobs_owner_key" ON "vault_blobs" USING btree ("owner_key_id");