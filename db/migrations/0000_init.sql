CREATE TABLE `industries` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `industries_slug_unique` ON `industries` (`slug`);--> statement-breakpoint
CREATE TABLE `organisation_names` (
	`id` integer PRIMARY KEY NOT NULL,
	`organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`note` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `organisation_names_org` ON `organisation_names` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`province_id` integer,
	`status` text DEFAULT 'published' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_slug_unique` ON `organisations` (`slug`);--> statement-breakpoint
CREATE INDEX `organisations_province` ON `organisations` (`province_id`);--> statement-breakpoint
CREATE TABLE `product_groups` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`labels` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_groups_code_unique` ON `product_groups` (`code`);--> statement-breakpoint
CREATE TABLE `provinces` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`era` text NOT NULL,
	`unit_type` text NOT NULL,
	`successor_id` integer,
	`region_code` text,
	`aliases` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`successor_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "provinces_successor_era" CHECK(("provinces"."era" = 'current') = ("provinces"."successor_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provinces_era_slug` ON `provinces` (`era`,`slug`);--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `certifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`product_id` integer NOT NULL,
	`level` text NOT NULL,
	`region_code` text,
	`round_year` integer NOT NULL,
	`decision_no` text,
	`decision_date` text,
	`issuer_id` integer,
	`certificate_no` text,
	`registry_code` text NOT NULL,
	`score` real,
	`award_tier` text,
	`issued_on` text,
	`valid_until` text,
	`valid_until_source` text DEFAULT 'rule' NOT NULL,
	`revoked_at` text,
	`revoked_reason` text,
	`province_id` integer NOT NULL,
	`product_name_as_published` text,
	`producer_name_as_published` text,
	`source_url` text,
	`import_key` text,
	`status` text DEFAULT 'published' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issuer_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "certifications_region_iff_regional" CHECK(("certifications"."level" = 'regional') = ("certifications"."region_code" IS NOT NULL)),
	CONSTRAINT "certifications_score_range" CHECK("certifications"."score" IS NULL OR ("certifications"."score" >= 0 AND "certifications"."score" <= 100))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certifications_registry_code_unique` ON `certifications` (`registry_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `certifications_import_key_unique` ON `certifications` (`import_key`);--> statement-breakpoint
CREATE INDEX `certifications_product` ON `certifications` (`product_id`);--> statement-breakpoint
CREATE INDEX `certifications_level_year` ON `certifications` (`level`,`round_year`);--> statement-breakpoint
CREATE TABLE `establishments` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`legal_form` text NOT NULL,
	`address` text,
	`province_id` integer,
	`phone` text,
	`email` text,
	`website` text,
	`description_vi` text,
	`description_en` text,
	`status` text DEFAULT 'published' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `establishments_slug_unique` ON `establishments` (`slug`);--> statement-breakpoint
CREATE INDEX `establishments_name_key` ON `establishments` (`name_key`);--> statement-breakpoint
CREATE INDEX `establishments_province` ON `establishments` (`province_id`);--> statement-breakpoint
CREATE TABLE `images` (
	`id` integer PRIMARY KEY NOT NULL,
	`content_hash` text NOT NULL,
	`mime` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `images_content_hash_unique` ON `images` (`content_hash`);--> statement-breakpoint
CREATE TABLE `product_images` (
	`product_id` integer NOT NULL,
	`image_id` integer NOT NULL,
	`position` integer NOT NULL,
	`alt_vi` text,
	`alt_en` text,
	PRIMARY KEY(`product_id`, `image_id`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`image_id`) REFERENCES `images`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `product_industries` (
	`product_id` integer NOT NULL,
	`industry_id` integer NOT NULL,
	PRIMARY KEY(`product_id`, `industry_id`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`industry_id`) REFERENCES `industries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `product_set_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`product_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_set_items_position` ON `product_set_items` (`product_id`,`position`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`kind` text DEFAULT 'single' NOT NULL,
	`group_id` integer,
	`establishment_id` integer,
	`description_vi` text,
	`description_en` text,
	`status` text DEFAULT 'published' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `product_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_slug_unique` ON `products` (`slug`);--> statement-breakpoint
CREATE INDEX `products_name_key` ON `products` (`name_key`);--> statement-breakpoint
CREATE INDEX `products_establishment` ON `products` (`establishment_id`);--> statement-breakpoint
CREATE TABLE `slug_redirects` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`old_slug` text NOT NULL,
	`entity_id` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slug_redirects_entity_slug` ON `slug_redirects` (`entity`,`old_slug`);--> statement-breakpoint
CREATE TABLE `fair_exhibitor_products` (
	`exhibitor_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	PRIMARY KEY(`exhibitor_id`, `product_id`),
	FOREIGN KEY (`exhibitor_id`) REFERENCES `fair_exhibitors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fair_exhibitor_products_product` ON `fair_exhibitor_products` (`product_id`);--> statement-breakpoint
CREATE TABLE `fair_exhibitors` (
	`id` integer PRIMARY KEY NOT NULL,
	`fair_id` integer NOT NULL,
	`establishment_id` integer NOT NULL,
	`booth_code` text,
	`hall` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'published' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`fair_id`) REFERENCES `fairs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fair_exhibitors_fair_establishment` ON `fair_exhibitors` (`fair_id`,`establishment_id`);--> statement-breakpoint
CREATE INDEX `fair_exhibitors_establishment` ON `fair_exhibitors` (`establishment_id`);--> statement-breakpoint
CREATE TABLE `fairs` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`level` text,
	`region_code` text,
	`start_date` text,
	`end_date` text,
	`city` text,
	`country` text DEFAULT 'VN' NOT NULL,
	`venue` text,
	`organiser_text` text,
	`organiser_id` integer,
	`booth_count` integer,
	`booth_count_is_minimum` integer DEFAULT false NOT NULL,
	`exhibitor_count` integer,
	`source_url` text,
	`description_vi` text,
	`description_en` text,
	`status` text DEFAULT 'published' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organiser_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fairs_slug_unique` ON `fairs` (`slug`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor_user_id` integer,
	`actor_label` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`before` text,
	`after` text,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_seen_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`display_name` text,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`password_changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_login_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);