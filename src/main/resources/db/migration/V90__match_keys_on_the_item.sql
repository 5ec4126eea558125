-- Sticky routing's keys of an item, as a JSON array of strings, in the item's own row: the lead's
-- transaction no longer writes a row per key into work_match_keys (and into its two indexes, both
-- at random places when lead ids are UUIDs). work_match_keys now holds the keys of items that were
-- accepted, the only ones sticky routing looks up, written when each is first accepted. Items
-- recorded before this keep their keys there (V91 moves none; WorkStore.matchKeys reads them).
-- Three keys of at most 500 characters each (MatchKeys), every character escaped by JSON at worst,
-- fit the column.
ALTER TABLE work_items ADD COLUMN match_keys VARCHAR(16384);
