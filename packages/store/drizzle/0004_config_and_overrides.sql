CREATE TABLE "vault_config_changes" (
	"app_id" text NOT NULL,
	"revision" bigint NOT NULL,
	"key" text NOT NULL,
	"tenant_id" text,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_config_changes_app_id_revision_pk" PRIMARY KEY("app_id","revision")
);
--> statement-breakpoint
CREATE TABLE "vault_config_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"key" text NOT NULL,
	"value_type" text NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer NOT NULL,
	"description" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"json_schema" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_config_entries_app_key" UNIQUE("app_id","key")
);
--> statement-breakpoint
CREATE TABLE "vault_config_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"app_id" text NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"value_type" text NOT NULL,
	"value" jsonb NOT NULL,
	"rolled_back_from" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_config_versions_entry_version" UNIQUE("entry_id","version")
);
--> statement-breakpoint
CREATE TABLE "vault_config_overrides" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"key" text NOT NULL,
	"tenant_id" text NOT NULL,
	"value_type" text NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer NOT NULL,
	"description" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_config_overrides_app_key_tenant" UNIQUE("app_id","key","tenant_id")
);
--> statement-breakpoint
ALTER TABLE "vault_config_versions" ADD CONSTRAINT "vault_config_versions_entry_id_vault_config_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."vault_config_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vault_config_overrides_app_tenant_key" ON "vault_config_overrides" USING btree ("app_id","tenant_id","key");