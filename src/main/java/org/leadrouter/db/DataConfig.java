package org.leadrouter.db;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Where leads and decisions are recorded. */
@ConfigMapping(prefix = "leadrouter.data")
public interface DataConfig {

    /** The embedded database's folder (H2 only). Relative paths are from the working directory. */
    @WithDefault("data")
    Path dir();

    /** h2 (embedded, the default) or postgresql (then set quarkus.datasource.postgresql.jdbc.url and credentials). */
    @WithDefault("h2")
    Database database();

    /** Keeping the embedded database's file compact while it is written (H2 only). */
    Compaction compaction();

    /**
     * H2 writes every commit as a new chunk holding fresh copies of the pages it touched, and only
     * reuses a chunk's space once none of its pages is live: without compaction the file grows by
     * many times the rows it holds. See docs/performance.md, "Disk per recorded lead".
     */
    interface Compaction {

        /**
         * The pause after a step of the largest size; a smaller step is followed by a pause as
         * much shorter, so steps move at most {@code step} bytes per interval whatever their size.
         * 0 turns compaction off.
         */
        @WithDefault("100ms")
        Duration interval();

        /** Live pages one step moves out of sparse chunks at most: bounds how long it holds H2's store lock. */
        @WithDefault("4M")
        MemorySize step();

        /**
         * The step while the file keeps up with its target: each step holds H2's store lock, and
         * every commit waits behind it, so steps are this small unless the fill rate falls behind,
         * when they double for every 3 points it lags (up to {@code step}).
         */
        @WithDefault("256K")
        MemorySize smallestStep();

        /**
         * Steps move pages only while live pages fill less than this share (percent) of the chunks
         * old enough to be rewritten (older than {@code retention}).
         */
        @WithDefault("50")
        int targetFillRate();

        /**
         * How old a chunk must be before H2 may overwrite its space (H2's RETENTION_TIME, 45 s by
         * default): the dead space the file carries is about this long a stretch of writes.
         */
        @WithDefault("2s")
        Duration retention();
    }
}
