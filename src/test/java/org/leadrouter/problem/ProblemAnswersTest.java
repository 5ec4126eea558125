package org.leadrouter.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/** A body that is not a lead gets a problem answer naming each bad field, never a 500. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class ProblemAnswersTest {

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/routes/preview").then();
    }

    @Test
    void malformedJson() {
        post("{\"segment\": \"insurance\",").statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].problem", containsString("malformed JSON"));
    }

    @Test
    void wrongTypesAreAllNamed() {
        post("{\"segment\": 5, \"existingCustomer\": \"yes\", \"contact\": {\"phone\": 7700900123}}").statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("segment", "existingCustomer", "contact.phone"))
                .body("toString()", not(containsString("Exception")));
    }

    @Test
    void missingSegment() {
        post("{\"product\": \"motor\"}").statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("segment"))
                .body("errors[0].problem", equalTo("is required"));
    }

    @Test
    void bodyOver64KiB() {
        post("{\"segment\": \"insurance\", \"source\": \"" + "x".repeat(70_000) + "\"}").statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().when().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownSegmentIsNotFoundAtSegments() {
        given().when().get("/segments/pensions").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("pensions"));
    }
}
