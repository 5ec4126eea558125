package org.leadrouter.intake;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs the service on a throwaway PostgreSQL, selected the way an operator selects it. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresCluster cluster;

    @Override
    public Map<String, String> start() {
        try {
            cluster = PostgresCluster.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start a test PostgreSQL: " + e.getMessage(), e);
        }
        return Map.of(
                "leadrouter.data.database", "postgresql",
                "quarkus.datasource.postgresql.jdbc.url", cluster.jdbcUrl(),
                "quarkus.datasource.postgresql.username", PostgresCluster.USER);
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
