package org.leadrouter.rules;

import javax.sql.DataSource;
import org.leadrouter.intake.TestDatabases;

/** Version history across restarts on the embedded database. */
class VersionHistoryH2Test extends VersionHistoryContract {

    private final DataSource database = TestDatabases.h2();

    @Override
    DataSource dataSource() {
        return database;
    }
}
