CREATE TABLE `enterprises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`credit_code` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text,
	`slug` text NOT NULL,
	`county` text NOT NULL,
	`industry` text NOT NULL,
	`size_class` text NOT NULL,
	`founded_year` integer,
	`address` text,
	`website` text,
	`contact_name` text,
	`contact_phone` text,
	`contact_email` text,
	`intro` text DEFAULT '' NOT NULL,
	`intro_en` text,
	`fictional` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enterprises_credit_code_uq` ON `enterprises` (`credit_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `enterprises_slug_uq` ON `enterprises` (`slug`);--> statement-breakpoint
CREATE INDEX `enterprises_county_idx` ON `enterprises` (`county`);--> statement-breakpoint
CREATE INDEX `enterprises_industry_idx` ON `enterprises` (`industry`);--> statement-breakpoint
CREATE TABLE `tier_recognitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`tier` text NOT NULL,
	`level` text NOT NULL,
	`year` integer NOT NULL,
	`valid_until_year` integer,
	`verified` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tier_recognitions_uq` ON `tier_recognitions` (`enterprise_id`,`tier`,`level`,`year`);--> statement-breakpoint
CREATE INDEX `tier_recognitions_tier_idx` ON `tier_recognitions` (`tier`,`level`);--> statement-breakpoint
CREATE TABLE `cohort_selections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cohort_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cohort_selections_uq` ON `cohort_selections` (`cohort_id`,`enterprise_id`);--> statement-breakpoint
CREATE INDEX `cohort_selections_ent_idx` ON `cohort_selections` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `cohorts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cohorts_year_unique` ON `cohorts` (`year`);--> statement-breakpoint
CREATE TABLE `halls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`tagline` text DEFAULT '' NOT NULL,
	`tagline_en` text,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `halls_enterprise_uq` ON `halls` (`enterprise_id`);--> statement-breakpoint
CREATE INDEX `halls_status_idx` ON `halls` (`status`);--> statement-breakpoint
CREATE TABLE `hotspots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scene_id` integer NOT NULL,
	`kind` text NOT NULL,
	`yaw` real NOT NULL,
	`pitch` real NOT NULL,
	`label` text NOT NULL,
	`label_en` text,
	`target_scene_id` integer,
	`product_id` integer,
	`job_id` integer,
	`project_id` integer,
	`body` text,
	`media_url` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`scene_id`) REFERENCES `scenes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_scene_id`) REFERENCES `scenes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `investment_projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hotspots_scene_idx` ON `hotspots` (`scene_id`);--> statement-breakpoint
CREATE TABLE `panoramas` (
	`id` text PRIMARY KEY NOT NULL,
	`source_hash` text NOT NULL,
	`face_size` integer NOT NULL,
	`placeholder` text NOT NULL,
	`poster_file` text NOT NULL,
	`poster_width` integer NOT NULL,
	`poster_height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scenes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`title_en` text,
	`panorama_id` text,
	`initial_yaw` real DEFAULT 0 NOT NULL,
	`initial_pitch` real DEFAULT 0 NOT NULL,
	`initial_fov` real DEFAULT 90 NOT NULL,
	`map_x` real,
	`map_y` real,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`panorama_id`) REFERENCES `panoramas`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `scenes_hall_idx` ON `scenes` (`hall_id`,`position`);--> statement-breakpoint
CREATE TABLE `investment_projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`title` text NOT NULL,
	`title_en` text,
	`sector` text NOT NULL,
	`amount_wan` integer,
	`cooperation_mode` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'published' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `projects_ent_idx` ON `investment_projects` (`enterprise_id`,`status`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`title` text NOT NULL,
	`title_en` text,
	`salary_min` integer,
	`salary_max` integer,
	`location` text DEFAULT '' NOT NULL,
	`headcount` integer DEFAULT 1 NOT NULL,
	`requirements` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`valid_until` text NOT NULL,
	`status` text DEFAULT 'published' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `jobs_ent_idx` ON `jobs` (`enterprise_id`,`status`);--> statement-breakpoint
CREATE INDEX `jobs_valid_idx` ON `jobs` (`valid_until`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_en` text,
	`summary` text DEFAULT '' NOT NULL,
	`summary_en` text,
	`description` text DEFAULT '' NOT NULL,
	`specs` text DEFAULT '[]' NOT NULL,
	`price_fen` integer,
	`price_unit` text,
	`purchase_url` text,
	`status` text DEFAULT 'published' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `products_ent_idx` ON `products` (`enterprise_id`,`status`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`kind` text NOT NULL,
	`product_id` integer,
	`job_id` integer,
	`project_id` integer,
	`contact_name` text NOT NULL,
	`phone` text,
	`email` text,
	`organisation` text,
	`message` text DEFAULT '' NOT NULL,
	`consent_at` integer NOT NULL,
	`consent_version` text NOT NULL,
	`source_page` text,
	`status` text DEFAULT 'new' NOT NULL,
	`assignee_user_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`project_id`) REFERENCES `investment_projects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignee_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `leads_ent_idx` ON `leads` (`enterprise_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text,
	`role` text NOT NULL,
	`enterprise_id` integer,
	`county` text,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);