CREATE TABLE `answer_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`poll_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`at` integer NOT NULL,
	`changes` text NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `answer_history_poll_idx` ON `answer_history` (`poll_id`,`id`);--> statement-breakpoint
CREATE TABLE `participants` (
	`poll_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`states` text NOT NULL,
	`first_answered_at` integer NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`poll_id`, `user_id`),
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `polls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`platform` text NOT NULL,
	`workspace_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`creator_name` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`spec` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`deadline` integer,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	`message_ref` text,
	`picked` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `polls_code_unique` ON `polls` (`code`);--> statement-breakpoint
CREATE INDEX `polls_channel_idx` ON `polls` (`platform`,`workspace_id`,`channel_id`,`status`);--> statement-breakpoint
CREATE INDEX `polls_deadline_idx` ON `polls` (`status`,`deadline`);--> statement-breakpoint
CREATE TABLE `user_prefs` (
	`platform` text NOT NULL,
	`user_id` text NOT NULL,
	`timezone` text,
	`locale` text,
	`updated_at` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`platform`, `user_id`)
);
