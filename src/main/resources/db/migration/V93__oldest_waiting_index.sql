-- Each queue's longest-waiting item, in created order. work_items_waiting orders a queue's items by
-- priority and score first, so finding the oldest read and sorted every waiting item of the queue:
-- with a night's backlog nobody works (60,000 items), 0.3-0.6 s for each queue, every 30 s for the
-- SLA alert and at each console refresh (docs/performance.md). In this order it is one seek.
CREATE INDEX work_items_oldest ON work_items (state, queue, created_at, id);
