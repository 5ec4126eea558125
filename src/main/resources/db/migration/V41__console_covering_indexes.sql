-- Measured with a million recorded leads (docs/performance.md#console-kpis): reading a row of
-- work_items costs far more than an index entry (the rows are wide), so the KPI reads get indexes
-- that hold every column they need. Replaces V40's work_items_accepted.
DROP INDEX work_items_accepted;
CREATE INDEX work_items_accepted ON work_items (accepted_at, segment, received_at);
-- Acceptance joins each closed offer to its item only for the segment.
CREATE INDEX work_items_segment_of ON work_items (id, segment);
