package org.leadrouter.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one place the fuzz suite gets its credential: the value of the {@code Authorization}
 * header sent with every request, or none. Today it is taken from {@code LEADROUTER_TOKEN} when
 * set; once the service requires a credential, it comes from {@code users add} run with the
 * service's own data folder and settings, which is why those are passed in.
 */
final class Credentials {

    private Credentials() {
    }

    static Optional<String> authorization(Path workDir, List<String> settings) {
        return Optional.ofNullable(System.getenv("LEADROUTER_TOKEN")).filter(token -> !token.isBlank())
                .map(token -> "Bearer " + token);
    }
}
