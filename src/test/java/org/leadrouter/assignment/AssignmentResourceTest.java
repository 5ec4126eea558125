package org.leadrouter.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/** The assignment endpoints over HTTP, with leads routed by the real rules and intake. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class AssignmentResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void theSampleRosterImportsAndItsAgentsReadBack() throws IOException {
        String roster = Files.readString(Path.of("assignment/roster.csv"));

        given().contentType("text/csv").body(roster).post("/agents/import")
                .then().statusCode(200).body("created", greaterThanOrEqualTo(0));

        given().get("/agents/ins-005").then().statusCode(200)
                .body("skills.fca-adviser", equalTo(7))
                .body("queues", containsInAnyOrder("insurance-general", "insurance-life-fca"))
                .body("timeZone", equalTo("Europe/London"))
                .body("hours", equalTo(List.of("MON-FRI 09:00-17:30")))
                .body("presence", equalTo("OFFLINE"));
        given().get("/queues").then().statusCode(200)
                .body("settings.name", hasItem("insurance-life-fca"))
                .body("find { it.settings.name == 'insurance-life-fca' }.settings.escalateTo.name", equalTo("ins-mgr-fca"))
                .body("find { it.settings.name == 'insurance-life-fca' }.agents", greaterThanOrEqualTo(3));
    }

    @Test
    void badAgentsAreAnsweredWithProblemsNamingEachField() {
        given().contentType(ContentType.JSON).body("""
                {"name": "Ann", "queues": ["sales"], "skills": {"retention": 11}, "capacity": -1,
                 "presence": "SLEEPING", "timeZone": "Mars/Olympus", "hours": ["MON-FRI 17:00-09:00"]}""")
                .put("/agents/bad-1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("skills.retention", "capacity", "presence", "timeZone", "hours[0]"));

        given().contentType(ContentType.JSON).body("{\"presence\": \"LUNCH\"}").put("/agents/nobody/presence")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("presence"));
        given().contentType(ContentType.JSON).body("{\"presence\": \"ONLINE\"}").put("/agents/nobody/presence")
                .then().statusCode(404).contentType(PROBLEM);
        given().contentType("text/csv").body("id,name,queues,capacity\nx1,X,q,two\n").post("/agents/import")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("line 2.capacity"));
        given().contentType(ContentType.JSON).body("[{\"id\": \"x2\", \"name\": \"X\", \"queues\": [\"q\"], \"capacity\": 1, \"skills\": {\"a\": 0}}]")
                .post("/agents/import")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("agents[0].skills.a"));
        given().contentType(ContentType.JSON).body("{}").post("/offers/999999/decline")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("code"));
        given().contentType(ContentType.JSON).body("{\"code\": \"bored\", \"reason\": \"" + "x".repeat(1025) + "\"}")
                .post("/offers/999999/decline")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("code", "reason"));
        given().contentType(ContentType.JSON).body("{\"queue\": \"a\", \"agent\": \"b\"}").post("/work/nothing/transfer")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("agent"));
        given().contentType(ContentType.JSON).body("{}").post("/work/nothing/transfer")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("queue"));
        given().contentType(ContentType.JSON).body("{\"queue\": \"a\"}").post("/work/nothing/assign")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("agent", "queue"));
        given().contentType(ContentType.JSON).body("{\"agent\": \"  \"}").post("/work/nothing/reassign")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("agent"));
        // PostgreSQL cannot keep a NUL: refused as input everywhere, not failed in the database.
        given().contentType(ContentType.JSON).body("{\"agent\": \"a\\u0000b\"}").post("/work/nothing/transfer")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("agent"));
        given().contentType(ContentType.JSON).body("{\"queue\": \"a\"}").post("/work/nothing/transfer")
                .then().statusCode(404).contentType(PROBLEM);
        given().post("/work/nothing/release").then().statusCode(404).contentType(PROBLEM);
        given().post("/agents/nobody/pull").then().statusCode(404).contentType(PROBLEM);
        given().post("/offers/999999/accept").then().statusCode(404).contentType(PROBLEM);
        given().post("/work/nothing/complete").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aPostedLeadIsOfferedAcceptedCompletedAndItsHistoryShows() {
        String agent = "fca-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("name", "Test adviser", "queues", List.of("insurance-life-fca"),
                        "skills", Map.of("fca-adviser", 9), "capacity", 50, "hours", List.of("MON-SUN 00:00-24:00"),
                        "presence", "ONLINE"))
                .put("/agents/{id}", agent)
                .then().statusCode(201).body("available", equalTo(true));
        String lead = "t-" + UUID.randomUUID();

        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "segment": "insurance", "source": "web", "product": "life", "postcode": "SW1A 1AA",
                 "estimatedValue": 12000, "contact": {"name": "Ann Lee", "email": "ann@example.org"}}""".formatted(lead))
                .post("/leads").then().statusCode(201).body("queue", equalTo("insurance-life-fca"));

        long offer = awaitOffer(agent, lead);
        given().post("/offers/{id}/accept", offer).then().statusCode(200).body("state", equalTo("ACCEPTED"));
        given().post("/offers/{id}/accept", offer).then().statusCode(409).contentType(PROBLEM);
        given().get("/agents/{id}", agent).then().body("load", greaterThanOrEqualTo(1));
        given().post("/work/{id}/complete", lead).then().statusCode(200).body("state", equalTo("COMPLETED"));

        JsonPath assignment = given().get("/leads/{id}/assignment", lead).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("QUEUED", "OFFERED", "ACCEPTED", "COMPLETED"), assignment.getList("history.kind"));
        assertEquals("insurance-life-fca", assignment.getString("item.queue"));
        assertEquals(Map.of("fca-adviser", 5), assignment.getMap("item.requiredSkills"));
        assertEquals("Life and protection need an FCA-authorised adviser", assignment.getString("item.routingRule"));
        given().get("/leads/{id}", lead).then().statusCode(200).body("decision.queue", equalTo("insurance-life-fca"));
        given().get("/leads/{id}/assignment", "no-such-lead").then().statusCode(404).contentType(PROBLEM);

        given().get("/assignment/kpis").then().statusCode(200)
                .body("timeToAssign.count", greaterThanOrEqualTo(1))
                .body("byAgent.find { it.key == '%s' }.rate".formatted(agent), equalTo(1.0f))
                .body("byRule.key", hasItem("Life and protection need an FCA-authorised adviser"));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "leadrouter_time_to_assign_seconds_count{queue=\"insurance-life-fca\",segment=\"insurance\"}"))
                .body(org.hamcrest.Matchers.containsString(
                        "leadrouter_offers_closed_total{outcome=\"accepted\",queue=\"insurance-life-fca\"}"));
        given().queryParam("from", "yesterday").get("/assignment/kpis")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("from"));
    }

    @Test
    void aDeclinedOfferIsNotOfferedBackAndTheAgentsOffersShowIt() {
        String agent = "solo-" + UUID.randomUUID().toString().substring(0, 8);
        String queue = "q-" + agent;
        given().contentType(ContentType.JSON).body(Map.of("name", "Solo", "queues", List.of("insurance-general", queue),
                        "capacity", 50, "hours", List.of("MON-SUN 00:00-24:00"), "presence", "ONLINE"))
                .put("/agents/{id}", agent).then().statusCode(201);
        String lead = "t-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "segment": "insurance", "source": "web", "product": "travel", "postcode": "LS1 4AP",
                 "contact": {"name": "Bo Li", "email": "bo@example.org"}}""".formatted(lead))
                .post("/leads").then().statusCode(201).body("queue", equalTo("insurance-general"));
        long offer = awaitOffer(agent, lead);

        given().contentType(ContentType.JSON).body("{\"code\": \"conflict-of-interest\", \"reason\": \"my cousin\"}")
                .post("/offers/{id}/decline", offer)
                .then().statusCode(200).body("state", equalTo("DECLINED")).body("reasonCode", equalTo("conflict-of-interest"))
                .body("reason", equalTo("my cousin"));

        given().get("/agents/{id}/offers", agent).then().statusCode(200).body("workId", org.hamcrest.Matchers.not(hasItem(lead)));
        given().get("/work/{id}", lead).then().statusCode(200)
                .body("item.attempts", equalTo(1))
                .body("history.kind", hasItem("DECLINED"))
                .body("offers[0].reason", equalTo("my cousin"));
        given().get("/queues").then().body("find { it.settings.name == 'insurance-general' }.depth", greaterThanOrEqualTo(0))
                .body("find { it.settings.name == 'insurance-general' }.settings.pushTimeoutSeconds", notNullValue());
    }

    @Test
    void anAgentPullsWaitingWorkAndASupervisorTransfersIt() {
        String agent = "puller-" + UUID.randomUUID().toString().substring(0, 8);
        String queue = "q-" + agent;
        given().contentType(ContentType.JSON).body(Map.of("name", "Puller", "queues", List.of(queue), "capacity", 2,
                        "hours", List.of("MON-SUN 00:00-24:00"), "presence", "AWAY"))
                .put("/agents/{id}", agent).then().statusCode(201);
        given().post("/agents/{id}/pull", agent).then().statusCode(204);
        String lead = "t-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "segment": "insurance", "source": "web", "product": "travel", "postcode": "LS1 4AP",
                 "contact": {"name": "Bo Li", "email": "bo@example.org"}}""".formatted(lead))
                .post("/leads").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("queue", queue)).post("/work/{id}/transfer", lead)
                .then().statusCode(200).body("queue", equalTo(queue)).body("state", equalTo("WAITING"));

        given().post("/agents/{id}/pull", agent).then().statusCode(200)
                .body("id", equalTo(lead)).body("state", equalTo("ACCEPTED")).body("agentId", equalTo(agent));
        given().get("/work/{id}", lead).then().statusCode(200)
                .body("history.find { it.kind == 'TRANSFERRED' }.actor", equalTo("test-admin"))
                .body("history.find { it.kind == 'PULLED' }.actor", equalTo("test-admin"));
        given().post("/work/{id}/release", lead).then().statusCode(409).contentType(PROBLEM);
    }

    /** The offer is made by the assignment threads just after the POST answers. */
    private static long awaitOffer(String agent, String lead) {
        for (int i = 0; i < 200; i++) {
            List<Map<String, Object>> offers = given().get("/agents/{id}/offers", agent).then().statusCode(200)
                    .extract().jsonPath().getList("$");
            for (Map<String, Object> offer : offers) {
                if (lead.equals(offer.get("workId"))) {
                    return ((Number) offer.get("id")).longValue();
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        return fail("no offer of " + lead + " reached " + agent);
    }
}
