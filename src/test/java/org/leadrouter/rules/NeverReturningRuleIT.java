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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.intake.PackagedService;

/**
 * The packaged service with a rule that never returns, reached by a scenario in one segment and
 * live (no scenario reaches it) in two others: it becomes ready, a lead reaching the live rule
 * gets its segment's fallback, and SIGTERM stops the JVM while request threads are stuck in the
 * rule. The deadline is set longer than the default so that the stop is asked for while they are.
 */
class NeverReturningRuleIT {

    private static final Duration EXIT_BOUND = Duration.ofSeconds(30);
    private static final String DEADLINE = "3s";
    private static final String STOPPED = "segment fallback: rule 'TV bundle pricing' did not finish within 3000ms";

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Path workDir;

    @BeforeEach
    void createWorkDir() throws IOException {
        workDir = Files.createTempDirectory("leadrouter-never-returning-");
        Path resources = RuleDeadlineTestProfile.RESOURCES.resolve("root");
        for (String segment : List.of("looping-at-start", "live-intake", "steady")) {
            RuleDeadlineTestProfile.copyTree(resources.resolve(segment), workDir.resolve("rules").resolve(segment));
        }
        RuleDeadlineTestProfile.copyTree(resources.resolve("live-intake"), workDir.resolve("rules/live-at-shutdown"));
    }

    @AfterEach
    void deleteWorkDir() throws IOException {
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void theServiceIsReadyRoutesAroundTheLoopAndStopsOnSigterm() throws Exception {
        PackagedService service = PackagedService.start(workDir, "leadrouter.rules.deadline=" + DEADLINE,
                "leadrouter.rules.dir=" + workDir.resolve("rules"), "leadrouter.data.dir=" + workDir.resolve("data"));
        try (service) {
            JsonNode atStart = json(send(service, HttpRequest.newBuilder(service.uri("/segments/looping-at-start"))).body());
            assertEquals("FAILED", atStart.path("status").asText(), atStart.toString());

            HttpResponse<String> posted = send(service, post(service, "/leads", lead("never-returning-1", "live-intake", "tv")));
            assertEquals(201, posted.statusCode(), posted.body());
            assertEquals(STOPPED, json(posted.body()).path("reason").asText(), posted.body());

            HttpResponse<String> other = send(service, post(service, "/routes/preview", lead("steady-1", "steady", "mobile")));
            assertEquals("steady-mobile", json(other.body()).path("queue").asText(), other.body());

            // Leads stuck in the loop of a segment still live when the process is asked to stop.
            for (int i = 0; i < 4; i++) {
                client.sendAsync(authorised(post(service, "/routes/preview", lead("in-flight-" + i, "live-at-shutdown", "tv")))
                        .build(), HttpResponse.BodyHandlers.discarding());
            }
            Thread.sleep(1000);
            assertTrue(service.terminate(EXIT_BOUND), () -> "still running " + EXIT_BOUND + " after SIGTERM:\n" + log(service));
        }
    }

    private static String lead(String id, String segment, String product) {
        return """
                {"id": "%s", "segment": "%s", "product": "%s", "postcode": "SW1A 1AA",
                 "contact": {"name": "Sam Hill", "email": "sam@example.com"}}
                """.formatted(id, segment, product);
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
    private static HttpRequest.Builder authorised(HttpRequest.Builder request) {
        return request;
    }

    private static String log(PackagedService service) {
        try {
            return service.log();
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private JsonNode json(String body) throws IOException {
        return mapper.readTree(body);
    }
}
