CREATE TABLE "answer_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"poll_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text NOT NULL,
	"at" bigint NOT NULL,
	"changes" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"poll_id" integer NOT NULL,
	"kind" text NOT NULL,
	"payload" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"last_error" text,
	"created_at" bigint NOT NULL,
	"sent_at" bigint
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"poll_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text NOT NULL,
	"states" text NOT NULL,
	"first_answered_at" bigint NOT NULL,
	"answered_at" bigint NOT NULL,
	CONSTRAINT "participants_poll_id_user_id_pk" PRIMARY KEY("poll_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"platform" text NOT NULL,
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"creator_name" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"spec" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"deadline" bigint,
	"created_at" bigint NOT NULL,
	"closed_at" bigint,
	"message_ref" text,
	"picked" text,
	CONSTRAINT "polls_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"poll_id" integer NOT NULL,
	"deadline" bigint DEFAULT 0 NOT NULL,
	"offset_minutes" integer NOT NULL,
	"claimed_at" bigint NOT NULL,
	CONSTRAINT "reminders_sent_poll_id_deadline_offset_minutes_pk" PRIMARY KEY("poll_id","deadline","offset_minutes")
);
--> statement-breakpoint
CREATE TABLE "shared_records" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "shared_records_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "user_prefs" (
	"platform" text NOT NULL,
	"user_id" text NOT NULL,
	"timezone" text,
	"locale" text,
	"updated_at" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "user_prefs_platform_user_id_pk" PRIMARY KEY("platform","user_id")
);
--> statement-breakpoint
ALTER TABLE "answer_history" ADD CONSTRAINT "answer_history_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_history_poll_idx" ON "answer_history" USING btree ("poll_id","id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "polls_channel_idx" ON "polls" USING btree ("platform","workspace_id","channel_id","status");--> statement-breakpoint
CREATE INDEX "polls_deadline_idx" ON "polls" USING btree ("status","deadline");