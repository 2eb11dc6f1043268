CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`number` text NOT NULL,
	`number_key` text NOT NULL,
	`decision_date` text,
	`issuer_text` text,
	`issuer_id` integer,
	`level` text NOT NULL,
	`region_code` text,
	`round_year` integer NOT NULL,
	`products_certified` integer,
	`note` text,
	`source_url` text,
	`document_hash` text,
	`document_name` text,
	`document_bytes` integer,
	`import_key` text,
	`status` text DEFAULT 'published' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`issuer_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "decisions_region_iff_regional" CHECK(("decisions"."level" = 'regional') = ("decisions"."region_code" IS NOT NULL)),
	CONSTRAINT "decisions_products_certified" CHECK("decisions"."products_certified" IS NULL OR "decisions"."products_certified" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_slug_unique` ON `decisions` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_import_key_unique` ON `decisions` (`import_key`);--> statement-breakpoint
CREATE INDEX `decisions_number_key` ON `decisions` (`number_key`);--> statement-breakpoint
CREATE INDEX `decisions_level_year` ON `decisions` (`level`,`round_year`);--> statement-breakpoint
CREATE TABLE `error_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`page_path` text NOT NULL,
	`message` text NOT NULL,
	`contact` text,
	`locale` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`staff_note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`closed_at` text,
	`closed_by_user_id` integer,
	FOREIGN KEY (`closed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `error_reports_status` ON `error_reports` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `throttle_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`window_started_at` text NOT NULL,
	`blocked_until` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `throttle_counters_updated` ON `throttle_counters` (`updated_at`);--> statement-breakpoint
ALTER TABLE `certifications` ADD `decision_id` integer REFERENCES decisions(id);--> statement-breakpoint
CREATE INDEX `certifications_decision` ON `certifications` (`decision_id`);--> statement-breakpoint
ALTER TABLE `fairs` ADD `note` text;