CREATE TABLE "vault_event_reminders" (
	"app_id" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"mark" text NOT NULL,
	"event_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_event_reminders_app_id_kind_subject_mark_pk" PRIMARY KEY("app_id","kind","subject","mark")
);
--> statement-breakpoint
CREATE TABLE "vault_events" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"type" text NOT NULL,
	"resource" text NOT NULL,
	"key" text,
	"version" integer,
	"tenant_id" text,
	"actor" jsonb,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "vault_webhook_attempts" (
	"delivery_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"app_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"outcome" text NOT NULL,
	"status_code" integer,
	"error" text,
	"info" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "vault_webhook_attempts_delivery_id_attempt_pk" PRIMARY KEY("delivery_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "vault_webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"endpoint_id" text NOT NULL,
	"event_id" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"last_duration_ms" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "vault_webhook_deliveries_endpoint_event" UNIQUE("endpoint_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "vault_webhook_endpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"event_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enabled" boolean NOT NULL,
	"disabled_reason" text,
	"secrets_ciphertext" "bytea" NOT NULL,
	"secrets_wrapped_dek" "bytea" NOT NULL,
	"secrets_kek_id" text NOT NULL,
	"secrets_version" integer NOT NULL,
	"previous_secret_expires_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vault_webhook_attempts" ADD CONSTRAINT "vault_webhook_attempts_delivery_id_vault_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."vault_webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_webhook_deliveries" ADD CONSTRAINT "vault_webhook_deliveries_endpoint_id_vault_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."vault_webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_webhook_deliveries" ADD CONSTRAINT "vault_webhook_deliveries_event_id_vault_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."vault_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vault_event_reminders_created_idx" ON "vault_event_reminders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "vault_events_waiting_idx" ON "vault_events" USING btree ("id") WHERE "vault_events"."dispatched_at" is null;--> statement-breakpoint
CREATE INDEX "vault_events_app_id_idx" ON "vault_events" USING btree ("app_id","id");--> statement-breakpoint
CREATE INDEX "vault_events_created_idx" ON "vault_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "vault_webhook_deliveries_due_idx" ON "vault_webhook_deliveries" USING btree ("next_attempt_at") WHERE "vault_webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "vault_webhook_deliveries_endpoint_idx" ON "vault_webhook_deliveries" USING btree ("endpoint_id","id");--> statement-breakpoint
CREATE INDEX "vault_webhook_deliveries_event_idx" ON "vault_webhook_deliveries" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "vault_webhook_endpoints_app_idx" ON "vault_webhook_endpoints" USING btree ("app_id","id");