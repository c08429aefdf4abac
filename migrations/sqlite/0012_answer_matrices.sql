CREATE TABLE `answer_matrices` (
	`poll_id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`slot_count` integer NOT NULL,
	`people` text NOT NULL,
	`bits` blob NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
