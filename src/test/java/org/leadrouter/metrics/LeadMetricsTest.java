package org.leadrouter.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/** Recorded leads show up at /q/metrics per segment and route kind; previews do not count. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class LeadMetricsTest {

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static void post(String path, String body) {
        given().contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(path.equals("/leads") ? 201 : 200);
    }

    @Test
    void recordedLeadsAreCountedBySegmentAndRouteKind() {
        String rule = "leadrouter_leads_recorded_total{route=\"rule\",segment=\"insurance\"}";
        String unknown = "leadrouter_leads_recorded_total{route=\"fallback\",segment=\"unknown\"}";
        String degraded = "leadrouter_leads_degraded_total{segment=\"unknown\",step=\"enrich\"}";
        String before = metrics();

        post("/leads", "{\"id\": \"m-" + UUID.randomUUID() + "\", \"segment\": \"insurance\", \"product\": \"life\","
                + " \"postcode\": \"LS1 4AP\", \"contact\": {\"phone\": \"07700 900123\"}}");
        post("/leads", "{\"id\": \"m-" + UUID.randomUUID() + "\", \"segment\": \"pensions-" + UUID.randomUUID() + "\"}");
        post("/routes/preview", "{\"segment\": \"insurance\", \"product\": \"life\"}");

        String after = metrics();
        assertTrue(value(after, rule) == value(before, rule) + 1, after);
        assertTrue(value(after, unknown) == value(before, unknown) + 1, "a made-up segment is counted as unknown");
        assertTrue(value(after, degraded) == value(before, degraded), "no step degraded");
        assertTrue(after.contains("leadrouter_decision_seconds_count{segment=\"insurance\"}"), after);
    }
}
