-- The console's KPIs and rule coverage. Portable between H2 2.x and PostgreSQL 12+, like V1.

-- Why a lead was fallback-routed (routing/FallbackCause), null when a rule routed it on complete
-- data. Leads recorded before this column have none: their fallback flag still counts them.
ALTER TABLE leads ADD COLUMN fallback_cause VARCHAR(32);

-- Leads recorded per minute, segment and fallback cause ('NONE' when a rule routed the lead),
-- added to in the lead writer's batch transaction: the fallback volume and its trend over days of
-- history read a few thousand rows instead of millions of leads.
CREATE TABLE lead_minutes (
    minute_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    segment  VARCHAR(64)  NOT NULL,
    cause    VARCHAR(32)  NOT NULL,
    leads    BIGINT       NOT NULL,
    PRIMARY KEY (minute_at, segment, cause)
);

-- Rules fired per minute and segment, and when each last fired: rule coverage without reading
-- every lead's rules_fired list.
CREATE TABLE rule_minutes (
    minute_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    segment        VARCHAR(64)   NOT NULL,
    rule           VARCHAR(1024) NOT NULL,
    fired          BIGINT        NOT NULL,
    last_fired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (segment, minute_at, rule)
);

-- Time to assign over a window reads the items accepted in it; acceptance the offers closed in it;
-- coverage the items a segment routed in it.
CREATE INDEX work_items_accepted ON work_items (accepted_at);
CREATE INDEX offers_closed ON offers (closed_at);
CREATE INDEX work_items_segment_routed ON work_items (segment, routed_at);
