package org.leadrouter.retention;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.intake.PostgresServer;
import org.leadrouter.intake.RequiresPostgres;

/** Retention on a real PostgreSQL server started for this class. */
@RequiresPostgres
class RetentionPostgresTest extends RetentionContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
