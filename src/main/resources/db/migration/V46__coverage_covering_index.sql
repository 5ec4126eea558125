-- Rule coverage counts, per routing rule, the items a segment routed in a window and how many of
-- them were accepted. Measured with a million recorded leads (docs/performance.md#console-kpis):
-- through V40's (segment, routed_at) index H2 fetched each item's wide row, 8.5 s for 7 days; with
-- the two columns it reads in the index it reads the index alone. Replaces V40's index, so intake
-- still maintains one index for this, not two.
DROP INDEX work_items_segment_routed;
CREATE INDEX work_items_segment_routed ON work_items (segment, routed_at, routing_rule, accepted_at);
