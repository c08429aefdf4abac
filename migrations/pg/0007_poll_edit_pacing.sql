CREATE TABLE "poll_edit_pacing" (
	"poll_id" integer PRIMARY KEY NOT NULL,
	"next_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "poll_edit_pacing" ADD CONSTRAINT "poll_edit_pacing_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;