package org.leadrouter.assignment.work;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.leadrouter.intake.PostgresCluster;
import org.postgresql.ds.PGSimpleDataSource;

/** The same test on a real PostgreSQL server started for this class: row locks and SKIP LOCKED. */
@EnabledIf(value = "org.leadrouter.intake.PostgresCluster#testsShouldRun",
        disabledReason = "no PostgreSQL server binaries (apt-get install -y postgresql)")
class AssignmentConcurrencyPostgresqlTest extends AssignmentConcurrencyContract {

    private static PostgresCluster cluster;
    private static DataSource dataSource;

    @BeforeAll
    static void startPostgres() throws Exception {
        cluster = PostgresCluster.start();
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(cluster.jdbcUrl());
        postgres.setUser(PostgresCluster.USER);
        Flyway.configure().dataSource(postgres).locations("classpath:db/migration").load().migrate();
        dataSource = postgres;
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
