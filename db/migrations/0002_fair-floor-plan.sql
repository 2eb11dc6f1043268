ALTER TABLE `fair_exhibitors` ADD `plan_x` real;--> statement-breakpoint
ALTER TABLE `fair_exhibitors` ADD `plan_y` real;--> statement-breakpoint
ALTER TABLE `fair_exhibitors` ADD `plan_w` real;--> statement-breakpoint
ALTER TABLE `fair_exhibitors` ADD `plan_h` real;--> statement-breakpoint
ALTER TABLE `fairs` ADD `plan_width` integer;--> statement-breakpoint
ALTER TABLE `fairs` ADD `plan_height` integer;