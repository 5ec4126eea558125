-- See db/migration/V90. Every item's keys are copied onto the item, where the sticky lookup reads
-- them; the rows of items not yet accepted go, as intake no longer writes such rows.
UPDATE work_items w SET match_keys = (
    SELECT json_agg(k.match_key ORDER BY k.match_key)::text FROM work_match_keys k WHERE k.work_id = w.id)
WHERE EXISTS (SELECT 1 FROM work_match_keys k WHERE k.work_id = w.id);

DELETE FROM work_match_keys k WHERE EXISTS (SELECT 1 FROM work_items w WHERE w.id = k.work_id AND w.accepted_at IS NULL);
