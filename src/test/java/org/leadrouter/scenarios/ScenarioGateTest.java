package org.leadrouter.scenarios;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.leadrouter.alerts.AlertMonitor;
import org.leadrouter.rules.RulesReloadTestProfile;
import org.leadrouter.rules.TestRulePackages;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/**
 * In the running service, a version whose scenarios fail is turned down and the last good one kept,
 * and a scenario file changed alone is checked against the live version at once.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
@TestProfile(RulesReloadTestProfile.class)
class ScenarioGateTest {

    private static final String SCENARIOS = """
            scenario,product,contact.phone,expectedQueue
            Any lead,home,07700 900001,%s
            """;

    @Inject
    AlertMonitor alerts;

    @Test
    void aScenarioSavedAloneIsCheckedAgainstTheLiveVersionAndRaisesAnAlert() {
        Path folder = promote("rechecked");
        String live = given().when().get("/segments/rechecked").then().extract().path("rulesetVersion");

        // No rule file changes: only the expected queue in the scenario file is wrong.
        TestRulePackages.write(folder.resolve("scenarios.csv"), SCENARIOS.formatted("rechecked-motor"));

        // The watcher may have re-checked it first; the segment shows the same either way.
        given().when().post("/segments/rechecked/reload").then().statusCode(200)
                .body("result", is(oneOf("RECHECKED", "UNCHANGED")))
                .body("activeVersion", equalTo(live));
        given().when().get("/segments/rechecked").then()
                .body("rulesetVersion", equalTo(live))
                .body("alerts[0].gate", equalTo("scenarios"))
                .body("alerts[0].message", startsWith("the active version " + live + " fails the scenarios gate"))
                .body("alerts[0].problems[0].file", equalTo("scenarios.csv"))
                .body("alerts[0].problems[0].message",
                        startsWith("row 2 'Any lead': expected queue rechecked-motor, got rechecked-general"));
        alerts.check();
        given().when().get("/alerts").then().statusCode(200)
                .body("find { it.id == 'rules-gate:rechecked' }.kind", equalTo("RULES_GATE"))
                .body("find { it.id == 'rules-gate:rechecked' }.segment", equalTo("rechecked"));

        TestRulePackages.write(folder.resolve("scenarios.csv"), SCENARIOS.formatted("rechecked-general"));
        given().when().post("/segments/rechecked/reload").then().statusCode(200);
        given().when().get("/segments/rechecked").then().body("alerts", empty());
        alerts.check();
        given().when().get("/alerts").then().body("find { it.id == 'rules-gate:rechecked' }", equalTo(null));
    }

    @Test
    void aFailingScenarioRejectsTheVersionAndSaysWhichRow() {
        Path folder = promote("gated");
        String good = given().when().get("/segments/gated").then().extract().path("rulesetVersion");

        TestRulePackages.write(folder.resolve("routing.drl"), TestRulePackages.routingTo("somewhere-else", 1));

        given().when().post("/segments/gated/reload").then().statusCode(200)
                .body("result", equalTo("REJECTED"))
                .body("rejectedBy", equalTo("scenarios"))
                .body("errors[0].file", equalTo("scenarios.csv"))
                .body("errors[0].message", startsWith("row 2 'Any lead': expected queue gated-general, got somewhere-else"));
        given().when().get("/segments/gated").then()
                .body("rulesetVersion", equalTo(good))
                .body("lastRejected.rejectedBy", equalTo("scenarios"));
    }

    /** A segment whose one scenario expects its catch-all queue, {@code <segment>-general}, loaded. */
    private static Path promote(String segment) {
        Path folder = Path.of(ConfigProvider.getConfig().getValue("leadrouter.rules.dir", String.class)).resolve(segment);
        TestRulePackages.write(folder.resolve("scenarios.csv"), SCENARIOS.formatted(segment + "-general"));
        TestRulePackages.write(folder.resolve("routing.drl"), TestRulePackages.routingTo(segment + "-general", 1));
        given().when().post("/segments/" + segment + "/reload").then().statusCode(200)
                .body("result", is(oneOf("PROMOTED", "UNCHANGED", "RECHECKED")));
        return folder;
    }
}
