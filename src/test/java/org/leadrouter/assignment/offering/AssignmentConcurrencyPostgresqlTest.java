package org.leadrouter.assignment.offering;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.intake.PostgresServer;
import org.leadrouter.intake.RequiresPostgres;

/** The same test on a real PostgreSQL server started for this class: row locks and SKIP LOCKED. */
@RequiresPostgres
class AssignmentConcurrencyPostgresqlTest extends AssignmentConcurrencyContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }

    @Override
    boolean offerWithLead() {
        return false;
    }
}
