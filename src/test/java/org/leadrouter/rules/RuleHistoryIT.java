package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.intake.PackagedService;

/**
 * The packaged service restarted on its H2 file: a reload and a rollback made over HTTP with an
 * analyst's key are still in force, in the history and in the changes after the restart.
 */
class RuleHistoryIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void aRollbackAndWhoMadeItOutliveARestart() throws Exception {
        Path rules = workDir.resolve("rules");
        TestRulePackages.write(rules.resolve("history/routing.drl"), TestRulePackages.routingTo("history-v1", 1));
        String[] settings = {"leadrouter.data.dir=" + workDir.resolve("data"), "leadrouter.rules.dir=" + rules,
                "leadrouter.rules.watch=false"};
        String key = PackagedService.addUser(workDir, "it-analyst", "analyst", settings);
        String v1;
        String v2;
        try (PackagedService service = PackagedService.start(workDir, settings)) {
            v1 = send(service, "GET", "/segments/history", key).path("rulesetVersion").asText();
            TestRulePackages.write(rules.resolve("history/routing.drl"), TestRulePackages.routingTo("history-v2", 1));
            v2 = send(service, "POST", "/segments/history/reload", key).path("activeVersion").asText();
            assertEquals("ROLLED_BACK", send(service, "POST", "/segments/history/rollback", key).path("result").asText());
            service.terminate(Duration.ofSeconds(30));
        }

        try (PackagedService service = PackagedService.start(workDir, settings)) {
            JsonNode segment = send(service, "GET", "/segments/history", key);
            assertEquals(v1, segment.path("rulesetVersion").asText(), segment.toString());
            assertEquals(v2, segment.path("rolledBack").path(0).asText(), segment.toString());
            JsonNode changes = send(service, "GET", "/segments/history/changes", key);
            assertEquals("ROLLED_BACK", changes.path(0).path("kind").asText(), changes.toString());
            assertEquals("it-analyst", changes.path(0).path("actor").asText());
            assertEquals("PROMOTED", changes.path(1).path("kind").asText());
            assertEquals(v2, changes.path(1).path("version").asText());
            assertEquals("it-analyst", changes.path(1).path("actor").asText());
        }
    }

    private JsonNode send(PackagedService service, String method, String path, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + key)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        return json.readTree(response.body());
    }
}
