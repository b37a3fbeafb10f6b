CREATE TABLE "vault_audit_chain" (
	"id" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_audit_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint,
	"app_id" text NOT NULL,
	"action" text NOT NULL,
	"resource" text NOT NULL,
	"key" text,
	"tenant_id" text,
	"actor_app_id" text,
	"actor_api_key_id" text,
	"actor_user_id" text,
	"actor_system" text,
	"ip" text,
	"request_id" text,
	"outcome" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"prev_hash" text,
	"hash" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "vault_audit_entries_seq_uq" ON "vault_audit_entries" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "vault_audit_entries_unchained_idx" ON "vault_audit_entries" USING btree ("id") WHERE "vault_audit_entries"."seq" is null;--> statement-breakpoint
CREATE INDEX "vault_audit_entries_app_seq_idx" ON "vault_audit_entries" USING btree ("app_id","seq");--> statement-breakpoint
CREATE INDEX "vault_audit_entries_app_key_seq_idx" ON "vault_audit_entries" USING btree ("app_id","key","seq");--> statement-breakpoint
CREATE INDEX "vault_audit_entries_app_action_seq_idx" ON "vault_audit_entries" USING btree ("app_id","action","seq");--> statement-breakpoint
CREATE INDEX "vault_audit_entries_hash_idx" ON "vault_audit_entries" USING btree ("hash");