package org.leadrouter.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import io.quarkus.test.security.TestSecurity;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/**
 * Every 4xx, whichever endpoint and whatever went wrong with the request, is a problem body
 * naming what to fix: duplicate keys, wrong types, absurd sizes, unknown paths and methods.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class EveryErrorIsAProblemTest {

    private static final String PROBLEM = "application/problem+json";

    private static ValidatableResponse send(String method, String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().request(method, path).then();
    }

    private static void badField(ValidatableResponse answer, String field) {
        answer.statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
    }

    @Test
    void aKeyGivenTwiceIsNamedOnEveryEndpoint() {
        badField(send("PUT", "/agents/dup-1/presence", "{\"presence\": \"ONLINE\", \"presence\": \"AWAY\"}"), "presence");
        badField(send("POST", "/offers/1/decline", "{\"reason\": \"busy\", \"reason\": \"away\"}"), "reason");
        badField(send("POST", "/segments/insurance/replay", "{\"folder\": \"a\", \"folder\": \"b\"}"), "folder");
        badField(send("PUT", "/agents/dup-1", "{\"name\": \"A\", \"name\": \"B\", \"queues\": [\"q\"], \"capacity\": 1}"), "name");
        badField(send("POST", "/agents/import", "[{\"id\": \"dup-2\", \"name\": \"A\", \"skills\": {\"x\": 1, \"x\": 2}}]"),
                "agents[0].skills.x");
        badField(send("POST", "/leads", "{\"segment\": \"insurance\", \"segment\": \"telecoms\"}"), "segment");
        badField(send("POST", "/routes/preview", "{\"segment\": \"insurance\", \"contact\": {\"email\": \"a\", \"email\": \"b\"}}"),
                "contact.email");
    }

    @Test
    void wrongTypesAreNamedOnEveryEndpoint() {
        badField(send("PUT", "/agents/types-1/presence", "{\"presence\": {\"a\": 1}}"), "presence");
        badField(send("POST", "/offers/1/decline", "{\"reason\": [1, 2]}"), "reason");
        badField(send("POST", "/segments/insurance/replay", "{\"folder\": {}}"), "folder");
        badField(send("PUT", "/agents/types-1", "{\"name\": \"A\", \"queues\": [\"q\"], \"capacity\": \"lots\"}"), "capacity");
        badField(send("PUT", "/agents/types-1/presence", "[\"ONLINE\"]"), "body");
        badField(send("PUT", "/agents/types-1", "{\"name\": \"A\", \"queues\": [\"q\"], \"capacity\": 1"), "body");
    }

    @Test
    void aRosterOfNullIsAProblemNotA500() {
        badField(send("POST", "/agents/import", "[null]"), "agents[0]");
        badField(send("POST", "/agents/import", "{\"agents\": [null, 5]}"), "agents[0]");
    }

    @Test
    void agentTextOverTheStoredLengthIsAProblemNotARetry() {
        String hours = "[" + "\"MON-FRI 09:00-17:30\",".repeat(300) + "\"SAT 09:00-12:00\"]";
        badField(send("PUT", "/agents/long-1", "{\"name\": \"A\", \"queues\": [\"q\"], \"capacity\": 1, \"hours\": " + hours + "}"),
                "hours");
        badField(send("PUT", "/agents/long-1", "{\"name\": \"A\\u0000B\", \"queues\": [\"q\"], \"capacity\": 1}"), "name");
        badField(send("PUT", "/agents/long-1", "{\"name\": \"A\", \"queues\": [\"q\\ud800\"], \"capacity\": 1}"), "queues[0]");
        badField(send("PUT", "/agents/long-1", "{\"name\": \"A\", \"queues\": [\"q\"], \"capacity\": 1, \"timeZone\": \""
                + "Europe/London".repeat(400) + "\"}"), "timeZone");
    }

    @Test
    void aBodyOverTheLimitIsAProblem() {
        String huge = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).when().put("/agents/huge-1").then()
                .statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    void aPathNoRecordCanBeNamedByIsAProblemNotARetry() {
        for (String path : new String[] {"/work/a%00b/complete", "/agents/a%00b/presence", "/work/a%C0%AEb/complete",
                "/leads/a%01b"}) {
            given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"presence\": \"AWAY\"}").when()
                    .request(path.contains("presence") ? "PUT" : path.startsWith("/leads") ? "GET" : "POST", path)
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("path"));
        }
    }

    @Test
    void unknownPathsMethodsAndMediaTypesAreProblems() {
        given().when().get("/no/such/path").then().statusCode(404).contentType(PROBLEM);
        given().when().delete("/leads").then().statusCode(405).contentType(PROBLEM).body("status", equalTo(405));
        given().accept("text/csv").when().get("/segments").then().statusCode(406).contentType(PROBLEM);
        given().when().get("/offers/not-a-number/accept").then().statusCode(405).contentType(PROBLEM);
        given().when().post("/offers/not-a-number/accept").then().statusCode(404).contentType(PROBLEM);
    }
}
