ALTER TABLE `hotspots` ADD `target_yaw` real;--> statement-breakpoint
ALTER TABLE `hotspots` ADD `target_pitch` real;--> statement-breakpoint
ALTER TABLE `hotspots` ADD `target_fov` real;