package org.leadrouter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.db.DataFolderTest;

/**
 * A lead answered 201 survives the process being killed without warning: post leads to the
 * packaged service, kill it (SIGKILL) while posts are still in flight, start it again on the
 * same data folder and read back every lead that was acknowledged. Once as configured by
 * default, once with the database file written only at start and by the intake journal's replay,
 * so that every lead acknowledged before the kill is on the disk in the journal alone.
 */
class LeadDurabilityIT {

    private static final int LEADS = 3000;
    private static final int IN_FLIGHT = 32;
    private static final int KILL_AFTER_ACKNOWLEDGED = 1000;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Path workDir;

    private String key;

    @BeforeEach
    void createWorkDir() throws IOException {
        workDir = Files.createTempDirectory("leadrouter-durability-");
    }

    @AfterEach
    void deleteWorkDir() throws IOException {
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void everyAcknowledgedLeadIsThereAfterAHardKill() throws Exception {
        killAndRestart("leadrouter.data.dir=" + workDir.resolve("data"));
    }

    @Test
    void everyAcknowledgedLeadIsThereAfterAHardKillBetweenCheckpoints() throws Exception {
        Path data = workDir.resolve("data");
        killAndRestart("leadrouter.data.dir=" + data,
                // No checkpoint, compaction step or write by H2 itself while the leads come in.
                "leadrouter.intake.journal.checkpoint-interval=1h",
                "leadrouter.data.compaction.interval=0",
                "quarkus.datasource.h2.jdbc.url=jdbc:h2:file:" + data.resolve("leadrouter")
                        + ";WRITE_DELAY=3600000;COMPRESS=TRUE;AUTO_COMPACT_FILL_RATE=0");
    }

    private void killAndRestart(String... settings) throws Exception {
        String dataDir = settings[0];
        Map<String, JsonNode> acknowledged = new ConcurrentHashMap<>();
        key = PackagedService.addUser(workDir, "durability", "caller", dataDir);

        try (PackagedService service = PackagedService.start(workDir, settings)) {
            assertOwnerOnly(workDir.resolve("data"));
            CountDownLatch enough = new CountDownLatch(KILL_AFTER_ACKNOWLEDGED);
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            for (int i = 0; i < LEADS && enough.getCount() > 0; i++) {
                inFlight.acquire();
                String id = "durable-" + i;
                post(service, id).whenComplete((response, failure) -> {
                    inFlight.release();
                    if (failure == null && response.statusCode() == 201) {
                        acknowledged.put(id, json(response.body()));
                        enough.countDown();
                    }
                });
            }
            enough.await();
            service.kill();
        }
        assertTrue(acknowledged.size() >= KILL_AFTER_ACKNOWLEDGED, "acknowledged " + acknowledged.size());
        // As a database made by an older version left them: readable by everyone.
        openToEveryone(workDir.resolve("data"));

        try (PackagedService restarted = PackagedService.start(workDir, settings)) {
            assertOwnerOnly(workDir.resolve("data"));
            for (Map.Entry<String, JsonNode> lead : acknowledged.entrySet()) {
                HttpResponse<String> recorded = client.send(
                        HttpRequest.newBuilder(restarted.uri("/leads/" + lead.getKey())).header("Authorization", "Bearer " + key).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, recorded.statusCode(), lead.getKey() + " was acknowledged but is gone");
                assertEquals(lead.getValue(), json(recorded.body()).get("decision"), lead.getKey());
            }
        }
    }

    private static void assertOwnerOnly(Path dataDir) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        // The intake journal's folder and files as well as the database's.
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.toList()) {
                assertEquals(Files.isDirectory(file) ? "rwx------" : "rw-------", DataFolderTest.permissions(file), file.toString());
            }
        }
    }

    private static void openToEveryone(Path dataDir) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    private CompletableFuture<HttpResponse<String>> post(PackagedService service, String id) {
        String body = """
                {"id": "%s", "segment": "insurance", "product": "life", "postcode": "SW1A 1AA", "estimatedValue": 15000}
                """.formatted(id);
        return client.sendAsync(HttpRequest.newBuilder(service.uri("/leads"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
