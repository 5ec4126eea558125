-- See db/migration/V90. The keys of items not yet accepted move from work_match_keys to the item.
UPDATE work_items w SET match_keys = (
    SELECT CAST(JSON_ARRAYAGG(k.match_key ORDER BY k.match_key) AS VARCHAR) FROM work_match_keys k WHERE k.work_id = w.id)
WHERE w.accepted_at IS NULL AND EXISTS (SELECT 1 FROM work_match_keys k WHERE k.work_id = w.id);

DELETE FROM work_match_keys k WHERE EXISTS (SELECT 1 FROM work_items w WHERE w.id = k.work_id AND w.accepted_at IS NULL);
