CREATE TABLE `enterprise_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`user_id` integer,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `enterprise_notes_ent_idx` ON `enterprise_notes` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `enterprise_years` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`fiscal_year` integer NOT NULL,
	`revenue` real,
	`main_revenue` real,
	`rd_spend` real,
	`rd_staff` integer,
	`employees` integer,
	`total_assets` real,
	`total_liabilities` real,
	`net_profit` real,
	`taxes` real,
	`ip_class1` integer,
	`ip_class1_own` integer,
	`ip_class1_high_value` integer,
	`ip_class2` integer,
	`invention_patents` integer,
	`digital_level` integer,
	`quality_certifications` integer,
	`quality_award` integer,
	`own_brand` integer,
	`standards_drafted` integer,
	`standards_led` integer,
	`rd_centre_level` text,
	`years_in_niche` integer,
	`equity_financing` real,
	`official_score` real,
	`official_score_rule` text,
	`sources` text DEFAULT '{}' NOT NULL,
	`import_batch_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enterprise_years_uq` ON `enterprise_years` (`enterprise_id`,`fiscal_year`);--> statement-breakpoint
CREATE INDEX `enterprise_years_year_idx` ON `enterprise_years` (`fiscal_year`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`status` text DEFAULT 'validated' NOT NULL,
	`rows` integer NOT NULL,
	`user_id` integer,
	`plan` text NOT NULL,
	`summary` text NOT NULL,
	`committed_at` integer,
	`undone_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `import_batches_user_idx` ON `import_batches` (`user_id`);--> statement-breakpoint
CREATE TABLE `import_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`op` text NOT NULL,
	`before` text,
	`version_after` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_changes_batch_idx` ON `import_changes` (`batch_id`);--> statement-breakpoint
CREATE TABLE `pre_evaluations` (
	`enterprise_id` integer NOT NULL,
	`fiscal_year` integer NOT NULL,
	`ruleset` text NOT NULL,
	`verdict` text NOT NULL,
	`prerequisites_met` integer NOT NULL,
	`total` real,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pre_evaluations_uq` ON `pre_evaluations` (`enterprise_id`,`fiscal_year`,`ruleset`);--> statement-breakpoint
CREATE INDEX `pre_evaluations_rule_idx` ON `pre_evaluations` (`ruleset`,`fiscal_year`,`prerequisites_met`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`shared` integer DEFAULT false NOT NULL,
	`name` text NOT NULL,
	`name_en` text,
	`query` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `saved_views_user_idx` ON `saved_views` (`user_id`);--> statement-breakpoint
ALTER TABLE `enterprises` ADD `main_product` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `product_field` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `listed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `high_tech` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `liaison_user_id` integer;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `tags` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `import_batch_id` integer;--> statement-breakpoint
CREATE INDEX `enterprises_deleted_idx` ON `enterprises` (`deleted_at`);--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `batch` text;--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `rule_version` text;--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `issuing_body` text;--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `document_no` text;--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `document_url` text;--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `valid_from` text;--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `valid_to` text;--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `status` text DEFAULT 'designated' NOT NULL;--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `review_due` text;--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `status_reason` text;--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `import_batch_id` integer;--> statement-breakpoint
ALTER TABLE `tier_recognitions` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `tier_recognitions_review_idx` ON `tier_recognitions` (`review_due`);--> statement-breakpoint
ALTER TABLE `invitations` ADD `county` text;--> statement-breakpoint
UPDATE `tier_recognitions` SET `valid_from` = `year` || '-01-01', `valid_to` = CASE WHEN `valid_until_year` IS NULL THEN NULL ELSE `valid_until_year` || '-12-31' END, `review_due` = CASE WHEN `valid_until_year` IS NULL THEN NULL ELSE `valid_until_year` || '-12-31' END;
--> statement-breakpoint
INSERT INTO `saved_views` (`user_id`, `shared`, `name`, `name_en`, `query`, `created_at`, `updated_at`) VALUES
  (NULL, 1, '复核 90 天内到期', 'Re-review due within 90 days', 'title=review_due', 0, 0),
  (NULL, 1, '上年度数据未填全', 'Last year''s data incomplete', 'data=incomplete', 0, 0),
  (NULL, 1, '有效称号企业', 'Firms with a current title', 'title=current', 0, 0),
  (NULL, 1, '符合专精特新条件但无称号', 'Meets the SRDI prerequisites, holds no SRDI title', 'candidate=srdi-2022', 0, 0);
