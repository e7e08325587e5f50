CREATE TABLE `panorama_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`user_id` integer,
	`source_hash` text NOT NULL,
	`source_bytes` integer NOT NULL,
	`file_name` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`stage` text,
	`panorama_id` text,
	`error_code` text,
	`error_message` text,
	`error_message_en` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`panorama_id`) REFERENCES `panoramas`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `panorama_jobs_ent_idx` ON `panorama_jobs` (`enterprise_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `panorama_jobs_status_idx` ON `panorama_jobs` (`status`);