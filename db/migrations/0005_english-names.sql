ALTER TABLE `organisation_names` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `establishments` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `products` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `fairs` ADD `name_en` text;