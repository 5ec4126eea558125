package org.leadrouter.assignment.queues;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.intake.PostgresServer;
import org.leadrouter.intake.RequiresPostgres;

/**
 * The queues' oldest items on a real PostgreSQL server, which seeks the next queue with
 * {@code queue > ?} (H2's seek is tested in QueueStatusTest).
 */
@RequiresPostgres
class QueueStatusPostgresTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Test
    void queuesWhoseNamesStartAlikeAreEachListed() {
        TestAssignment t = new TestAssignment(POSTGRES.dataSource(), """
                {"queues": {"desk": {}}}""");
        // No NUL in a name: PostgreSQL's text does not allow one.
        QueueStatusTest.assertEachListedWithItsOldest(t, List.of("desk", "desk b", "desk-b", "deskb"));
    }
}
