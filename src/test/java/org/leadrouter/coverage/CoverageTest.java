package org.leadrouter.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.kpis.History;
import org.leadrouter.routing.FallbackCause;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/** Rule coverage over a day of 2020 that only this test writes to, as JSON and as CSV. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class CoverageTest {

    private static final String GOLD = "Gold customers go to the priority desk";
    private static final String CATCH_ALL = "Catch-all";
    private static final String RETIRED = "A rule of an older version";
    private static final String FROM = "2020-01-01T00:00:00Z";
    private static final String TO = "2020-01-02T00:00:00Z";
    private static boolean recorded;

    @Inject
    LeadStore store;
    @Inject
    @DataSource("h2")
    AgroalDataSource dataSource;

    @BeforeEach
    void recordOnce() throws Exception {
        if (recorded) {
            return;
        }
        recorded = true;
        History history = new History(dataSource, store);
        String a = history.lead("insurance", "2020-01-01T10:00:00Z", null, "Score: from our website", GOLD);
        String b = history.lead("insurance", "2020-01-01T10:00:30Z", null, GOLD);
        String c = history.lead("insurance", "2020-01-01T11:00:00Z", FallbackCause.NO_RULE_MATCHED, CATCH_ALL);
        history.lead("insurance", "2020-01-01T10:30:00Z", null, RETIRED);
        history.lead("insurance", "2020-01-02T00:00:00Z", null, GOLD);
        history.item(a, "insurance", "ACCEPTED", "2020-01-01T10:00:00Z", "2020-01-01T10:01:00Z", GOLD);
        history.item(b, "insurance", "WAITING", "2020-01-01T10:00:30Z", null, GOLD);
        history.item(c, "insurance", "COMPLETED", "2020-01-01T11:00:00Z", "2020-01-01T11:05:00Z", CATCH_ALL);
    }

    @Test
    void eachRuleWithItsFiringsRoutesAndAcceptanceAndTheRulesThatNeverFired() {
        given().queryParam("from", FROM).queryParam("to", TO).get("/segments/insurance/coverage").then().statusCode(200)
                .body("segment", equalTo("insurance"))
                .body("version", startsWith("insurance@"))
                .body("leads", equalTo(4))
                .body("rules[0].rule", equalTo(GOLD))
                .body("rules[0].fired", equalTo(2))
                .body("rules[0].routed", equalTo(2))
                .body("rules[0].accepted", equalTo(1))
                .body("rules[0].acceptanceRate", equalTo(0.5f))
                .body("rules[0].lastFired", equalTo("2020-01-01T10:00:30Z"))
                .body("rules[1].rule", equalTo(RETIRED))
                .body("rules[1].fired", equalTo(1))
                .body("rules[1].routed", equalTo(0))
                .body("rules[1].acceptanceRate", nullValue())
                .body("rules[2].rule", equalTo(CATCH_ALL))
                .body("rules[2].acceptanceRate", equalTo(1.0f))
                .body("rules[3].rule", equalTo("Score: from our website"))
                .body("neverFired", hasItem("Platinum customers go to the priority desk"))
                .body("neverFired", not(hasItem(GOLD)))
                .body("neverFired", not(hasItem(RETIRED)));
    }

    @Test
    void csvByAcceptHeaderOrFormat() {
        String byHeader = given().accept("text/csv").queryParam("from", FROM).queryParam("to", TO)
                .get("/segments/insurance/coverage").then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String byFormat = given().queryParam("format", "csv").queryParam("from", FROM).queryParam("to", TO)
                .get("/segments/insurance/coverage").then().statusCode(200).extract().asString();
        assertEquals(byHeader, byFormat);
        List<String> lines = byHeader.lines().toList();
        assertEquals("rule,fired,routed,accepted,acceptance_rate,last_fired", lines.get(0));
        assertEquals(GOLD + ",2,2,1,0.5,2020-01-01T10:00:30Z", lines.get(1));
        assertEquals(RETIRED + ",1,0,0,,2020-01-01T10:30:00Z", lines.get(2));
        assertEquals(CATCH_ALL + ",1,1,1,1.0,2020-01-01T11:00:00Z", lines.get(3));
    }

    @Test
    void anUnknownSegmentOrFormatIsAProblem() {
        given().get("/segments/no-such-segment/coverage").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("format", "xml").get("/segments/insurance/coverage").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().queryParam("window", "2w").get("/segments/insurance/coverage").then().statusCode(400)
                .body("errors[0].field", equalTo("window"));
    }
}
