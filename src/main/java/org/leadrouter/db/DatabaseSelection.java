package org.leadrouter.db;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the two operator settings, {@code leadrouter.data.database} and {@code leadrouter.data.dir},
 * into the Quarkus datasource settings they imply: which named datasource is active, and the H2
 * file URL; and into the one setting of another feature whose default depends on the database,
 * {@code leadrouter.assignment.offer-with-lead}. Done here because a properties file cannot
 * derive a boolean from a name, and H2 rejects a relative path unless it starts with "./".
 *
 * <p>Its ordinal is below application.properties, so any of these set explicitly still wins
 * (the test profile uses that for an in-memory database).
 */
public class DatabaseSelection implements ConfigSourceFactory {

    static final int ORDINAL = 150;
    /**
     * WRITE_DELAY=1000: H2 writes its file at most about once a second by itself. Intake makes
     * each batch durable through its journal and checkpoints the file; every other writer writes
     * the file at its commit ({@link H2Store#write}), as H2 does with no delay.
     * COMPRESS=TRUE: pages are written compressed (LZF), which takes a lead's live pages from
     * 1.2-2 KB to about 0.55 KB (docs/performance.md, "Disk per recorded lead").
     * AUTO_COMPACT_FILL_RATE=0: H2's background writer does not compact as well; the service's
     * compaction steps ({@link FileCompactor}) keep the file's size.
     * QUERY_CACHE_SIZE=64: a lead batch prepares more distinct statements than H2's default 8
     * cached per connection, and parsing them again was a sixth of the lead writer's time at 2,100
     * leads/s (docs/performance.md, "The intake journal").
     */
    static final String H2_SETTINGS = ";WRITE_DELAY=1000;COMPRESS=TRUE;AUTO_COMPACT_FILL_RATE=0;QUERY_CACHE_SIZE=64";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String name = valueOf(context, "leadrouter.data.database", "h2");
        // An unknown name is reported by DataConfig's validation, which names the allowed values.
        Database database = Database.named(name).orElse(null);
        if (database == null) {
            return List.of();
        }
        Path dir = Path.of(valueOf(context, "leadrouter.data.dir", "data")).toAbsolutePath().normalize();
        // Before H2 opens it (a folder H2 creates itself is readable by everyone), and not while
        // the application is being built, when this runs too.
        if (database == Database.H2 && ExecutionMode.current() != ExecutionMode.UNSET
                && valueOf(context, "quarkus.datasource.h2.jdbc.url", null) == null) {
            DataFolder.secure(dir);
        }
        Map<String, String> derived = Map.of(
                "quarkus.datasource.h2.active", Boolean.toString(database == Database.H2),
                "quarkus.datasource.postgresql.active", Boolean.toString(database == Database.POSTGRESQL),
                "quarkus.datasource.h2.jdbc.url", "jdbc:h2:file:" + dir.resolve("leadrouter") + H2_SETTINGS,
                "leadrouter.assignment.offer-with-lead", Boolean.toString(database == Database.H2));
        return List.of(new PropertiesConfigSource(derived, "leadrouter.data selection", ORDINAL));
    }

    private static String valueOf(ConfigSourceContext context, String name, String otherwise) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? otherwise : value.getValue();
    }
}
