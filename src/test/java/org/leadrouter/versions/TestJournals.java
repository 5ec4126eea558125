package org.leadrouter.versions;

import org.leadrouter.intake.TestDatabases;
import org.leadrouter.rules.VersionJournal;

/** Version journals for tests that build the registry without the container. */
public final class TestJournals {

    private TestJournals() {
    }

    /** A journal in a fresh in-memory H2 database with the service's migrations. */
    public static VersionJournal h2() {
        return new JdbcVersionJournal(TestDatabases.h2());
    }
}
