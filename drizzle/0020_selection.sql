CREATE TABLE `expert_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`expert_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`expert_id`) REFERENCES `experts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `expert_conflicts_uq` ON `expert_conflicts` (`expert_id`,`enterprise_id`);--> statement-breakpoint
CREATE TABLE `selection_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`origin` text NOT NULL,
	`state` text DEFAULT 'submitted' NOT NULL,
	`county` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`attachment_ids` text DEFAULT '[]' NOT NULL,
	`free_notice_confirmed` integer DEFAULT false NOT NULL,
	`submitted_by` integer,
	`score` real,
	`spread` real,
	`flagged` integer DEFAULT false NOT NULL,
	`override` text,
	`override_reason` text,
	`last_reason` text,
	`state_changed_at` integer NOT NULL,
	`draw_seed` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `selection_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selection_applications_uq` ON `selection_applications` (`round_id`,`enterprise_id`);--> statement-breakpoint
CREATE INDEX `selection_applications_state_idx` ON `selection_applications` (`round_id`,`state`);--> statement-breakpoint
CREATE INDEX `selection_applications_firm_idx` ON `selection_applications` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `selection_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`user_id` integer,
	`role` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `selection_applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `selection_history_app_idx` ON `selection_history` (`application_id`,`at`);--> statement-breakpoint
CREATE TABLE `selection_objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`application_id` integer,
	`name` text NOT NULL,
	`contact` text NOT NULL,
	`text` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`response` text,
	`handled_by` integer,
	`handled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `selection_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `selection_applications`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`handled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `selection_objections_round_idx` ON `selection_objections` (`round_id`,`status`);--> statement-breakpoint
CREATE TABLE `selection_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`expert_id` integer NOT NULL,
	`scores` text,
	`total` real,
	`comment` text DEFAULT '' NOT NULL,
	`submitted_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `selection_applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`expert_id`) REFERENCES `experts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selection_reviews_uq` ON `selection_reviews` (`application_id`,`expert_id`);--> statement-breakpoint
CREATE INDEX `selection_reviews_expert_idx` ON `selection_reviews` (`expert_id`);--> statement-breakpoint
CREATE TABLE `selection_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`tier` text,
	`level` text,
	`title` text NOT NULL,
	`quota` integer NOT NULL,
	`area_quotas` text DEFAULT '{}' NOT NULL,
	`timeline` text NOT NULL,
	`notice_working_days` integer DEFAULT 5 NOT NULL,
	`rubric` text NOT NULL,
	`rubric_frozen_at` integer,
	`state` text DEFAULT 'draft' NOT NULL,
	`experts_per_application` integer DEFAULT 5 NOT NULL,
	`spread_threshold` real DEFAULT 20 NOT NULL,
	`objection_phone` text DEFAULT '' NOT NULL,
	`objection_email` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `selection_rounds_year_idx` ON `selection_rounds` (`year`,`kind`);--> statement-breakpoint
ALTER TABLE `cohort_selections` ADD `application_id` integer REFERENCES selection_applications(id) ON DELETE set null;