-- H2 only (quarkus.flyway.h2.locations). H2 hands out identity values from memory and writes the
-- next high-water mark to its schema every CACHE values; that write commits H2's system session,
-- which stores every unsaved page of the file there and then, in the middle of the statement that
-- asked for the value. At the default of 32, the event, offer and lead identities stored the file
-- about a hundred extra times a second under load, each store rewriting and compressing pages the
-- batch's own commit rewrites again moments later (docs/performance.md, "Identity caches").
-- A crash skips at most the cached values: gaps, never a reused or reordered value, as H2 keeps one
-- counter per identity. PostgreSQL caches per connection, which would reorder ids between
-- connections, so it keeps its default.
ALTER TABLE leads ALTER COLUMN seq SET CACHE 100000;
ALTER TABLE offers ALTER COLUMN id SET CACHE 100000;
ALTER TABLE work_events ALTER COLUMN id SET CACHE 100000;
ALTER TABLE rule_events ALTER COLUMN id SET CACHE 100000;
