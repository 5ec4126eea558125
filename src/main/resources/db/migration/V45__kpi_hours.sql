-- Hourly totals of time to assign, closed offers and leads, rolled up in the background from
-- work_items, offers and lead_minutes once an hour is over (kpis/HourlyRollup). Windows longer than the minute
-- trend's (docs/console.md#windows) read these for their whole hours and the rows themselves only
-- for the edges, so a 7-day window reads a few thousand rows instead of hundreds of thousands.
-- Portable between H2 2.x and PostgreSQL 12+, like V1.

-- Items accepted in the hour per segment and time to assign, kept to two significant figures of
-- milliseconds (kpis/TwoFigures): the same rounding the raw rows get, so a figure does not depend
-- on which of the two it was read from. No primary key: the roll-up writes an hour once, and
-- the index holding every column lets H2 answer from the index alone.
CREATE TABLE assign_hours (
    hour_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    segment  VARCHAR(64)  NOT NULL,
    millis   BIGINT       NOT NULL,
    items    BIGINT       NOT NULL
);
CREATE INDEX assign_hours_read ON assign_hours (hour_at, segment, millis, items);

-- Offers closed in the hour by outcome, per segment, per queue and per agent (dimension SEGMENT,
-- QUEUE or AGENT), each on its own: per agent and queue together there would be about a row per offer.
CREATE TABLE offer_hours (
    hour_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    dimension  VARCHAR(8)    NOT NULL,
    name       VARCHAR(1024) NOT NULL,
    accepted   BIGINT        NOT NULL,
    declined   BIGINT        NOT NULL,
    timed_out  BIGINT        NOT NULL,
    withdrawn  BIGINT        NOT NULL
);
CREATE INDEX offer_hours_read ON offer_hours (hour_at, dimension, name, accepted, declined, timed_out, withdrawn);

-- Offers declined in the hour per segment and reason: the reason code, or for declines made before
-- codes their free text ('(no reason given)' when there was none).
CREATE TABLE decline_hours (
    hour_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    segment   VARCHAR(64)   NOT NULL,
    reason    VARCHAR(1024) NOT NULL,
    declines  BIGINT        NOT NULL
);
CREATE INDEX decline_hours_read ON decline_hours (hour_at, segment, reason, declines);

-- Leads recorded in the hour per segment and fallback cause: lead_minutes (V40) added up.
CREATE TABLE lead_hours (
    hour_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    segment  VARCHAR(64)  NOT NULL,
    cause    VARCHAR(32)  NOT NULL,
    leads    BIGINT       NOT NULL
);
CREATE INDEX lead_hours_read ON lead_hours (hour_at, segment, cause, leads);

-- One row: every hour before rolled_to is in the tables above (null: nothing rolled yet). The roll-up
-- locks it, so two services on one PostgreSQL never roll the same hour twice.
CREATE TABLE kpi_rollup (
    id         INT PRIMARY KEY,
    rolled_to  TIMESTAMP WITH TIME ZONE
);
INSERT INTO kpi_rollup (id, rolled_to) VALUES (1, NULL);
