package org.leadrouter.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where leads and decisions are recorded. */
@ConfigMapping(prefix = "leadrouter.data")
public interface DataConfig {

    /** The embedded database's folder (H2 only). Relative paths are from the working directory. */
    @WithDefault("data")
    Path dir();

    /** h2 (embedded, the default) or postgresql (then set quarkus.datasource.postgresql.jdbc.url and credentials). */
    @WithDefault("h2")
    Database database();
}
