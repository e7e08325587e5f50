CREATE TABLE `enterprise_panoramas` (
	`enterprise_id` integer NOT NULL,
	`panorama_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`enterprise_id`, `panorama_id`),
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`panorama_id`) REFERENCES `panoramas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Backfill: a firm owns the panoramas its scenes show and those its uploads produced.
INSERT OR IGNORE INTO `enterprise_panoramas` (`enterprise_id`, `panorama_id`, `created_at`, `updated_at`)
SELECT DISTINCT `halls`.`enterprise_id`, `scenes`.`panorama_id`, 0, 0 FROM `scenes` JOIN `halls` ON `halls`.`id` = `scenes`.`hall_id`
WHERE `scenes`.`panorama_id` IS NOT NULL;
--> statement-breakpoint
INSERT OR IGNORE INTO `enterprise_panoramas` (`enterprise_id`, `panorama_id`, `created_at`, `updated_at`)
SELECT DISTINCT `enterprise_id`, `panorama_id`, 0, 0 FROM `panorama_jobs` WHERE `panorama_id` IS NOT NULL;
