CREATE TABLE `visit_counts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`enterprise_id` integer NOT NULL,
	`kind` text NOT NULL,
	`scene_id` integer DEFAULT 0 NOT NULL,
	`hotspot_id` integer DEFAULT 0 NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visit_counts_uq` ON `visit_counts` (`day`,`enterprise_id`,`kind`,`scene_id`,`hotspot_id`);--> statement-breakpoint
ALTER TABLE `leads` ADD `lang` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `receipt_token` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `dedupe_key` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `cv_file` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `cv_name` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `cv_type` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `cv_bytes` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `leads_receipt_uq` ON `leads` (`receipt_token`);--> statement-breakpoint
CREATE INDEX `leads_dedupe_idx` ON `leads` (`dedupe_key`,`created_at`);