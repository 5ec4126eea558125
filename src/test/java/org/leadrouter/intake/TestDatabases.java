package org.leadrouter.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
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

    /**
     * An embedded file database in {@code folder} that H2 itself writes to its file only once an
     * hour, kept open between connections as the service's pool keeps it: what is not in the file
     * is what the service's own writes (checkpoints, the journal's fallback) put there.
     */
    public static DataSource h2WrittenHourly(Path folder, boolean migrate) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("leadrouter") + ";WRITE_DELAY=3600000;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        if (migrate) {
            Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        }
        return h2;
    }

    /** Copies a data folder as it is on the disk now: what a crash at this moment would leave. */
    public static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    /** A PostgreSQL database migrated as the service migrates it, PostgreSQL's own migrations among them. */
    public static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
