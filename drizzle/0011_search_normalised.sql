-- The normalised search index (api/db/queries/search-index.ts fills it, search-text.ts says how): traditional →
-- simplified, NFKC, Han bigrams, English stems and pinyin need JavaScript, which SQLite triggers cannot call. So the
-- existing triggers keep maintaining the raw `search_docs` text, and the triggers below record, in the same
-- transaction as the edit, which documents changed (`search_pending`). Every search first folds pending documents
-- into `search_index` in one write transaction, so no search ever reads a stale document.
-- Same rowids as search_docs (id * 4 + kind code). Tokens are pre-cut by the application; unicode61 splits on spaces.
CREATE VIRTUAL TABLE `search_index` USING fts5(`title`, `body`, `alt`, `kind` UNINDEXED, `ref_id` UNINDEXED, `enterprise_id` UNINDEXED, `name_key` UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')
--> statement-breakpoint
CREATE TABLE `search_pending` (`doc` integer PRIMARY KEY NOT NULL)
--> statement-breakpoint
CREATE TRIGGER `search_pending_enterprises_ai` AFTER INSERT ON `enterprises` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (NEW.id * 4 + 0);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_enterprises_au` AFTER UPDATE ON `enterprises` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (OLD.id * 4 + 0);
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (NEW.id * 4 + 0);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_enterprises_ad` AFTER DELETE ON `enterprises` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (OLD.id * 4 + 0);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_products_ai` AFTER INSERT ON `products` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (NEW.id * 4 + 1);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_products_au` AFTER UPDATE ON `products` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (OLD.id * 4 + 1);
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (NEW.id * 4 + 1);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_products_ad` AFTER DELETE ON `products` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (OLD.id * 4 + 1);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_jobs_ai` AFTER INSERT ON `jobs` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (NEW.id * 4 + 2);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_jobs_au` AFTER UPDATE ON `jobs` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (OLD.id * 4 + 2);
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (NEW.id * 4 + 2);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_jobs_ad` AFTER DELETE ON `jobs` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (OLD.id * 4 + 2);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_investment_projects_ai` AFTER INSERT ON `investment_projects` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (NEW.id * 4 + 3);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_investment_projects_au` AFTER UPDATE ON `investment_projects` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (OLD.id * 4 + 3);
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (NEW.id * 4 + 3);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_investment_projects_ad` AFTER DELETE ON `investment_projects` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (OLD.id * 4 + 3);
END
--> statement-breakpoint
-- A hall's tagline is part of its firm's document.
CREATE TRIGGER `search_pending_halls_ai` AFTER INSERT ON `halls` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (NEW.enterprise_id * 4);
END
--> statement-breakpoint
CREATE TRIGGER `search_pending_halls_au` AFTER UPDATE ON `halls` BEGIN
  INSERT OR IGNORE INTO `search_pending` (`doc`) VALUES (NEW.enterprise_id * 4);
END
--> statement-breakpoint
-- Everything indexed so far is indexed again, normalised, by the first search.
INSERT INTO `search_pending` (`doc`) SELECT rowid FROM `search_docs`
