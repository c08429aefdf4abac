PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_reminders_sent` (
	`poll_id` integer NOT NULL,
	`deadline` integer DEFAULT 0 NOT NULL,
	`offset_minutes` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	PRIMARY KEY(`poll_id`, `deadline`, `offset_minutes`),
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_reminders_sent`("poll_id", "deadline", "offset_minutes", "claimed_at") SELECT "poll_id", COALESCE((SELECT "deadline" FROM `polls` WHERE `polls`.`id` = `reminders_sent`.`poll_id`), 0), "offset_minutes", "claimed_at" FROM `reminders_sent`;--> statement-breakpoint
DROP TABLE `reminders_sent`;--> statement-breakpoint
ALTER TABLE `__new_reminders_sent` RENAME TO `reminders_sent`;--> statement-breakpoint
PRAGMA foreign_keys=ON;