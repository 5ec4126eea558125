-- See db/migration/V90. Items recorded before V90 keep their match keys in work_match_keys, where
-- WorkStore.matchKeys reads them when the item's own column is empty. This migration first copied
-- every item's keys into its row in one statement: on a million items that held the service's
-- start for 14 minutes and grew the H2 file 25-fold (org.leadrouter.db.RewrittenMigrations).
SELECT 1;
