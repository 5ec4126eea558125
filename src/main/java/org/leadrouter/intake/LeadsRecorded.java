package org.leadrouter.intake;

import java.util.List;

/**
 * Fired (synchronously, on the writer thread) after a batch is committed, with the leads it
 * recorded for the first time. Observers must hand the work off quickly: the next batch waits.
 */
public record LeadsRecorded(List<LeadRecord> records) {
}
