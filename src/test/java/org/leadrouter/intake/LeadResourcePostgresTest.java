package org.leadrouter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.leadrouter.db.Database;

/** Every HTTP test of the record, with the service switched to PostgreSQL by configuration only. */
@RequiresPostgres
@QuarkusTest
@TestProfile(PostgresProfile.class)
class LeadResourcePostgresTest extends LeadResourceTest {

    @Test
    void theRecordIsInPostgresql() {
        assertEquals(Database.POSTGRESQL, config.database());
    }
}
