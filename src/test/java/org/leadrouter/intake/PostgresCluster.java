package org.leadrouter.intake;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL server for tests: initdb into a temp folder, start it on a free
 * loopback port, and stop and delete it after. Needs the PostgreSQL server binaries (Debian:
 * {@code apt-get install -y postgresql}; found under /usr/lib/postgresql/N/bin, or set PG_BIN).
 * initdb refuses to run as root, so as root the server runs as the {@code postgres} OS user.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final String USER = "leadrouter";
    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final Thread stopOnExit = new Thread(this::stopQuietly, "postgres-test-cluster-stop");

    private PostgresCluster(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    public static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("leadrouter-pg-");
        if (asRoot()) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView owner = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            owner.setOwner(users.lookupPrincipalByName(OS_USER));
        }
        PostgresCluster cluster = new PostgresCluster(bin, dir, freePort());
        Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
        try {
            cluster.run("initdb", "-D", cluster.data(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync",
                    "--no-instructions");
            cluster.run("pg_ctl", "-D", cluster.data(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + cluster.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** A data source on this server, as the service's own user. */
    public DataSource dataSource() {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(jdbcUrl());
        postgres.setUser(USER);
        postgres.setReWriteBatchedInserts(true);
        return postgres;
    }

    /** A data source on this server with the service's migrations applied. */
    public DataSource migratedDataSource() {
        return TestDatabases.migrated(dataSource());
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run
        }
    }

    private synchronized void stopQuietly() {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            if (Files.exists(Path.of(data(), "postmaster.pid"))) {
                run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("leadrouter-pg-" + tool + "-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish in 120 s: " + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n"
                        + Files.readString(output) + serverLog());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String serverLog() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
    }

    /**
     * Whether the PostgreSQL tests run: where the server binaries are installed, and always in
     * CI (CI=true), so that a CI machine without them fails instead of skipping them unseen.
     * A developer's machine without PostgreSQL skips them, so `./mvnw verify` works anywhere.
     */
    public static boolean testsShouldRun() {
        try {
            return "true".equalsIgnoreCase(System.getenv("CI")) || Files.isExecutable(binaries().resolve("initdb"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path binaries() throws IOException {
        Optional<Path> configured = Optional.ofNullable(System.getenv("PG_BIN")).map(Path::of);
        if (configured.isPresent()) {
            return configured.get();
        }
        Path installed = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> versions = Files.list(installed)) {
                Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found: install them (Debian: apt-get install -y"
                + " postgresql) or set PG_BIN to the folder holding initdb and pg_ctl");
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
