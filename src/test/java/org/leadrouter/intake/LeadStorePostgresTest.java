package org.leadrouter.intake;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;

/** The store contract against a real PostgreSQL server started for this class. */
@EnabledIf(value = "org.leadrouter.intake.PostgresCluster#testsShouldRun",
        disabledReason = "no PostgreSQL server binaries (apt-get install -y postgresql)")
class LeadStorePostgresTest extends LeadStoreContract {

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

    @Override
    Database database() {
        return Database.POSTGRESQL;
    }
}
