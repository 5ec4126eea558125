package org.leadrouter.retention;

import javax.sql.DataSource;
import org.leadrouter.intake.TestDatabases;

/** Retention on the embedded database. */
class RetentionH2Test extends RetentionContract {

    private final DataSource database = TestDatabases.h2();

    @Override
    DataSource dataSource() {
        return database;
    }
}
