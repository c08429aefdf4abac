-- Kept rows are a cache, worked out again from participants on the next read: the new columns start
-- from none. TRUNCATE, not DELETE: its lock holds to the end of the migration, so an instance still
-- on the old code cannot keep a row between here and the NOT NULL columns below.
TRUNCATE "answer_matrices";--> statement-breakpoint
CREATE TABLE "answer_matrix_bands" (
	"poll_id" integer NOT NULL,
	"band" integer NOT NULL,
	"version" integer NOT NULL,
	"bits" "bytea" NOT NULL,
	CONSTRAINT "answer_matrix_bands_poll_id_band_pk" PRIMARY KEY("poll_id","band")
);
--> statement-breakpoint
ALTER TABLE "answer_matrices" ADD COLUMN "window_slots" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "answer_matrices" ADD COLUMN "band_slots" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "answer_matrices" ADD COLUMN "counts" "bytea" NOT NULL;--> statement-breakpoint
ALTER TABLE "answer_matrix_bands" ADD CONSTRAINT "answer_matrix_bands_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_matrices" DROP COLUMN "bits";