package org.leadrouter.rules;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.intake.PostgresServer;
import org.leadrouter.intake.RequiresPostgres;

/** Version history across restarts on a real PostgreSQL server started for this class. */
@RequiresPostgres
class VersionHistoryPostgresTest extends VersionHistoryContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
