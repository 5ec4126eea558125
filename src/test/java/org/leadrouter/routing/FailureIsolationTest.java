package org.leadrouter.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/** Every lead gets a route, whatever is wrong with its segment's rules or the reference data. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
@TestProfile(FailureIsolationProfile.class)
class FailureIsolationTest {

    private static io.restassured.response.ValidatableResponse preview(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/routes/preview")
                .then().statusCode(200);
    }

    @Test
    void aSegmentThatDoesNotCompileIsFailedWithItsErrorsAndItsLeadsGetTheGlobalFallback() {
        given().when().get("/segments/broken").then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("lastRejected.errors[0].file", equalTo("routing.drl"))
                .body("lastRejected.errors[0].line", equalTo(6));

        preview("{\"segment\": \"broken\", \"product\": \"motor\"}")
                .body("queue", equalTo("general-review"))
                .body("fallback", equalTo(true))
                .body("reason", containsString("FAILED"))
                .body("rulesetVersion", nullValue());
    }

    @Test
    void aRuleThatThrowsSendsThatLeadToItsSegmentFallback() {
        preview("{\"segment\": \"throwing\", \"product\": \"pet\"}")
                .body("queue", equalTo("throwing-general"))
                .body("fallback", equalTo(true))
                .body("reason", containsString("pet breed table unavailable"))
                .body("degraded", hasItem("rules"))
                .body("rulesetVersion", startsWith("throwing@"));
        // the same segment still routes the leads its rules can handle
        preview("{\"segment\": \"throwing\", \"product\": \"home\"}")
                .body("queue", equalTo("throwing-general"))
                .body("degraded", hasItem("enrich"))
                .body("degraded", org.hamcrest.Matchers.not(hasItem("rules")));
    }

    @Test
    void aRunawayRuleSetIsStoppedAndTheLeadGetsItsSegmentFallback() {
        preview("{\"segment\": \"runaway\", \"product\": \"home\"}")
                .body("queue", equalTo("runaway-general"))
                .body("fallback", equalTo(true))
                .body("reason", containsString("limit 50"));
    }

    @Test
    void otherSegmentsRouteNormally() {
        preview("{\"segment\": \"steady\", \"product\": \"motor\", \"postcode\": \"sw1a 1aa\"}")
                .body("queue", equalTo("steady-motor"))
                .body("fallback", equalTo(false))
                .body("rulesFired", equalTo(java.util.List.of("Motor desk")));
    }

    @Test
    void anEnrichmentFailureLeavesTheRegionUnknownAndTheLeadStillRoutes() {
        preview("{\"segment\": \"steady\", \"product\": \"motor\", \"postcode\": \"EH1 2NG\"}")
                .body("queue", equalTo("steady-motor"))
                .body("region", equalTo("UNKNOWN"))
                .body("degraded", equalTo(java.util.List.of("enrich")));
    }

    @Test
    void anUnknownSegmentGetsTheGlobalFallback() {
        preview("{\"segment\": \"pensions\"}")
                .body("queue", equalTo("general-review"))
                .body("fallback", equalTo(true))
                .body("reason", containsString("unknown segment 'pensions'"))
                .body("rulesFired", empty());
    }

    @Test
    void oneFailedSegmentDoesNotMakeTheServiceUnready() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.broken", equalTo("FAILED"))
                .body("checks.find { it.name == 'rules' }.data.steady", startsWith("ACTIVE steady@"));
    }

    @Test
    void segmentsListsEverySegmentWithItsStatus() {
        given().when().get("/segments").then().statusCode(200)
                .body("name", hasItems("broken", "runaway", "steady", "throwing"))
                .body("find { it.name == 'steady' }.status", equalTo("ACTIVE"))
                .body("find { it.name == 'steady' }.files", equalTo(java.util.List.of("routing.drl")))
                .body("find { it.name == 'steady' }.ruleCount", equalTo(2));
    }
}
