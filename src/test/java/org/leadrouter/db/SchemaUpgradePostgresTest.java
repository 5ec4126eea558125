package org.leadrouter.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.leadrouter.intake.PostgresCluster;
import org.leadrouter.intake.RequiresPostgres;

/** The same upgrades on a real PostgreSQL server started for this class, with no schema yet. */
@RequiresPostgres
class SchemaUpgradePostgresTest extends SchemaUpgradeContract {

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
        DataSource dataSource = postgres.dataSource();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database", e);
        }
        return dataSource;
    }

    @Override
    String[] locations() {
        return new String[] {"classpath:db/migration"};
    }
}
