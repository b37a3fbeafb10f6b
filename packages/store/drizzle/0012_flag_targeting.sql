CREATE TABLE "vault_flag_usage" (
	"app_id" text NOT NULL,
	"flag_key" text NOT NULL,
	"variant" text NOT NULL,
	"day" timestamp with time zone NOT NULL,
	"count" bigint NOT NULL,
	"last_evaluated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_flag_usage_pk" PRIMARY KEY("app_id","flag_key","variant","day")
);
--> statement-breakpoint
CREATE TABLE "vault_flag_user_overrides" (
	"id" text PRIMARY KEY NOT NULL,
	"flag_id" text NOT NULL,
	"app_id" text NOT NULL,
	"user_id" text NOT NULL,
	"value" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_flag_user_overrides_flag_user" UNIQUE("flag_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "vault_segments" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"key" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"constraints" jsonb NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_segments_app_key" UNIQUE("app_id","key")
);
--> statement-breakpoint
ALTER TABLE "vault_flag_user_overrides" ADD CONSTRAINT "vault_flag_user_overrides_flag_id_vault_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."vault_flags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vault_flag_user_overrides_app" ON "vault_flag_user_overrides" USING btree ("app_id");