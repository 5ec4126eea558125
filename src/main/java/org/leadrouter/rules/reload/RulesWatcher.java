package org.leadrouter.rules.reload;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.leadrouter.background.DaemonThreads;
import org.leadrouter.rules.RuleFiles;
import org.leadrouter.rules.SegmentRegistry;

/**
 * Reloads a segment when a rule file in its folder changes, adds segments for new folders and
 * retires segments whose folder is removed.
 *
 * <p>One thread waits for file events; a second, single thread does the reloading, so compiling
 * never runs on a request and reloads happen one at a time. Each segment's reload waits until
 * its folder has been quiet for the debounce period: editors write a file in several steps (or
 * save a temporary file and rename it), and only the final state should be compiled.
 */
public final class RulesWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);
    /** The key under which a change of the whole tree (events were lost) is debounced. */
    private static final String EVERY_SEGMENT = "";

    private final Path root;
    private final Duration debounce;
    private final SegmentRegistry registry;
    private final WatchService watchService;
    private final Map<WatchKey, String> segmentOfKey = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reloader;
    private final Thread watchThread;

    private RulesWatcher(Path root, Duration debounce, SegmentRegistry registry) throws IOException {
        this.root = root;
        this.debounce = debounce;
        this.registry = registry;
        this.watchService = root.getFileSystem().newWatchService();
        this.reloader = Executors.newSingleThreadScheduledExecutor(
                runnable -> LowPriorityThread.daemon(runnable, "rules-reload"));
        this.watchThread = DaemonThreads.daemon(this::watch, "rules-watch");
    }

    /**
     * Starts watching the registry's rules root, then brings the registry in line with the folder
     * once (changes made before the watch began would otherwise be missed).
     */
    public static RulesWatcher start(SegmentRegistry registry, Duration debounce) throws IOException {
        RulesWatcher watcher = new RulesWatcher(registry.rulesRoot(), debounce, registry);
        watcher.register(watcher.root, null);
        try (Stream<Path> dirs = Files.list(watcher.root)) {
            dirs.filter(Files::isDirectory).forEach(dir -> watcher.registerSegment(dir.getFileName().toString()));
        }
        watcher.watchThread.start();
        watcher.schedule(EVERY_SEGMENT);
        LOG.infof("watching %s for rule changes (debounce %d ms)", watcher.root, debounce.toMillis());
        return watcher;
    }

    /**
     * Whether a change to this file in a segment folder can change the segment's rules or what they
     * are checked against: a scenario file saved alone re-checks the active version.
     */
    static boolean triggersReload(String fileName) {
        return RuleFiles.kindOf(fileName) != null || !RuleFiles.isIgnored(fileName) && RuleFiles.isScenarioFile(fileName);
    }

    private void watch() {
        while (true) {
            WatchKey key;
            try {
                key = watchService.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            // Whatever goes wrong with one batch of events, the watch goes on.
            try {
                handle(key);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("rules watcher could not handle a change; it keeps watching", e);
            }
            if (!key.reset()) {
                segmentOfKey.remove(key);
            }
        }
    }

    private void handle(WatchKey key) {
        String segment = segmentOfKey.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                schedule(EVERY_SEGMENT);
                continue;
            }
            String name = event.context().toString();
            if (segment == null) {
                onRootEntry(event.kind(), name);
            } else if (triggersReload(name)) {
                schedule(segment);
            }
        }
    }

    /** A folder appearing or vanishing under the root is a segment being added or removed. */
    private void onRootEntry(WatchEvent.Kind<?> kind, String name) {
        if (!SegmentRegistry.isSegmentName(name)) {
            return;
        }
        if (kind == ENTRY_CREATE && Files.isDirectory(root.resolve(name))) {
            registerSegment(name);
            schedule(name);
        } else if (kind == ENTRY_DELETE && (registry.knows(name) || segmentOfKey.containsValue(name))) {
            schedule(name);
        }
    }

    private void registerSegment(String name) {
        if (SegmentRegistry.isSegmentName(name)) {
            register(root.resolve(name), name);
        }
    }

    private void register(Path dir, String segment) {
        try {
            WatchKey key = dir.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            if (segment != null) {
                segmentOfKey.put(key, segment);
            }
        } catch (IOException e) {
            // The folder vanished between the event and now; its delete event follows.
            LOG.warnf("cannot watch %s: %s", dir, e.getMessage());
        }
    }

    /** (Re)starts the quiet period of a segment; the reload runs when it ends. */
    private void schedule(String segment) {
        pending.compute(segment, (name, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return reloader.schedule(() -> reload(name), debounce.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void reload(String segment) {
        try {
            if (EVERY_SEGMENT.equals(segment)) {
                registry.reloadAll();
            } else {
                registry.reload(segment);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.errorf(e, "reloading %s failed; the watcher keeps going", segment.isEmpty() ? "the rules" : segment);
        }
    }

    @Override
    public void close() {
        watchThread.interrupt();
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.debug("closing the rules watch service", e);
        }
        reloader.shutdownNow();
    }
}
