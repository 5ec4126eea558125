package org.leadrouter.intake;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged service (target/quarkus-app) run as a child process, as an operator runs it. */
public final class PackagedService implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;
    private final Path workDir;
    private final String[] settings;

    private PackagedService(Process process, int port, Path log, Path workDir, String[] settings) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.workDir = workDir;
        this.settings = settings.clone();
    }

    /** Starts the jar on a free port with the given settings, and waits until it is ready. */
    public static PackagedService start(Path workDir, String... settings) throws IOException, InterruptedException {
        Path jar = jar();
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dleadrouter.rules.dir=" + Path.of("rules").toAbsolutePath());
        for (String setting : settings) {
            command.add("-D" + setting);
        }
        command.add("-jar");
        command.add(jar.toString());
        Path log = Files.createTempFile(workDir, "service-", ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedService service = new PackagedService(process, port, log, workDir, settings);
        service.awaitReady();
        return service;
    }

    /**
     * Creates (or replaces) an API key with the jar's {@code users add} command, run from the same
     * folder with the same settings as a service started with them, so it writes that service's
     * users file; returns the secret, for {@code Authorization: Bearer <secret>}. A running service
     * picks the key up within about a second; one started afterwards has it at once.
     */
    public static String addUser(Path workDir, String name, String roles, String... settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String setting : settings) {
            command.add("-D" + setting);
        }
        command.addAll(List.of("-jar", jar().toString(), "users", "add", name, "--roles", roles));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("users add failed:\n" + output);
        }
        List<String> lines = output.lines().toList();
        return lines.get(lines.size() - 1);
    }

    /** {@link #addUser(Path, String, String, String...)} with this service's folder and settings. */
    public String addUser(String name, String roles) throws IOException, InterruptedException {
        return addUser(workDir, name, roles, settings);
    }

    /** What the service has logged so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Ends the process at once (SIGKILL): no shutdown hook, no flush, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks the process to stop (SIGTERM), as an operator or orchestrator does; true if it exited within the bound. */
    public boolean terminate(Duration bound) throws InterruptedException {
        process.destroy();
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(100);
        }
        kill();
        throw new IllegalStateException("the service was not ready within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("leadrouter.it.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the package phase first (./mvnw verify)");
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
