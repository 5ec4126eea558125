package org.leadrouter.db;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The embedded database's folder holds every lead with its contact details: only the service's
 * user may read it. The folder is made 0700 before the database opens it (created so if
 * missing) and its files 0600, existing ones included, once the database has opened them.
 * Nothing is done on file systems without POSIX permissions.
 */
@ApplicationScoped
public class DataFolder {

    private static final Logger LOG = Logger.getLogger(DataFolder.class);
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final DataConfig config;

    public DataFolder(DataConfig config) {
        this.config = config;
    }

    /** Files the database created while opening (a new database file, a trace file) get 0600 too. */
    void onStart(@Observes StartupEvent start) {
        Path dir = config.dir().toAbsolutePath().normalize();
        if (config.database() == Database.H2 && Files.isDirectory(dir)) {
            secure(dir);
        }
    }

    /** Creates the folder if missing, then restricts it and the files in it to their owner. */
    public static void secure(Path dir) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            if (Files.notExists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
            }
            Files.setPosixFilePermissions(dir, FOLDER);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file)) {
                        Files.setPosixFilePermissions(file, FILE);
                    }
                }
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            LOG.warnf("could not restrict the data folder %s to its owner: %s", dir, e.getMessage());
        }
    }
}
