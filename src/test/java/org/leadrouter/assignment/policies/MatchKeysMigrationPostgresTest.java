package org.leadrouter.assignment.policies;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.leadrouter.intake.PostgresCluster;
import org.leadrouter.intake.RequiresPostgres;

/** The same upgrade on a real PostgreSQL server started for this class, with no schema yet. */
@RequiresPostgres
class MatchKeysMigrationPostgresTest extends MatchKeysMigrationContract {

    private static PostgresCluster postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresCluster.start();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    DataSource empty() {
        return postgres.dataSource();
    }

    @Override
    String[] locations() {
        return new String[] {"classpath:db/migration", "classpath:db/postgresql"};
    }
}
