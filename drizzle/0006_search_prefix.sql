-- Every indexed text now ends with a space, so each occurrence of a 1–2 character word is the start of some
-- trigram ("轴承" → "轴承 ", "轴承座" …). Short queries then expand, through the search_terms vocabulary, into an OR of
-- the trigrams that start with them, and go through the index (MATCH, bm25) like long ones instead of a LIKE scan.
CREATE VIRTUAL TABLE `search_terms` USING fts5vocab(`search_docs`, 'row')
--> statement-breakpoint
DROP TRIGGER `search_enterprises_ai`
--> statement-breakpoint
CREATE TRIGGER `search_enterprises_ai` AFTER INSERT ON `enterprises` BEGIN
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 0, NEW.name || ' ' || coalesce(NEW.name_en, '') || ' ', NEW.intro || ' ' || coalesce(NEW.intro_en, '') || ' ' || coalesce(NEW.address, '') || ' ' || coalesce((SELECT tagline || ' ' || coalesce(tagline_en, '') FROM halls WHERE enterprise_id = NEW.id), '') || ' ', 'firm', NEW.id, NEW.id);
END
--> statement-breakpoint
DROP TRIGGER `search_enterprises_au`
--> statement-breakpoint
CREATE TRIGGER `search_enterprises_au` AFTER UPDATE ON `enterprises` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 0;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 0, NEW.name || ' ' || coalesce(NEW.name_en, '') || ' ', NEW.intro || ' ' || coalesce(NEW.intro_en, '') || ' ' || coalesce(NEW.address, '') || ' ' || coalesce((SELECT tagline || ' ' || coalesce(tagline_en, '') FROM halls WHERE enterprise_id = NEW.id), '') || ' ', 'firm', NEW.id, NEW.id);
END
--> statement-breakpoint
DROP TRIGGER `search_enterprises_ad`
--> statement-breakpoint
CREATE TRIGGER `search_enterprises_ad` AFTER DELETE ON `enterprises` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 0;
END
--> statement-breakpoint
DROP TRIGGER `search_products_ai`
--> statement-breakpoint
CREATE TRIGGER `search_products_ai` AFTER INSERT ON `products` BEGIN
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 1, NEW.name || ' ' || coalesce(NEW.name_en, '') || ' ', NEW.summary || ' ' || coalesce(NEW.summary_en, '') || ' ' || NEW.description || ' ' || NEW.specs || ' ', 'product', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
DROP TRIGGER `search_products_au`
--> statement-breakpoint
CREATE TRIGGER `search_products_au` AFTER UPDATE ON `products` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 1;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 1, NEW.name || ' ' || coalesce(NEW.name_en, '') || ' ', NEW.summary || ' ' || coalesce(NEW.summary_en, '') || ' ' || NEW.description || ' ' || NEW.specs || ' ', 'product', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
DROP TRIGGER `search_products_ad`
--> statement-breakpoint
CREATE TRIGGER `search_products_ad` AFTER DELETE ON `products` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 1;
END
--> statement-breakpoint
DROP TRIGGER `search_jobs_ai`
--> statement-breakpoint
CREATE TRIGGER `search_jobs_ai` AFTER INSERT ON `jobs` BEGIN
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 2, NEW.title || ' ' || coalesce(NEW.title_en, '') || ' ', NEW.location || ' ' || NEW.requirements || ' ' || NEW.description || ' ', 'job', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
DROP TRIGGER `search_jobs_au`
--> statement-breakpoint
CREATE TRIGGER `search_jobs_au` AFTER UPDATE ON `jobs` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 2;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 2, NEW.title || ' ' || coalesce(NEW.title_en, '') || ' ', NEW.location || ' ' || NEW.requirements || ' ' || NEW.description || ' ', 'job', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
DROP TRIGGER `search_jobs_ad`
--> statement-breakpoint
CREATE TRIGGER `search_jobs_ad` AFTER DELETE ON `jobs` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 2;
END
--> statement-breakpoint
DROP TRIGGER `search_investment_projects_ai`
--> statement-breakpoint
CREATE TRIGGER `search_investment_projects_ai` AFTER INSERT ON `investment_projects` BEGIN
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 3, NEW.title || ' ' || coalesce(NEW.title_en, '') || ' ', NEW.sector || ' ' || NEW.summary || ' ' || NEW.description || ' ', 'project', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
DROP TRIGGER `search_investment_projects_au`
--> statement-breakpoint
CREATE TRIGGER `search_investment_projects_au` AFTER UPDATE ON `investment_projects` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 3;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) VALUES (NEW.id * 4 + 3, NEW.title || ' ' || coalesce(NEW.title_en, '') || ' ', NEW.sector || ' ' || NEW.summary || ' ' || NEW.description || ' ', 'project', NEW.id, NEW.enterprise_id);
END
--> statement-breakpoint
DROP TRIGGER `search_investment_projects_ad`
--> statement-breakpoint
CREATE TRIGGER `search_investment_projects_ad` AFTER DELETE ON `investment_projects` BEGIN
  DELETE FROM `search_docs` WHERE rowid = OLD.id * 4 + 3;
END
--> statement-breakpoint
DROP TRIGGER `search_halls_ai`
--> statement-breakpoint
CREATE TRIGGER `search_halls_ai` AFTER INSERT ON `halls` BEGIN
  DELETE FROM `search_docs` WHERE rowid = NEW.enterprise_id * 4;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT e.id * 4, e.name || ' ' || coalesce(e.name_en, '') || ' ', e.intro || ' ' || coalesce(e.intro_en, '') || ' ' || coalesce(e.address, '') || ' ' || coalesce((SELECT tagline || ' ' || coalesce(tagline_en, '') FROM halls WHERE enterprise_id = e.id), '') || ' ', 'firm', e.id, e.id FROM `enterprises` AS e WHERE e.id = NEW.enterprise_id;
END
--> statement-breakpoint
DROP TRIGGER `search_halls_au`
--> statement-breakpoint
CREATE TRIGGER `search_halls_au` AFTER UPDATE ON `halls` BEGIN
  DELETE FROM `search_docs` WHERE rowid = NEW.enterprise_id * 4;
  INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT e.id * 4, e.name || ' ' || coalesce(e.name_en, '') || ' ', e.intro || ' ' || coalesce(e.intro_en, '') || ' ' || coalesce(e.address, '') || ' ' || coalesce((SELECT tagline || ' ' || coalesce(tagline_en, '') FROM halls WHERE enterprise_id = e.id), '') || ' ', 'firm', e.id, e.id FROM `enterprises` AS e WHERE e.id = NEW.enterprise_id;
END
--> statement-breakpoint
DELETE FROM `search_docs`
--> statement-breakpoint
INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT NEW.id * 4 + 0, NEW.name || ' ' || coalesce(NEW.name_en, '') || ' ', NEW.intro || ' ' || coalesce(NEW.intro_en, '') || ' ' || coalesce(NEW.address, '') || ' ' || coalesce((SELECT tagline || ' ' || coalesce(tagline_en, '') FROM halls WHERE enterprise_id = NEW.id), '') || ' ', 'firm', NEW.id, NEW.id FROM `enterprises` AS NEW
--> statement-breakpoint
INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT NEW.id * 4 + 1, NEW.name || ' ' || coalesce(NEW.name_en, '') || ' ', NEW.summary || ' ' || coalesce(NEW.summary_en, '') || ' ' || NEW.description || ' ' || NEW.specs || ' ', 'product', NEW.id, NEW.enterprise_id FROM `products` AS NEW
--> statement-breakpoint
INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT NEW.id * 4 + 2, NEW.title || ' ' || coalesce(NEW.title_en, '') || ' ', NEW.location || ' ' || NEW.requirements || ' ' || NEW.description || ' ', 'job', NEW.id, NEW.enterprise_id FROM `jobs` AS NEW
--> statement-breakpoint
INSERT INTO `search_docs` (rowid, `title`, `body`, `kind`, `ref_id`, `enterprise_id`) SELECT NEW.id * 4 + 3, NEW.title || ' ' || coalesce(NEW.title_en, '') || ' ', NEW.sector || ' ' || NEW.summary || ' ' || NEW.description || ' ', 'project', NEW.id, NEW.enterprise_id FROM `investment_projects` AS NEW
