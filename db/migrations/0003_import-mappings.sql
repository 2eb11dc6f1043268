CREATE TABLE `import_mappings` (
	`header_key` text PRIMARY KEY NOT NULL,
	`header` text NOT NULL,
	`columns` text NOT NULL,
	`updated_by_user_id` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
