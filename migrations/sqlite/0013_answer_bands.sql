CREATE TABLE `answer_matrix_bands` (
	`poll_id` integer NOT NULL,
	`band` integer NOT NULL,
	`version` integer NOT NULL,
	`bits` blob NOT NULL,
	PRIMARY KEY(`poll_id`, `band`),
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Kept rows are a cache, worked out again from participants on the next read; SQLite adds no NOT
-- NULL column without a default, so the table starts afresh.
DROP TABLE `answer_matrices`;--> statement-breakpoint
CREATE TABLE `answer_matrices` (
	`poll_id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`slot_count` integer NOT NULL,
	`window_slots` integer NOT NULL,
	`band_slots` integer NOT NULL,
	`people` text NOT NULL,
	`counts` blob NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
