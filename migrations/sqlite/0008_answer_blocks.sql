CREATE TABLE `answer_blocks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`picked_poll_id` integer NOT NULL,
	`blocked_poll_id` integer NOT NULL,
	`slots` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`picked_poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`blocked_poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `answer_blocks_picked_idx` ON `answer_blocks` (`picked_poll_id`,`status`);--> statement-breakpoint
CREATE INDEX `answer_blocks_blocked_idx` ON `answer_blocks` (`blocked_poll_id`,`status`);