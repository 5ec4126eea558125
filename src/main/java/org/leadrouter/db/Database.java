package org.leadrouter.db;

import java.util.Locale;
import java.util.Optional;

/**
 * The databases that can hold the record. Quarkus fixes a datasource's kind at build time, so
 * each one is a named datasource built into every jar; configuration activates exactly one.
 */
public enum Database {

    /** Embedded file database under {@code leadrouter.data.dir}: nothing to install or run. */
    H2,
    /** An operator's server, reached through {@code quarkus.datasource.postgresql.*}. */
    POSTGRESQL;

    /** The datasource name in {@code quarkus.datasource."name".*}. */
    public String datasourceName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Database> named(String name) {
        for (Database database : values()) {
            if (database.datasourceName().equalsIgnoreCase(name.trim())) {
                return Optional.of(database);
            }
        }
        return Optional.empty();
    }
}
