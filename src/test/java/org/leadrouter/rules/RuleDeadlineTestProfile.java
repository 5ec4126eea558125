package org.leadrouter.rules;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A rules root of its own, copied from {@code src/test/resources/deadline-rules/root}: a segment
 * whose scenarios reach a rule that never returns, two whose looping rule no scenario reaches
 * (or that are good and get one later), and a steady segment beside them. Watched, with a short
 * debounce.
 */
public class RuleDeadlineTestProfile implements QuarkusTestProfile {

    static final Path RESOURCES = Path.of("src/test/resources/deadline-rules");

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path root = Files.createTempDirectory("lead-router-deadline-rules");
            copyTree(RESOURCES.resolve("root"), root);
            return Map.of(
                    "leadrouter.rules.dir", root.toString(),
                    "leadrouter.rules.debounce", "50ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
