CREATE TABLE "answer_matrices" (
	"poll_id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"slot_count" integer NOT NULL,
	"people" text NOT NULL,
	"bits" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answer_matrices" ADD CONSTRAINT "answer_matrices_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;