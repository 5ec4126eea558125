package org.leadrouter.intake;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** Databases for tests that need a store but not the service. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A fresh in-memory H2 database with the service's migrations applied, H2's own among them. */
    public static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        return h2;
    }

    /** A PostgreSQL database migrated as the service migrates it, PostgreSQL's own migrations among them. */
    public static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
