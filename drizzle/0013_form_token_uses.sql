CREATE TABLE `form_token_uses` (
	`nonce` text PRIMARY KEY NOT NULL,
	`used_at` integer NOT NULL
);
