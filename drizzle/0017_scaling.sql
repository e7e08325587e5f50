CREATE TABLE `change_feed` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic` text NOT NULL,
	`kind` text NOT NULL,
	`origin` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `change_feed_at_idx` ON `change_feed` (`at`);--> statement-breakpoint
CREATE TABLE `rate_counters` (
	`bucket` text NOT NULL,
	`key` text NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`bucket`, `key`, `window_start`)
);
--> statement-breakpoint
CREATE INDEX `rate_counters_expires_idx` ON `rate_counters` (`expires_at`);--> statement-breakpoint
ALTER TABLE `panorama_jobs` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `panorama_jobs` ADD `lease_until` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `panorama_jobs_live_source_uq` ON `panorama_jobs` (`enterprise_id`,`source_hash`) WHERE status <> 'failed';