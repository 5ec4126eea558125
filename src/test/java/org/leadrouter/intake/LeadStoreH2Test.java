package org.leadrouter.intake;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.leadrouter.db.Database;

class LeadStoreH2Test extends LeadStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = TestDatabases.h2();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    Database database() {
        return Database.H2;
    }
}
