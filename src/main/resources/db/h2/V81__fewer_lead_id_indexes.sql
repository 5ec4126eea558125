-- H2 only (quarkus.flyway.h2.locations). H2 gives every foreign key an index of exactly its
-- columns, so the work item's child tables each carried two B-trees keyed by the lead id: the
-- foreign key's (work_id) and the primary key or index that starts with it. A lead id is the
-- caller's, often random (a UUID), so every new lead adds an entry in the middle of each such tree,
-- and each commit rewrites one page of each tree for each lead in it (docs/performance.md, "Indexes
-- keyed by the lead id"). The foreign key's index serves every query these served: rows are only
-- ever read, updated and deleted by work_id, and the few rows of one item are sorted or filtered
-- (offers by agent) as cheaply without the longer index. The rows the primary keys kept unique are
-- written once per item, from a set. PostgreSQL indexes no foreign key by itself and keeps its schema.
ALTER TABLE work_skills DROP PRIMARY KEY;
ALTER TABLE work_match_keys DROP PRIMARY KEY;
DROP INDEX work_events_work;
DROP INDEX offers_work;
