package org.leadrouter.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.intake.PackagedService;
import org.leadrouter.intake.PostgresCluster;
import org.leadrouter.intake.RequiresPostgres;

/** The same hostile requests as {@link FuzzIT}, with the service recording to PostgreSQL. */
@RequiresPostgres
class FuzzPostgresIT {

    @Test
    void everyWriteEndpointAnswersHostileRequestsWithoutAServerError(@TempDir Path work) throws Exception {
        FuzzSettings settings = FuzzSettings.fromSystemProperties();
        try (PostgresCluster postgres = PostgresCluster.start()) {
            List<String> service = FuzzCampaign.serviceSettings("leadrouter.data.database=postgresql",
                    "quarkus.datasource.postgresql.jdbc.url=" + postgres.jdbcUrl(),
                    "quarkus.datasource.postgresql.username=" + PostgresCluster.USER);
            // Made before the start, so the service has it from its first request.
            String authorization = Credentials.authorization(work, service);
            try (PackagedService pg = PackagedService.start(work, service.toArray(String[]::new))) {
                FuzzReport report = FuzzCampaign.run(pg, authorization, "postgresql",
                        settings.seed(), settings.count());
                System.out.println(report.summary());
                assertTrue(report.clean(), report.summary());
            }
        }
    }
}
