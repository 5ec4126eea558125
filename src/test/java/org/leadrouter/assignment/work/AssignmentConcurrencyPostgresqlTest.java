package org.leadrouter.assignment.work;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.leadrouter.intake.PostgresCluster;

/** The same test on a real PostgreSQL server started for this class: row locks and SKIP LOCKED. */
@EnabledIf(value = "org.leadrouter.intake.PostgresCluster#testsShouldRun",
        disabledReason = "no PostgreSQL server binaries (apt-get install -y postgresql)")
class AssignmentConcurrencyPostgresqlTest extends AssignmentConcurrencyContract {

    private static PostgresCluster cluster;
    private static DataSource dataSource;

    @BeforeAll
    static void startPostgres() throws Exception {
        cluster = PostgresCluster.start();
        dataSource = cluster.migratedDataSource();
    }

    @AfterAll
    static void stopPostgres() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
