CREATE TABLE `service_pool_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject` text NOT NULL,
	`subject_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text NOT NULL,
	`actor_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `service_pool_events_subject_idx` ON `service_pool_events` (`subject`,`subject_id`);--> statement-breakpoint
CREATE TABLE `service_request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`actor_id` integer,
	`team_id` integer,
	`expert_id` integer,
	`priority` integer DEFAULT 0 NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `service_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `service_request_events_request_idx` ON `service_request_events` (`request_id`);--> statement-breakpoint
CREATE TABLE `service_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`filed_by` integer,
	`support_action` text NOT NULL,
	`service_item` text,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`attachment_ids` text DEFAULT '[]' NOT NULL,
	`urgency` text DEFAULT 'normal' NOT NULL,
	`preferred_time` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'new' NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`team_id` integer,
	`expert_id` integer,
	`state_since` integer NOT NULL,
	`due_at` text,
	`escalated_at` integer,
	`rating` integer,
	`feedback` text,
	`resolved_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`filed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`team_id`) REFERENCES `service_teams`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`expert_id`) REFERENCES `experts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `service_requests_enterprise_idx` ON `service_requests` (`enterprise_id`);--> statement-breakpoint
CREATE INDEX `service_requests_state_due_idx` ON `service_requests` (`state`,`due_at`);--> statement-breakpoint
CREATE INDEX `service_requests_team_state_idx` ON `service_requests` (`team_id`,`state`);--> statement-breakpoint
CREATE INDEX `service_requests_expert_state_idx` ON `service_requests` (`expert_id`,`state`);--> statement-breakpoint
CREATE INDEX `service_requests_due_idx` ON `service_requests` (`due_at`);--> statement-breakpoint
CREATE INDEX `service_requests_created_idx` ON `service_requests` (`created_at`);--> statement-breakpoint
CREATE TABLE `service_sla_rules` (
	`state` text PRIMARY KEY NOT NULL,
	`working_days` integer NOT NULL,
	`updated_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `service_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`team_id` integer,
	`request_id` integer,
	`status` text NOT NULL,
	`basis` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text,
	`duration_minutes` integer,
	`expert_ids` text DEFAULT '[]' NOT NULL,
	`diagnosis` text DEFAULT '' NOT NULL,
	`actions_agreed` text DEFAULT '' NOT NULL,
	`follow_up_due` text,
	`attachment_ids` text DEFAULT '[]' NOT NULL,
	`logged_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `service_teams`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`request_id`) REFERENCES `service_requests`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`logged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `service_visits_enterprise_date_idx` ON `service_visits` (`enterprise_id`,`date`);--> statement-breakpoint
CREATE INDEX `service_visits_team_date_idx` ON `service_visits` (`team_id`,`date`);--> statement-breakpoint
CREATE INDEX `service_visits_date_idx` ON `service_visits` (`date`);--> statement-breakpoint
CREATE INDEX `service_visits_request_idx` ON `service_visits` (`request_id`);--> statement-breakpoint
CREATE TABLE `visit_consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`given_by` integer,
	`note` text DEFAULT '' NOT NULL,
	`given_at` integer NOT NULL,
	`withdrawn_at` integer,
	`withdrawn_by` integer,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`given_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `visit_consents_enterprise_idx` ON `visit_consents` (`enterprise_id`,`withdrawn_at`);