CREATE TABLE `usual_week_settings` (
	`platform` text NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`learn` integer DEFAULT 1 NOT NULL,
	`learn_from` integer,
	`block` integer DEFAULT 1 NOT NULL,
	`pattern` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`platform`, `workspace_id`, `user_id`)
);
--> statement-breakpoint
ALTER TABLE `answer_history` ADD `reason` text;