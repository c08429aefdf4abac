CREATE TABLE "answer_blocks" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text NOT NULL,
	"picked_poll_id" integer NOT NULL,
	"blocked_poll_id" integer NOT NULL,
	"slots" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" bigint NOT NULL,
	"ended_at" bigint
);
--> statement-breakpoint
ALTER TABLE "answer_blocks" ADD CONSTRAINT "answer_blocks_picked_poll_id_polls_id_fk" FOREIGN KEY ("picked_poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_blocks" ADD CONSTRAINT "answer_blocks_blocked_poll_id_polls_id_fk" FOREIGN KEY ("blocked_poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_blocks_picked_idx" ON "answer_blocks" USING btree ("picked_poll_id","status");--> statement-breakpoint
CREATE INDEX "answer_blocks_blocked_idx" ON "answer_blocks" USING btree ("blocked_poll_id","status");