package org.leadrouter.kpis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/** GET /kpis over HTTP: posted leads are counted by the cause the pipeline gave them; bad windows are problems. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class KpisResourceTest {

    @Test
    void postedLeadsShowInTheFallbackVolumeByCause() {
        JsonPath before = kpis();
        post("pets", "\"contact\": {\"email\": \"a@example.org\"}, \"postcode\": \"LS1 4AP\", \"product\": \"travel\"");
        post("insurance", "\"postcode\": \"LS1 4AP\", \"product\": \"travel\"");
        post("insurance", "\"contact\": {\"email\": \"b@example.org\"}, \"postcode\": \"LS1 4AP\", \"product\": \"life\"");
        JsonPath after = kpis();

        assertEquals(3, after.getLong("overall.fallback.leads") - before.getLong("overall.fallback.leads"));
        assertEquals(2, after.getLong("overall.fallback.fallback") - before.getLong("overall.fallback.fallback"));
        assertEquals(1, after.getLong("overall.fallback.byCause.UNKNOWN_SEGMENT") - before.getLong("overall.fallback.byCause.UNKNOWN_SEGMENT"));
        assertEquals(1, after.getLong("overall.fallback.byCause.INCOMPLETE_DATA") - before.getLong("overall.fallback.byCause.INCOMPLETE_DATA"));
        assertEquals(1, after.getLong("segments.pets.fallback.byCause.UNKNOWN_SEGMENT")
                - (before.get("segments.pets") == null ? 0 : before.getLong("segments.pets.fallback.byCause.UNKNOWN_SEGMENT")));
        assertEquals("PT1M", after.getString("window.bucket"));
        // A point for each minute the hour touches: 61 unless it starts on the minute.
        Instant from = Instant.parse(after.getString("window.from"));
        Instant to = Instant.parse(after.getString("window.to"));
        long minutes = Duration.between(from.truncatedTo(ChronoUnit.MINUTES), to).toSeconds();
        assertEquals((minutes + 59) / 60, after.getList("overall.fallback.trend").size());
    }

    @Test
    void theAnswerCarriesQueuesAndAgents() {
        given().queryParam("window", "today").get("/kpis").then().statusCode(200)
                .body("window.from", notNullValue())
                .body("queues", notNullValue())
                .body("agents.online", notNullValue());
    }

    @Test
    void badWindowsAreProblemsNamingTheField() {
        given().queryParam("window", "2w").get("/kpis").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("window"));
        given().queryParam("from", "yesterday").get("/kpis").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2026-11-25T10:00:00Z").queryParam("to", "2026-11-25T09:00:00Z").get("/kpis")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("window", "1h").queryParam("from", "2026-11-25T10:00:00Z").get("/kpis")
                .then().statusCode(400).body("errors[0].field", equalTo("window"));
    }

    private static JsonPath kpis() {
        return given().queryParam("window", "1h").get("/kpis").then().statusCode(200).extract().jsonPath();
    }

    private static void post(String segment, String fields) {
        given().contentType(ContentType.JSON).body("{\"id\": \"kpi-" + UUID.randomUUID() + "\", \"segment\": \"" + segment
                + "\", \"source\": \"web\", " + fields + "}").post("/leads").then().statusCode(201);
    }
}
