CREATE TABLE "vault_flag_overrides" (
	"id" text PRIMARY KEY NOT NULL,
	"flag_id" text NOT NULL,
	"app_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"value" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_flag_overrides_flag_tenant" UNIQUE("flag_id","tenant_id")
);
--> statement-breakpoint
CREATE TABLE "vault_flag_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"flag_id" text NOT NULL,
	"app_id" text NOT NULL,
	"priority" integer NOT NULL,
	"type" text NOT NULL,
	"spec" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_flag_rules_flag_priority" UNIQUE("flag_id","priority")
);
--> statement-breakpoint
CREATE TABLE "vault_flags" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"key" text NOT NULL,
	"type" text NOT NULL,
	"default_value" jsonb NOT NULL,
	"enabled" boolean NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"variants" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prerequisites" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_flags_app_key" UNIQUE("app_id","key")
);
--> statement-breakpoint
ALTER TABLE "vault_flag_overrides" ADD CONSTRAINT "vault_flag_overrides_flag_id_vault_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."vault_flags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_flag_rules" ADD CONSTRAINT "vault_flag_rules_flag_id_vault_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."vault_flags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vault_flag_overrides_app" ON "vault_flag_overrides" USING btree ("app_id");--> statement-breakpoint
CREATE INDEX "vault_flag_rules_app" ON "vault_flag_rules" USING btree ("app_id");