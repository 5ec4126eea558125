package org.leadrouter.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows another feature keeps for newly recorded leads, written in the leads' own transaction so
 * both are committed (and synced) together. Intake does not depend on what is written: when
 * {@link #write} fails, its writes are undone and the leads are recorded without them.
 */
@FunctionalInterface
public interface RecordingExtension {

    /** Inside the batch's transaction, after its new leads are written. */
    void write(Connection connection, List<LeadRecord> created) throws SQLException;

    /** After the commit of a batch whose {@link #write} failed and was undone: the rows are still to be made. */
    default void notWritten(List<LeadRecord> created, Exception cause) {
    }
}
