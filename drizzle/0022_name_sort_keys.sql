CREATE TABLE `enterprise_name_keys` (
	`enterprise_id` integer PRIMARY KEY NOT NULL,
	`name_key` text NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Existing firms get their keys at the next fold of the search index (pinyin needs JavaScript): mark them pending.
INSERT OR IGNORE INTO `search_pending` (`doc`) SELECT `id` * 4 + 0 FROM `enterprises`;
