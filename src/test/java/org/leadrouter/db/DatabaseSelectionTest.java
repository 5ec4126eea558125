package org.leadrouter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSelectionTest {

    @Test
    void byDefaultTheEmbeddedDatabaseIsActiveInTheDataFolder() {
        SmallRyeConfig config = config(Map.of());

        assertEquals("true", config.getRawValue("quarkus.datasource.h2.active"));
        assertEquals("false", config.getRawValue("quarkus.datasource.postgresql.active"));
        assertEquals("true", config.getRawValue("leadrouter.assignment.offer-with-lead"));
        assertEquals("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("leadrouter") + DatabaseSelection.H2_SETTINGS,
                config.getRawValue("quarkus.datasource.h2.jdbc.url"));
    }

    @Test
    void postgresqlActivatesItsDatasourceAlone() {
        SmallRyeConfig config = config(Map.of("leadrouter.data.database", "PostgreSQL"));

        assertEquals("false", config.getRawValue("quarkus.datasource.h2.active"));
        assertEquals("true", config.getRawValue("quarkus.datasource.postgresql.active"));
        assertEquals("false", config.getRawValue("leadrouter.assignment.offer-with-lead"));
    }

    @Test
    void aRelativeDataFolderBecomesAnAbsoluteFileUrl() {
        SmallRyeConfig config = config(Map.of("leadrouter.data.dir", "var/leads/../records"));

        assertEquals("jdbc:h2:file:" + Path.of("var/records").toAbsolutePath().resolve("leadrouter") + DatabaseSelection.H2_SETTINGS,
                config.getRawValue("quarkus.datasource.h2.jdbc.url"));
    }

    @Test
    void settingsGivenExplicitlyWin() {
        SmallRyeConfig config = config(Map.of("quarkus.datasource.h2.jdbc.url", "jdbc:h2:mem:x",
                "quarkus.datasource.postgresql.active", "true"));

        assertEquals("jdbc:h2:mem:x", config.getRawValue("quarkus.datasource.h2.jdbc.url"));
        assertEquals("true", config.getRawValue("quarkus.datasource.postgresql.active"));
    }

    @Test
    void anUnknownDatabaseDerivesNothingAndIsLeftToValidation() {
        SmallRyeConfig config = config(Map.of("leadrouter.data.database", "oracle"));

        assertTrue(config.getOptionalValue("quarkus.datasource.h2.active", String.class).isEmpty());
        assertTrue(config.getOptionalValue("quarkus.datasource.postgresql.active", String.class).isEmpty());
    }

    private static SmallRyeConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "settings", 250))
                .withSources(new DatabaseSelection())
                .build();
    }
}
