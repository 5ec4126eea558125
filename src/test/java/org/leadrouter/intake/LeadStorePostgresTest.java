package org.leadrouter.intake;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract against a real PostgreSQL server started for this class. */
@RequiresPostgres
class LeadStorePostgresTest extends LeadStoreContract {

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
