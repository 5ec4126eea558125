package org.leadrouter.intake;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PostgreSQL server for one test class, with the service's migrations applied:
 * {@code @RegisterExtension static final PostgresServer POSTGRES = new PostgresServer();}.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

    private PostgresCluster cluster;
    private DataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster = PostgresCluster.start();
        dataSource = cluster.migratedDataSource();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
