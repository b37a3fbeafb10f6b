CREATE TABLE "vault_rotation_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"secret_key" text NOT NULL,
	"interval_ms" bigint NOT NULL,
	"enabled" boolean NOT NULL,
	"strategy" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_rotated_at" timestamp with time zone,
	"next_rotation_at" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"retry_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_rotation_policies_app_key" UNIQUE("app_id","secret_key")
);
--> statement-breakpoint
CREATE TABLE "vault_rotations" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"secret_key" text NOT NULL,
	"policy_id" text,
	"old_version" integer,
	"new_version" integer,
	"outcome" text NOT NULL,
	"error" text,
	"trigger" text NOT NULL,
	"actor" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "vault_rotation_policies_due" ON "vault_rotation_policies" USING btree ("next_rotation_at");--> statement-breakpoint
CREATE INDEX "vault_rotations_app_key_created" ON "vault_rotations" USING btree ("app_id","secret_key","created_at");