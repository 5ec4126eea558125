package org.leadrouter.security;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;
import org.leadrouter.background.DaemonTimer;

/**
 * The API keys of the users file, by the hash of their secret. A background thread re-reads the
 * file when it changes, so a key added by the {@code users} command works within about a second
 * and the request path never touches the disk.
 */
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);

    private final UsersFile file;
    private final SecurityConfig config;
    private volatile Map<String, ApiUser> byHash = Map.of();
    private Object seen;
    private ScheduledExecutorService checker;

    public ApiKeyRegistry(SecurityConfig config) {
        this.config = config;
        this.file = new UsersFile(config.usersFile());
    }

    void start(@Observes StartupEvent started) {
        refresh();
        if (byHash.isEmpty()) {
            LOG.warnf("no API keys in %s: create the first admin key with "
                    + "'java -jar target/quarkus-app/quarkus-run.jar users add admin --roles admin' (same settings as the service)",
                    file.path());
        }
        checker = DaemonTimer.start("users-file-check", config.usersCheckInterval(), config.usersCheckInterval(),
                this::refresh, LOG, "reading the users file failed; tried again at the next check");
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (checker != null) {
            checker.shutdownNow();
        }
    }

    /** The user whose secret this is; a lookup of the secret's hash, so no secret is compared character by character. */
    public Optional<ApiUser> find(String secret) {
        return Optional.ofNullable(byHash.get(ApiKeys.hash(secret)));
    }

    /** Re-reads the file if it was replaced or modified since the last read. */
    synchronized void refresh() {
        try {
            Object version = version();
            if (Objects.equals(version, seen)) {
                return;
            }
            Map<String, ApiUser> users = new HashMap<>();
            for (ApiUser user : file.read(bad -> LOG.warnf("users file %s: %s; skipped", file.path(), bad)).values()) {
                users.put(user.secretHash(), user);
            }
            byHash = Map.copyOf(users);
            seen = version;
            LOG.infof("%d API key(s) from %s", users.size(), file.path());
        } catch (IOException | RuntimeException e) {
            // Keep the keys we have: a file being edited by hand must not lock everyone out.
            LOG.warnf("users file %s could not be read (%s); keeping the %d key(s) read before", file.path(), e, byHash.size());
        }
    }

    // The command replaces the file (a new inode), a hand edit changes its time or size.
    private Object version() throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException absent) {
            return "absent";
        }
    }
}
