package org.leadrouter.assignment.work;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.leadrouter.assignment.AssignmentDb;

/** Reads a work item with its offers and history in one consistent transaction, and what escalation passed over. */
@ApplicationScoped
public class WorkLedger {

    private final AssignmentDb db;
    private final WorkStore work;

    public WorkLedger(AssignmentDb db, WorkStore work) {
        this.db = db;
        this.work = work;
    }

    public Optional<WorkView> find(String id) {
        return db.inTransaction(c -> {
            Optional<WorkItem> item = work.find(c, id);
            if (item.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new WorkView(item.get(), work.offersFor(c, id), work.history(c, id)));
        });
    }

    public List<PassedOver> passedOver() {
        return db.inTransaction(work::passedOver);
    }

    public Optional<Offer> offer(long id) {
        return db.inTransaction(c -> work.offer(c, id));
    }
}
