package org.leadrouter.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.leadrouter.db.DataConfig;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class LeadResourceTest {

    @Inject
    DataConfig config;

    @Inject
    @Any
    Instance<AgroalDataSource> dataSources;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/leads")
    URL leads;

    @Test
    void aLeadIsAnsweredWithItsDecisionAndALocation() {
        String id = newId();
        String lead = lifeLead(id);

        Response created = post(lead);

        created.then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith("/leads/" + id))
                .body("leadId", equalTo(id))
                .body("rulesetVersion", startsWith("insurance@"));
        // The same decision the service previews for this lead, from the real rules.
        JsonNode preview = json(given().contentType(ContentType.JSON).body(lead).post("/routes/preview").asString());
        JsonNode answer = json(created.asString());
        for (String field : List.of("queue", "priority", "score", "requiredSkills", "reason", "rulesFired",
                "rulesetVersion", "region", "fallback")) {
            assertEquals(preview.get(field), answer.get(field), field);
        }
    }

    @Test
    void aRecordedLeadIsReadBackWithItsDecision() {
        String id = newId();
        String decision = post(lifeLead(id)).then().statusCode(201).extract().asString();

        Response recorded = given().get("/leads/{id}", id);

        recorded.then().statusCode(200)
                .body("lead.id", equalTo(id))
                .body("lead.segment", equalTo("insurance"))
                .body("lead.product", equalTo("life"))
                .body("lead.postcode", equalTo("SW1A 1AA"))
                .body("lead.contact.email", equalTo("ann@example.org"))
                .body("lead.attributes.campaign", equalTo("spring-26"));
        assertEquals(json(decision), json(recorded.asString()).get("decision"));
    }

    @Test
    void postingAnIdAgainAnswersTheRecordedDecisionAndRecordsNothing() throws SQLException {
        String id = newId();
        String first = post(lifeLead(id)).then().statusCode(201).extract().asString();

        // Different content under the same id: the id decides, the recorded lead stands.
        Response again = post("{\"id\": \"" + id + "\", \"segment\": \"insurance\", \"product\": \"motor\"}");

        again.then().statusCode(200).header("Location", endsWith("/leads/" + id));
        assertEquals(json(first), json(again.asString()));
        assertEquals(1, rows(id));
        given().get("/leads/{id}", id).then().body("lead.product", equalTo("life"));
    }

    @Test
    void concurrentPostsOfOneIdMakeOneRecordAndAllAnswerIt() throws Exception {
        String id = newId();
        // HTTP/1.1 as callers post leads; the default would try an h2c upgrade on every connection.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(leads.toURI()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(lifeLead(id))).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }

        List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();

        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
        assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 201), statuses::toString);
        JsonNode recorded = json(given().get("/leads/{id}", id).then().statusCode(200).extract().asString())
                .get("decision");
        responses.forEach(response -> assertEquals(recorded, json(response.body())));
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(15, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(1, rows(id));
    }

    @Test
    void aLeadWithoutAnIdGetsOneAndCanBeReadBack() {
        String id = post("{\"segment\": \"insurance\"}").then().statusCode(201).extract().path("leadId");

        given().get("/leads/{id}", id).then().statusCode(200).body("lead.id", equalTo(id));
    }

    @Test
    void badBodiesAreProblemsNamingTheFieldAndRecordNothing() throws SQLException {
        String id = newId();
        post("{\"id\": \"" + id + "\", \"estimatedValue\": \"lots\"}").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("segment"))
                .body("errors.field", hasItem("estimatedValue"));
        post("{not json").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        post("").then().statusCode(400).contentType("application/problem+json");
        post("{\"segment\": \"insurance\", \"source\": \"" + "x".repeat(70_000) + "\"}").then().statusCode(413)
                .contentType("application/problem+json");
        assertEquals(0, rows(id));
    }

    @Test
    void anUnknownIdIsANotFoundProblem() {
        given().get("/leads/{id}", newId()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadrouter:problem:unknown-lead"));
    }

    @Test
    void aLeadTheDatabaseRefusesIsUnprocessableAndTheOthersAreStillRecorded() throws SQLException {
        String id = newId();
        String other = newId();
        // A lead that passes validation but that this database will not take.
        execute("ALTER TABLE leads ADD CONSTRAINT no_poison CHECK (segment <> 'poison')");
        try {
            post("{\"id\": \"" + id + "\", \"segment\": \"poison\"}").then().statusCode(422)
                    .contentType("application/problem+json")
                    .header("Retry-After", nullValue())
                    .body("type", equalTo("urn:leadrouter:problem:unstorable-lead"))
                    .body("errors[0].field", equalTo("body"));
            post(lifeLead(other)).then().statusCode(201);
        } finally {
            execute("ALTER TABLE leads DROP CONSTRAINT no_poison");
        }
        given().get("/leads/{id}", id).then().statusCode(404);
        post("{\"id\": \"" + id + "\", \"segment\": \"poison\"}").then().statusCode(201);
    }

    @Test
    void leadsTheRecordCannotHoldAreRefusedBeforeTheyAreAcknowledged() throws SQLException {
        String id = newId();
        post("{\"id\": \"" + id + "\", \"segment\": \"telecoms\", \"attributes\": {\"n\": -9223372036854775809}}")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("attributes.n"));
        post("{\"id\": \"" + id + "\", \"segment\": \"" + "\u0130".repeat(64) + "\"}")
                .then().statusCode(400).body("errors.field", hasItem("segment"));
        post("{\"id\": \"" + id + "\", \"segment\": \"insurance\\u0000x\"}")
                .then().statusCode(400).body("errors.field", hasItem("segment"));
        post("{\"id\": \"" + id + "\", \"segment\": \"insurance\", \"receivedAt\": \"+300000-01-01T00:00:00Z\"}")
                .then().statusCode(400).body("errors.field", hasItem("receivedAt"));
        for (String bad : List.of("CRM-9\\ud800", ".", "..", "a;b", "a/b", "a%2Fb", "a b")) {
            post("{\"id\": \"" + bad + "\", \"segment\": \"insurance\"}")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("id"));
        }
        assertEquals(0, rows(id));
    }

    @Test
    void everyRecordStoredBeforeTheChecksIsReadableAndNeverA500() throws SQLException {
        String odd = "old;" + UUID.randomUUID();
        insertRaw(odd, "{\"id\": \"" + odd + "\", \"segment\": \"oddities\", \"receivedAt\": \"2026-11-25T09:30:00Z\","
                + " \"attributes\": {\"n\": -9223372036854775809, \"m\": 7}}");
        String broken = newId();
        insertRaw(broken, "{not json");

        String answer = given().urlEncodingEnabled(false).get("/leads/" + PathSegments.encode(odd))
                .then().statusCode(200).extract().asString();
        assertEquals(odd, json(answer).at("/lead/id").asText());
        assertEquals(new java.math.BigInteger("-9223372036854775809"), json(answer).at("/lead/attributes/n").bigIntegerValue());
        assertEquals(7, json(answer).at("/lead/attributes/m").asInt());
        given().get("/leads/{id}", broken).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:leadrouter:problem:unreadable-record"));
    }

    private void insertRaw(String id, String leadJson) throws SQLException {
        try (Connection connection = database().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO leads (id, segment, received_at, recorded_at, lead_json, queue, priority, score, required_skills,"
                             + " fallback, rules_fired, degraded, decided_at)"
                             + " VALUES (?, 'oddities', ?, ?, ?, 'general-review', 3, 0, '{}', TRUE, '[]', '[]', ?)")) {
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
            insert.setString(1, id);
            insert.setObject(2, now);
            insert.setObject(3, now);
            insert.setString(4, leadJson);
            insert.setObject(5, now);
            insert.executeUpdate();
        }
    }

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/leads");
    }

    private static String lifeLead(String id) {
        return """
                {"id": "%s", "segment": "insurance", "source": "web", "product": "life", "postcode": "SW1A 1AA",
                 "estimatedValue": 12000, "contact": {"name": "Ann Lee", "email": "ann@example.org"},
                 "attributes": {"campaign": "spring-26", "visits": 3}}
                """.formatted(id);
    }

    private static String newId() {
        return "t-" + UUID.randomUUID();
    }

    private JsonNode json(String body) {
        try {
            return mapper.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private javax.sql.DataSource database() {
        return dataSources.select(new DataSourceLiteral(config.database().datasourceName())).get();
    }

    private long rows(String id) throws SQLException {
        try (Connection connection = database().getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM leads WHERE id = ?")) {
            count.setString(1, id);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
