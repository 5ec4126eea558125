package org.leadrouter.assignment;

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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.leadrouter.intake.PackagedService;
import org.leadrouter.intake.PostgresCluster;
import org.leadrouter.intake.RequiresPostgres;

/**
 * Two packaged services sharing one PostgreSQL, both taking leads, both scanning and both
 * answering agents: every lead becomes exactly one work item, every item is accepted once, and
 * at no point does an agent hold more than their capacity or an item have two open offers.
 */
@RequiresPostgres
class TwoInstancesOnePostgresIT {

    private static final int AGENTS = 4;
    private static final int CAPACITY = 2;
    private static final int LEADS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private String key;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void twoInstancesShareTheWorkWithoutOverloadingOrDoubleOffering() throws Exception {
        Path work = Files.createTempDirectory("two-instances");
        try (PostgresCluster postgres = PostgresCluster.start()) {
            String[] settings = {
                    "leadrouter.data.database=postgresql",
                    "quarkus.datasource.postgresql.jdbc.url=" + postgres.jdbcUrl(),
                    "quarkus.datasource.postgresql.username=" + PostgresCluster.USER,
                    "leadrouter.rules.watch=false",
                    "leadrouter.assignment.scan-interval=200ms"};
            key = PackagedService.addUser(work, "two-instances", "admin", settings);
            try (PackagedService a = PackagedService.start(work, settings);
                 PackagedService b = PackagedService.start(work, settings)) {
                List<PackagedService> services = List.of(a, b);
                for (int i = 0; i < AGENTS; i++) {
                    String agent = """
                            {"name": "Agent %d", "queues": ["insurance-general"], "capacity": %d,
                             "hours": ["MON-SUN 00:00-24:00"], "presence": "ONLINE"}""".formatted(i, CAPACITY);
                    assertEquals(201, send(services.get(i % 2), "PUT", "/agents/agent-" + i, agent).statusCode());
                }

                List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
                for (int i = 0; i < LEADS; i++) {
                    String lead = """
                            {"id": "two-%d", "segment": "insurance", "product": "travel", "postcode": "LS1 4AP",
                             "contact": {"phone": "07700 900%03d"}}""".formatted(i, i);
                    posts.add(http.sendAsync(request(services.get(i % 2), "POST", "/leads", lead),
                            HttpResponse.BodyHandlers.ofString()));
                }
                for (CompletableFuture<HttpResponse<String>> post : posts) {
                    assertEquals(201, post.get(60, TimeUnit.SECONDS).statusCode());
                }

                DataSource db = postgres.dataSource();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                int round = 0;
                while (count(db, "SELECT COUNT(*) FROM work_items WHERE state = 'COMPLETED'") < LEADS) {
                    assertTrue(System.nanoTime() < deadline, "not every lead was offered, accepted and completed in time");
                    checkInvariants(db);
                    for (int i = 0; i < AGENTS; i++) {
                        PackagedService service = services.get((i + round) % 2);
                        for (JsonNode offer : JSON.readTree(send(service, "GET", "/agents/agent-" + i + "/offers", null).body())) {
                            HttpResponse<String> accepted = send(service, "POST", "/offers/" + offer.get("id").asLong() + "/accept", null);
                            if (accepted.statusCode() == 200) {
                                assertEquals(200, send(services.get((i + round + 1) % 2), "POST",
                                        "/work/" + offer.get("workId").asText() + "/complete", null).statusCode());
                            }
                        }
                    }
                    round++;
                    Thread.sleep(50);
                }
                checkInvariants(db);
                assertEquals(LEADS, count(db, "SELECT COUNT(*) FROM work_items"));
                assertEquals(LEADS, count(db, "SELECT COUNT(*) FROM offers WHERE state = 'ACCEPTED'"));
                assertEquals(0, count(db, "SELECT COUNT(*) FROM agents WHERE load_units <> 0"));
            }
        }
    }

    private static void checkInvariants(DataSource db) throws SQLException {
        assertEquals(0, count(db, "SELECT COUNT(*) FROM agents WHERE load_units > capacity"), "an agent over capacity");
        assertEquals(0, count(db, "SELECT COUNT(*) FROM (SELECT work_id FROM offers WHERE state = 'OPEN'"
                + " GROUP BY work_id HAVING COUNT(*) > 1) twice"), "an item offered to two agents at once");
        assertEquals(0, count(db, "SELECT COUNT(*) FROM (SELECT work_id FROM offers WHERE state = 'ACCEPTED'"
                + " GROUP BY work_id HAVING COUNT(*) > 1) twice"), "an item accepted twice");
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private HttpResponse<String> send(PackagedService service, String method, String path, String body)
            throws IOException, InterruptedException {
        return http.send(request(service, method, path, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(PackagedService service, String method, String path, String body) {
        return HttpRequest.newBuilder(service.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
