package org.leadrouter.assignment.work;

import java.util.List;

/** A work item with every offer made of it and its full history: the lead's assignment story. */
public record WorkView(WorkItem item, List<Offer> offers, List<WorkEvent> history) {
}
