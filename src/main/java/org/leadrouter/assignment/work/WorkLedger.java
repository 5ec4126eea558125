package org.leadrouter.assignment.work;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.db.RecordUnavailableException;
import org.leadrouter.db.Transactions;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.problem.NotFoundException;

/** Reads a work item with its offers and history in one consistent transaction, and what escalation passed over. */
@ApplicationScoped
public class WorkLedger {

    private final Transactions db;
    private final WorkStore work;
    private final LeadStore leads;
    private final boolean enabled;

    public WorkLedger(Transactions db, WorkStore work, LeadStore leads, AssignmentConfig config) {
        this.db = db;
        this.work = work;
        this.leads = leads;
        this.enabled = config.enabled();
    }

    /** The item, or 404: {@link ItemPendingException} when its lead is recorded and the item is about to be made. */
    public WorkView require(String id, String what) {
        return find(id).orElseThrow(() -> {
            try {
                return enabled && leads.find(id).isPresent() ? new ItemPendingException(id) : new NotFoundException(what, id);
            } catch (SQLException e) {
                throw new RecordUnavailableException("the record could not be read; retry", e);
            }
        });
    }

    public Optional<WorkView> find(String id) {
        return db.inTransaction(c -> {
            Optional<WorkItem> item = work.find(c, id);
            if (item.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new WorkView(item.get(), work.offersFor(c, id), work.history(c, item.get())));
        });
    }

    public List<PassedOver> passedOver() {
        return db.inTransaction(work::passedOver);
    }

    public Optional<Offer> offer(long id) {
        return db.inTransaction(c -> work.offer(c, id));
    }
}
