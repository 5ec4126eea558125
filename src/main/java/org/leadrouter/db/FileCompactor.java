package org.leadrouter.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;

/**
 * Keeps an embedded H2 file compact while it is written, a bounded step at a time: H2 writes
 * each commit as a new chunk with fresh copies of the pages it touched, so most of an old chunk
 * is soon dead, and its space is reused only once none of its pages is live. Each step moves the
 * few live pages out of the sparsest old chunks, so those chunks empty and their space is reused
 * for new ones instead of the file growing.
 */
public class FileCompactor {

    private final DataSource dataSource;
    private final DataConfig.Compaction settings;
    private long lastSync = System.nanoTime();

    public FileCompactor(DataSource dataSource, DataConfig.Compaction settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /**
     * Sets how old a chunk must be before its space is reused (H2 keeps the setting in the
     * database, so it is set at every start); answers false, doing nothing, unless the database
     * is an embedded file.
     */
    public boolean prepare() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (H2Store.of(connection).isEmpty()) {
                return false;
            }
            statement.execute("SET RETENTION_TIME " + settings.retention().toMillis());
            return true;
        } catch (SQLException e) {
            throw new RecordUnavailableException("could not set the embedded database's retention time", e);
        }
    }

    /**
     * One step: moves live pages out of the sparsest chunks, as many as the fill rate's lag asks
     * for ({@link #stepBytes}), and writes them; answers the pause before the next step.
     */
    public Duration step() {
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> store = H2Store.of(connection);
            if (store.isEmpty()) {
                return settings.interval();
            }
            int fillRate = H2Store.rewritableFillRate(store.get());
            long bytes = fillRate < settings.targetFillRate() ? stepBytes(fillRate, settings) : 0;
            // H2's own threshold is on all chunks, the young ones too, which are mostly dead and
            // cannot be rewritten yet: the step decides by the others, so it passes H2's at once.
            // Gives up after 10 ms if a commit holds H2's store lock; the next step tries again.
            boolean moved = bytes > 0 && store.get().compact(100, (int) Math.min(Integer.MAX_VALUE, bytes));
            long now = System.nanoTime();
            if (now - lastSync >= settings.interval().toNanos()) {
                // The moved pages reach the disk long before the chunks they left can be
                // overwritten (the retention time), and so does every commit H2 writes in the
                // background: nothing unsynced is ever older than the interval.
                H2Store.writeAndSync(store.get());
                lastSync = now;
            } else if (moved) {
                // Written here rather than by the next commit, which would wait on their writing.
                store.get().commit();
            }
            return bytes == 0 ? settings.interval() : pauseAfter(bytes, settings);
        } catch (SQLException e) {
            throw new RecordUnavailableException("could not compact the embedded database", e);
        }
    }

    /**
     * The smallest step while the chunks' fill rate keeps up with its target, doubled for every
     * 3 points it lags, up to the largest step: a step holds H2's store lock for as long as it
     * moves pages, but only a large step can empty a chunk with more live bytes than a small one.
     */
    static long stepBytes(int fillRate, DataConfig.Compaction settings) {
        long largest = settings.step().asLongValue();
        long bytes = Math.min(largest, settings.smallestStep().asLongValue());
        for (int lag = settings.targetFillRate() - fillRate; lag >= 3 && bytes < largest; lag -= 3) {
            bytes *= 2;
        }
        return Math.min(largest, bytes);
    }

    /** Steps move at most the largest step's bytes per interval, whatever their size. */
    static Duration pauseAfter(long bytes, DataConfig.Compaction settings) {
        double share = (double) bytes / settings.step().asLongValue();
        return Duration.ofNanos(Math.max(1, (long) (settings.interval().toNanos() * Math.min(1, share))));
    }
}
