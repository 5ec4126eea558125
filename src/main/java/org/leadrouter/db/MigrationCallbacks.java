package org.leadrouter.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.flyway.FlywayDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** What Flyway runs around the service's migrations at start, on either database. */
@ApplicationScoped
public class MigrationCallbacks {

    @Produces
    @FlywayDataSource("h2")
    FlywayConfigurationCustomizer h2() {
        return configuration -> configuration.callbacks(new RewrittenMigrations());
    }

    @Produces
    @FlywayDataSource("postgresql")
    FlywayConfigurationCustomizer postgresql() {
        return configuration -> configuration.callbacks(new RewrittenMigrations());
    }
}
