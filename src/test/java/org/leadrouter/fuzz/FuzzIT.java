package org.leadrouter.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.intake.PackagedService;

/**
 * Generated hostile requests to every write endpoint of the packaged service on its embedded H2
 * file database: only 2xx and 4xx answers, problem bodies, acknowledged leads readable, service ready.
 */
class FuzzIT {

    @Test
    void everyWriteEndpointAnswersHostileRequestsWithoutAServerError(@TempDir Path work) throws Exception {
        FuzzSettings settings = FuzzSettings.fromSystemProperties();
        List<String> service = FuzzCampaign.serviceSettings("leadrouter.data.dir=" + work.resolve("data"));
        // Made before the start, so the service has it from its first request.
        String authorization = Credentials.authorization(work, service);
        try (PackagedService h2 = PackagedService.start(work, service.toArray(String[]::new))) {
            FuzzReport report = FuzzCampaign.run(h2, authorization, "h2",
                    settings.seed(), settings.count());
            System.out.println(report.summary());
            assertTrue(report.clean(), report.summary());
        }
    }
}
