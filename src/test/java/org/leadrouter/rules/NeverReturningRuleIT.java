package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.intake.PackagedService;

/**
 * The packaged service with a rule that never returns, reached by a scenario in one segment and
 * live (no scenario reaches it) in others: it becomes ready, a lead reaching the live rule gets
 * its segment's fallback within the deadline, and SIGTERM stops the JVM, also while request
 * threads are stuck in the rule with a deadline far longer than any shutdown may take.
 */
class NeverReturningRuleIT {

    private static final Duration EXIT_BOUND = Duration.ofSeconds(30);

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Path workDir;
    private String key;

    @BeforeEach
    void createWorkDir() throws IOException {
        workDir = Files.createTempDirectory("leadrouter-never-returning-");
        Path resources = RuleDeadlineTestProfile.RESOURCES.resolve("root");
        for (String segment : List.of("looping-at-start", "live-intake", "steady")) {
            RuleDeadlineTestProfile.copyTree(resources.resolve(segment), workDir.resolve("rules").resolve(segment));
        }
    }

    @AfterEach
    void deleteWorkDir() throws IOException {
        deleteTree(workDir);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void theServiceIsReadyAndALeadReachingTheLoopGetsTheFallbackWithinTheDeadline() throws Exception {
        try (PackagedService service = start()) {
            JsonNode atStart = json(send(service, HttpRequest.newBuilder(service.uri("/segments/looping-at-start"))).body());
            assertEquals("FAILED", atStart.path("status").asText(), atStart.toString());

            HttpResponse<String> posted = send(service, post(service, "/leads", lead("never-returning-1", "live-intake")));
            assertEquals(201, posted.statusCode(), posted.body());
            assertEquals("segment fallback: rule 'TV bundle pricing' did not finish within 200ms",
                    json(posted.body()).path("reason").asText(), posted.body());

            HttpResponse<String> other = send(service, post(service, "/routes/preview", """
                    {"segment": "steady", "product": "mobile"}"""));
            assertEquals("steady-mobile", json(other.body()).path("queue").asText(), other.body());

            assertTrue(service.terminate(EXIT_BOUND), () -> "still running " + EXIT_BOUND + " after SIGTERM:\n" + log(service));
        }
    }

    @Test
    void sigtermStopsTheJvmWhileRequestsAreStuckInTheRule() throws Exception {
        // With this deadline the start-up's scenario gate would be stuck in the loop for ten minutes.
        deleteTree(workDir.resolve("rules/looping-at-start"));
        try (PackagedService service = start("leadrouter.rules.deadline=10m")) {
            // More requests than event loops: every one of them is inside the loop.
            for (int i = 0; i < 8; i++) {
                client.sendAsync(authorised(post(service, "/routes/preview", lead("in-flight-" + i, "live-intake"))).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            Thread.sleep(1000);
            assertTrue(service.terminate(EXIT_BOUND), () -> "still running " + EXIT_BOUND + " after SIGTERM:\n" + log(service));
        }
    }

    private PackagedService start(String... settings) throws IOException, InterruptedException {
        List<String> given = new ArrayList<>(List.of(
                "leadrouter.rules.dir=" + workDir.resolve("rules"), "leadrouter.data.dir=" + workDir.resolve("data")));
        given.addAll(List.of(settings));
        String[] all = given.toArray(String[]::new);
        key = PackagedService.addUser(workDir, "deadline-test", "admin", all);
        return PackagedService.start(workDir, all);
    }

    /** A TV lead: the product the looping rule matches. */
    private static String lead(String id, String segment) {
        return """
                {"id": "%s", "segment": "%s", "product": "tv", "postcode": "SW1A 1AA",
                 "contact": {"name": "Sam Hill", "email": "sam@example.com"}}
                """.formatted(id, segment);
    }

    private static HttpRequest.Builder post(PackagedService service, String path, String body) {
        return HttpRequest.newBuilder(service.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(PackagedService service, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(authorised(request).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every request of this test passes here, so a credential is added in one place. */
    private HttpRequest.Builder authorised(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + key);
    }

    private static String log(PackagedService service) {
        try {
            return service.output();
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private JsonNode json(String body) throws IOException {
        return mapper.readTree(body);
    }
}
