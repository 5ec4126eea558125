package org.leadrouter.intake;

import java.util.List;

/** A segment's most recent records, oldest first, and how many rows among them could not be read and were left out. */
public record RecentLeads(List<LeadRecord> records, int unreadable) {

    public RecentLeads {
        records = List.copyOf(records);
    }
}
