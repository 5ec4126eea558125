-- Escalation that never strands a lead, supervisor actions and decline reason codes.
-- Portable between H2 2.x and PostgreSQL 12+, like V1.

-- escalated_from: the queue the item was in when first escalated; its escalation path (target,
-- the target's targets, the queue's managers, the global review queue) is worked out from it.
-- escalation_step: where on that path the item is now; above 0 means an earlier step refused it.
ALTER TABLE work_items ADD COLUMN escalated_from VARCHAR(1024);
ALTER TABLE work_items ADD COLUMN escalation_step INTEGER DEFAULT 0 NOT NULL;

-- Who made a transition by hand (a supervisor's or agent's credential name); null for the service.
ALTER TABLE work_events ADD COLUMN actor VARCHAR(256);

-- A declined offer's reason code (leadrouter.assignment.decline-reasons); reason keeps the free text.
ALTER TABLE offers ADD COLUMN reason_code VARCHAR(64);
