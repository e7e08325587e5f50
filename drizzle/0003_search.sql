-- Full-text search over firms, products, jobs and investment projects (Chinese: the trigram tokenizer matches any
-- substring of 3+ characters; shorter queries use LIKE on the same table, which the trigram index also serves).
-- rowid = id * 4 + kind code (0 firm, 1 product, 2 job, 3 project), so triggers update a document by rowid.
-- Listing status is not indexed here: queries join the source tables and keep only what is published.
CREATE VIRTUAL TABLE `search_docs` USING fts5(`title`, `body`, `kind` UNINDEXED, `ref_id` UNINDEXED, `enterprise_id` UNINDEXED, tokenize = 'trigram')
--> statement-breakpoint
CREATE TRIGGER `search_enterprises_ai` AFTER INSERT ON `enterprises` BEGIN
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 0, NEW.name || ' ' || coalesce(NEW.name_en, ''), NEW.intro || ' ' || coalesce(NEW.intro_en, '') || ' ' || coalesce(NEW.address, '') || ' ' || coalesce((SELECT tagline || ' ' || coalesce(tagline_en, '') FROM halls WHERE enterprise_id = NEW.id), ''), 'firm', NEW.id, NEW.id);
END
--> statement-breakpoint
CREATE TRIGGER `search_enterprises_au` AFTER UPDATE ON `enterprises` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 0;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 0, NEW.name || ' ' || coalesce(NEW.name_en, ''), NEW.intro || ' ' || coalesce(NEW.intro_en, '') || ' ' || coalesce(NEW.address, '') || ' ' || coalesce((SELECT tagline || ' ' || coalesce(tagline_en, '') FROM halls WHERE enterprise_id = NEW.id), ''), 'firm', NEW.id, NEW.id);
END
--> statement-breakpoint
CREATE TRIGGER `search_enterprises_ad` AFTER DELETE ON `enterprises` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 0;
END
--> statement-breakpoint
INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT NEW.id * 4 + 0, NEW.name || ' ' || coalesce(NEW.name_en, ''), NEW.intro || ' ' || coalesce(NEW.intro_en, '') || ' ' || coalesce(NEW.address, '') || ' ' || coalesce((SELECT tagline || ' ' || coalesce(tagline_en, '') FROM halls WHERE enterprise_id = NEW.id), ''), 'firm', NEW.id, NEW.id FROM `enterprises` AS NEW
--> statement-breakpoint
CREATE TRIGGER `search_products_ai` AFTER INSERT ON `products` BEGIN
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 1, NEW.name || ' ' || coalesce(NEW.name_en, ''), NEW.summary || ' ' || coalesce(NEW.summary_en, '') || ' ' || NEW.description || ' ' || NEW.specs, 'product', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
CREATE TRIGGER `search_products_au` AFTER UPDATE ON `products` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 1;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 1, NEW.name || ' ' || coalesce(NEW.name_en, ''), NEW.summary || ' ' || coalesce(NEW.summary_en, '') || ' ' || NEW.description || ' ' || NEW.specs, 'product', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
CREATE TRIGGER `search_products_ad` AFTER DELETE ON `products` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 1;
END
--> statement-breakpoint
INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT NEW.id * 4 + 1, NEW.name || ' ' || coalesce(NEW.name_en, ''), NEW.summary || ' ' || coalesce(NEW.summary_en, '') || ' ' || NEW.description || ' ' || NEW.specs, 'product', NEW.id, NEW.enterprise_id FROM `products` AS NEW
--> statement-breakpoint
CREATE TRIGGER `search_jobs_ai` AFTER INSERT ON `jobs` BEGIN
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 2, NEW.title || ' ' || coalesce(NEW.title_en, ''), NEW.location || ' ' || NEW.requirements || ' ' || NEW.description, 'job', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
CREATE TRIGGER `search_jobs_au` AFTER UPDATE ON `jobs` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 2;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 2, NEW.title || ' ' || coalesce(NEW.title_en, ''), NEW.location || ' ' || NEW.requirements || ' ' || NEW.description, 'job', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
CREATE TRIGGER `search_jobs_ad` AFTER DELETE ON `jobs` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 2;
END
--> statement-breakpoint
INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT NEW.id * 4 + 2, NEW.title || ' ' || coalesce(NEW.title_en, ''), NEW.location || ' ' || NEW.requirements || ' ' || NEW.description, 'job', NEW.id, NEW.enterprise_id FROM `jobs` AS NEW
--> statement-breakpoint
CREATE TRIGGER `search_investment_projects_ai` AFTER INSERT ON `investment_projects` BEGIN
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 3, NEW.title || ' ' || coalesce(NEW.title_en, ''), NEW.sector || ' ' || NEW.summary || ' ' || NEW.description, 'project', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
CREATE TRIGGER `search_investment_projects_au` AFTER UPDATE ON `investment_projects` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 3;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 3, NEW.title || ' ' || coalesce(NEW.title_en, ''), NEW.sector || ' ' || NEW.summary || ' ' || NEW.description, 'project', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
CREATE TRIGGER `search_investment_projects_ad` AFTER DELETE ON `investment_projects` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 3;
END
--> statement-breakpoint
INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT NEW.id * 4 + 3, NEW.title || ' ' || coalesce(NEW.title_en, ''), NEW.sector || ' ' || NEW.summary || ' ' || NEW.description, 'project', NEW.id, NEW.enterprise_id FROM `investment_projects` AS NEW
--> statement-breakpoint
CREATE TRIGGER `search_halls_ai` AFTER INSERT ON `halls` BEGIN
  DELETE FROM `search_docs` WHERE rowid = NEW.enterprise_id * 4;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT e.id * 4, e.name || ' ' || coalesce(e.name_en, ''), e.intro || ' ' || coalesce(e.intro_en, '') || ' ' || coalesce(e.address, '') || ' ' || coalesce((SELECT tagline || ' ' || coalesce(tagline_en, '') FROM halls WHERE enterprise_id = e.id), ''), 'firm', e.id, e.id FROM `enterprises` AS e WHERE e.id = NEW.enterprise_id;
END
--> statement-breakpoint
CREATE TRIGGER `search_halls_au` AFTER UPDATE ON `halls` BEGIN
  DELETE FROM `search_docs` WHERE rowid = NEW.enterprise_id * 4;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT e.id * 4, e.name || ' ' || coalesce(e.name_en, ''), e.intro || ' ' || coalesce(e.intro_en, '') || ' ' || coalesce(e.address, '') || ' ' || coalesce((SELECT tagline || ' ' || coalesce(tagline_en, '') FROM halls WHERE enterprise_id = e.id), ''), 'firm', e.id, e.id FROM `enterprises` AS e WHERE e.id = NEW.enterprise_id;
END
