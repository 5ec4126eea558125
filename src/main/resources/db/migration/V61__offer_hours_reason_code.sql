-- Hourly totals of closed offers keep the decline reason code too (V60 gave offers one), so the
-- decline reasons of a long window read from the roll-up are counted by code like the rest.
ALTER TABLE offer_hours ADD COLUMN reason_code VARCHAR(64);
