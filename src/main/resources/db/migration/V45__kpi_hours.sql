-- Hourly totals of time to assign and of closed offers, rolled up in the background from
-- work_items and offers once an hour is over (kpis/HourlyRollup). Windows longer than the minute
-- trend's (docs/console.md#windows) read these for their whole hours and the rows themselves only
-- for the edges, so a 7-day window reads a few thousand rows instead of hundreds of thousands.
-- Portable between H2 2.x and PostgreSQL 12+, like V1.

-- Items accepted in the hour per segment and time to assign, kept to two significant figures of
-- milliseconds (kpis/TwoFigures): the same rounding the raw rows get, so a figure does not depend
-- on which of the two it was read from.
CREATE TABLE assign_hours (
    hour_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    segment  VARCHAR(64)  NOT NULL,
    millis   BIGINT       NOT NULL,
    items    BIGINT       NOT NULL,
    PRIMARY KEY (hour_at, segment, millis)
);

-- Offers closed in the hour per segment, queue, agent, outcome and decline reason.
CREATE TABLE offer_hours (
    hour_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    segment   VARCHAR(64)   NOT NULL,
    queue     VARCHAR(1024) NOT NULL,
    agent_id  VARCHAR(128)  NOT NULL,
    state     VARCHAR(16)   NOT NULL,
    reason    VARCHAR(1024),
    offers    BIGINT        NOT NULL
);
CREATE INDEX offer_hours_at ON offer_hours (hour_at);

-- One row: every hour before rolled_to is in the tables above (null: nothing rolled yet). The roll-up
-- locks it, so two services on one PostgreSQL never roll the same hour twice.
CREATE TABLE kpi_rollup (
    id         INT PRIMARY KEY,
    rolled_to  TIMESTAMP WITH TIME ZONE
);
INSERT INTO kpi_rollup (id, rolled_to) VALUES (1, NULL);
