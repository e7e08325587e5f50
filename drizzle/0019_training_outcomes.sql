CREATE TABLE `trainees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mobile` text NOT NULL,
	`name` text NOT NULL,
	`enterprise_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trainees_mobile_uq` ON `trainees` (`mobile`);--> statement-breakpoint
CREATE INDEX `trainees_ent_idx` ON `trainees` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `training_attendances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`trainee_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`attended` integer DEFAULT true NOT NULL,
	`completed` integer DEFAULT false NOT NULL,
	`import_batch_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `training_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_attendances_uq` ON `training_attendances` (`event_id`,`trainee_id`);--> statement-breakpoint
CREATE INDEX `training_attendances_trainee_idx` ON `training_attendances` (`trainee_id`);--> statement-breakpoint
CREATE INDEX `training_attendances_ent_idx` ON `training_attendances` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `training_certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`trainee_id` integer NOT NULL,
	`enterprise_id` integer,
	`track` text NOT NULL,
	`event_id` integer,
	`person_name` text NOT NULL,
	`firm_name` text NOT NULL,
	`event_title` text,
	`issued_on` text NOT NULL,
	`issued_by` integer,
	`revoked_at` integer,
	`revoked_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`event_id`) REFERENCES `training_events`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_certificates_code_uq` ON `training_certificates` (`code`);--> statement-breakpoint
CREATE INDEX `training_certificates_trainee_idx` ON `training_certificates` (`trainee_id`);--> statement-breakpoint
CREATE TABLE `training_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`track` text NOT NULL,
	`title` text NOT NULL,
	`courses` text DEFAULT '' NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`online` integer DEFAULT false NOT NULL,
	`provider_id` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `service_providers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `training_events_track_idx` ON `training_events` (`track`,`starts_on`);--> statement-breakpoint
CREATE TABLE `service_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`type` text NOT NULL,
	`value` real NOT NULL,
	`achieved_on` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`source_kind` text,
	`source_id` integer,
	`lead_id` integer,
	`attachment_ids` text DEFAULT '[]' NOT NULL,
	`recorded_by` integer,
	`verified_by` integer,
	`verified_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`verified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `service_outcomes_ent_idx` ON `service_outcomes` (`enterprise_id`);--> statement-breakpoint
CREATE INDEX `service_outcomes_type_idx` ON `service_outcomes` (`type`,`achieved_on`);--> statement-breakpoint
CREATE INDEX `service_outcomes_source_idx` ON `service_outcomes` (`source_kind`,`source_id`);