-- An offer keeps its item's segment (which never changes), so the acceptance KPI reads closed
-- offers alone instead of joining each to its item for the segment. That join was all that
-- V41's covering index work_items_segment_of served, and every lead paid for it: one more tree
-- keyed by the lead id, at a random place when lead ids are UUIDs (docs/performance.md).
-- Offers made before have no segment; the KPI reads their item's (org.leadrouter.db.RewrittenMigrations
-- says why this no longer fills them here).
ALTER TABLE offers ADD COLUMN segment VARCHAR(64);
DROP INDEX work_items_segment_of;
