package org.leadrouter.assignment.work;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same test on PostgreSQL, when one is given: -Dleadrouter.test.postgresql.url=jdbc:postgresql://host/db
 * (with .user and .password). Each run works in a fresh schema. Skipped otherwise.
 */
class AssignmentConcurrencyPostgresqlTest extends AssignmentConcurrencyContract {

    @Override
    DataSource dataSource() {
        String url = System.getProperty("leadrouter.test.postgresql.url");
        assumeTrue(url != null && !url.isBlank(), "no PostgreSQL given (leadrouter.test.postgresql.url)");
        String schema = "assign_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(url);
        postgres.setUser(System.getProperty("leadrouter.test.postgresql.user", "postgres"));
        postgres.setPassword(System.getProperty("leadrouter.test.postgresql.password", ""));
        try (Connection c = postgres.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the PostgreSQL schema", e);
        }
        postgres.setCurrentSchema(schema);
        Flyway.configure().dataSource(postgres).schemas(schema).locations("classpath:db/migration").load().migrate();
        return postgres;
    }
}
