package org.leadrouter.assignment.work;

import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.intake.PostgresServer;

/** The same test on a real PostgreSQL server started for this class: row locks and SKIP LOCKED. */
@EnabledIf(value = "org.leadrouter.intake.PostgresCluster#testsShouldRun",
        disabledReason = "no PostgreSQL server binaries (apt-get install -y postgresql)")
class AssignmentConcurrencyPostgresqlTest extends AssignmentConcurrencyContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
