package org.leadrouter.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.leadrouter.intake.PackagedService;

/**
 * The one place the fuzz suite gets its credential: the value of the {@code Authorization}
 * header sent with every request. An admin key made with the jar's {@code users add}, run with
 * the service's own folder and settings; admin, because the suite reads leads back with their
 * personal fields.
 */
final class Credentials {

    private Credentials() {
    }

    static String authorization(Path workDir, List<String> settings) throws IOException, InterruptedException {
        return "Bearer " + PackagedService.addUser(workDir, "fuzz", "admin", settings.toArray(String[]::new));
    }
}
