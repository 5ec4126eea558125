package org.leadrouter.kpis;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.db.Database;
import org.leadrouter.intake.PostgresServer;
import org.leadrouter.intake.RequiresPostgres;

/** The KPI arithmetic on a real PostgreSQL server started for this class. */
@RequiresPostgres
class KpiBlocksPostgresTest extends KpiBlocksContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }

    @Override
    Database database() {
        return Database.POSTGRESQL;
    }
}
