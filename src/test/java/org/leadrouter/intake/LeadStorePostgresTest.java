package org.leadrouter.intake;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.db.Database;

/** The store contract against a real PostgreSQL server started for this class. */
@RequiresPostgres
class LeadStorePostgresTest extends LeadStoreContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Test
    void aNulCharacterIsADataErrorOnPostgresql() {
        // H2 keeps it; PostgreSQL text cannot hold it (SQLSTATE 22021).
        LeadRecord nul = Leads.record("nul-" + UUID.randomUUID(), "insurance\u0000x");
        SQLException refused = assertThrows(SQLException.class, () -> new LeadStore(dataSource(), database()).record(List.of(nul)));

        assertTrue(DataErrors.isDataError(refused), refused.getSQLState() + " " + refused.getMessage());
    }

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }

    @Override
    Database database() {
        return Database.POSTGRESQL;
    }
}
