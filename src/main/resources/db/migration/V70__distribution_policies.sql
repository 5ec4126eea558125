-- Distribution policies and routing refinements. Portable between H2 2.x and PostgreSQL 12+.

-- Round-robin reads a queue's latest offer, weighted its latest offers: by queue, newest first
-- (the queries order by "queue, id DESC", which H2 reads straight from this index).
CREATE INDEX offers_queue ON offers (queue, id DESC);
-- Caps count what an agent kept of a queue in the last hour and day.
CREATE INDEX offers_agent_queue ON offers (agent_id, queue, offered_at);

-- Sticky routing: each item's normalised email, phone and company ("email:priya@example.com"),
-- looked up by key to find who accepted the same customer lately.
CREATE TABLE work_match_keys (
    work_id    VARCHAR(128) NOT NULL REFERENCES work_items (id),
    match_key  VARCHAR(512) NOT NULL,
    PRIMARY KEY (work_id, match_key)
);

CREATE INDEX work_match_keys_key ON work_match_keys (match_key, work_id);

-- Skill relaxation: by how many levels an item's required skills were lowered (work_skills
-- holds the lowered levels; work_items.required_skills keeps what the rules asked for).
CREATE TABLE work_relaxation (
    work_id  VARCHAR(128) NOT NULL PRIMARY KEY REFERENCES work_items (id),
    levels   INTEGER      NOT NULL
);
