package org.leadrouter.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/** The service as shipped: the sample segments load, pass their scenarios gate and route. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class SampleSegmentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"insurance", "telecoms"})
    void eachSampleSegmentIsActiveAfterPassingItsScenarios(String segment) {
        given().when().get("/segments/" + segment).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("rulesetVersion", startsWith(segment + "@"))
                .body("files", hasItems("routing.drl", "scoring.drl"))
                .body("gates.find { it.gate == 'scenarios' }.passed", equalTo(true))
                .body("gates.find { it.gate == 'scenarios' }.report.scenarios", greaterThan(10))
                .body("gates.find { it.gate == 'scenarios' }.report.failed", equalTo(0))
                .body("gates.find { it.gate == 'scenarios' }.report.rulesNotFiredCount", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Motor", "MOTOR", "motor"})
    void aLondonMotorLeadGoesToTheLondonMotorQueueHoweverTheProductIsSpelt(String product) {
        given().contentType(ContentType.JSON)
                .body("{\"segment\": \"insurance\", \"product\": \"" + product + "\", \"postcode\": \"sw1a1aa\","
                        + " \"source\": \"web\", \"contact\": {\"email\": \"ann@example.com\", \"phone\": \"07700 900123\"}}")
                .when().post("/routes/preview")
                .then().statusCode(200)
                .body("queue", equalTo("insurance-motor-london"))
                .body("region", equalTo("LONDON"))
                .body("fallback", equalTo(false));
    }
}
