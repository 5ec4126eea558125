package org.leadrouter.rules;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/**
 * A rule whose consequence never returns (the loop of {@code deadline-rules/looping/routing.drl}),
 * at start, dropped into the running service, and live on a rule no scenario reaches: the service
 * stays ready, other segments keep reloading and routing, a lead that reaches the rule gets its
 * segment's fallback, and the version is quarantined.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
@TestProfile(RuleDeadlineTestProfile.class)
class RuleDeadlineTest {

    private static final String LOOPING_RULE = "TV bundle pricing";
    private static final String STOPPED = "rule '" + LOOPING_RULE + "' did not finish within 1000ms";

    @Inject
    RulesConfig config;

    @Test
    void atStartAScenarioReachingTheLoopRejectsTheVersionAndTheServiceIsReady() {
        when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.looping-at-start", equalTo("FAILED"));
        when().get("/segments/looping-at-start").then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("lastRejected.rejectedBy", equalTo("scenarios"))
                .body("lastRejected.errors[0].message", containsString(STOPPED))
                .body("quarantined[0].rule", equalTo(LOOPING_RULE))
                .body("quarantined[0].action", equalTo("rejected by scenarios"));

        preview("steady", "mobile").body("queue", equalTo("steady-mobile"));
        // The quarantined files are not tried again until they change.
        when().post("/segments/looping-at-start/reload").then().statusCode(200).body("result", equalTo("WITHHELD"));
    }

    @Test
    void droppedIntoTheRunningServiceTheLoopIsRejectedAndALaterEditElsewhereIsStillLoaded() throws IOException {
        Path staged = Files.createTempDirectory(root(), ".staging-");
        RuleDeadlineTestProfile.copyTree(RuleDeadlineTestProfile.RESOURCES.resolve("looping"), staged);
        Files.move(staged, root().resolve("dropped"), StandardCopyOption.ATOMIC_MOVE);
        // Saved while the reload of the dropped segment is (or would be) stuck in the loop.
        Path steady = root().resolve("steady/routing.drl");
        String edited = Files.readString(steady) + "\n// reviewed after the drop\n";
        TestRulePackages.write(steady, edited);
        String editedVersion = version("steady");

        Eventually.await("the dropped segment is rejected",
                () -> "scenarios".equals(when().get("/segments/dropped").then().extract().path("lastRejected.rejectedBy")),
                () -> when().get("/segments").asString());
        when().get("/segments/dropped").then()
                .body("status", equalTo("FAILED"))
                .body("lastRejected.errors[0].message", containsString(STOPPED));
        Eventually.await("the steady edit is loaded",
                () -> editedVersion.equals(when().get("/segments/steady").then().extract().path("rulesetVersion")),
                () -> when().get("/segments/steady").asString());
        preview("steady", "mobile").body("queue", equalTo("steady-mobile"));
    }

    @Test
    void liveOnARuleNoScenarioReachesTheLeadGetsTheFallbackAndTheVersionIsRolledBack() throws IOException {
        String good = version("live-preview");
        Path rules = root().resolve("live-preview/routing.drl");
        String looping = Files.readString(RuleDeadlineTestProfile.RESOURCES.resolve("live-preview-v2/routing.drl"));
        TestRulePackages.write(rules, looping);
        String stuck = version("live-preview");
        Eventually.await("the looping version passes the gates and goes live",
                () -> stuck.equals(when().get("/segments/live-preview").then().extract().path("rulesetVersion")),
                () -> when().get("/segments/live-preview").asString());

        preview("live-preview", "tv")
                .body("queue", equalTo("live-preview-general"))
                .body("fallback", equalTo(true))
                .body("reason", equalTo("segment fallback: " + STOPPED))
                .body("degraded", hasItem("rules"))
                .body("rulesetVersion", equalTo(stuck));
        preview("steady", "mobile").body("queue", equalTo("steady-mobile"));

        Eventually.await("the looping version is rolled back",
                () -> good.equals(when().get("/segments/live-preview").then().extract().path("rulesetVersion")),
                () -> when().get("/segments/live-preview").asString());
        when().get("/segments/live-preview").then()
                .body("quarantined[0].version", equalTo(stuck))
                .body("quarantined[0].rule", equalTo(LOOPING_RULE))
                .body("quarantined[0].reason", equalTo(STOPPED))
                .body("quarantined[0].action", equalTo("rolled back to " + good));
        preview("live-preview", "mobile").body("queue", equalTo("live-preview-mobile"));
        when().post("/segments/live-preview/reload").then().statusCode(200).body("result", equalTo("WITHHELD"));
        when().get("/q/metrics").then().statusCode(200)
                .body(containsString("leadrouter_rules_deadline_exceeded_total{segment=\"live-preview\"}"));

        // A TV lead is now on record, so the replay gate reaches the loop even though no scenario does.
        postLead("live-preview-tv-1", "live-preview", "tv").statusCode(201).body("queue", equalTo("live-preview-general"));
        TestRulePackages.write(rules, looping + "\n// same loop, saved again with a comment\n");
        String again = version("live-preview");
        Eventually.await("the replay gate rejects the looping version",
                () -> again.equals(when().get("/segments/live-preview").then().extract().path("lastRejected.version")),
                () -> when().get("/segments/live-preview").asString());
        when().get("/segments/live-preview").then()
                .body("rulesetVersion", equalTo(good))
                .body("lastRejected.rejectedBy", equalTo("replay"))
                .body("lastRejected.errors[0].message", startsWith(STOPPED));
    }

    @Test
    void liveWithNoEarlierVersionAPostedLeadGetsTheFallbackAndTheSegmentFails() {
        String stuck = version("live-intake");
        postLead("live-intake-tv-1", "live-intake", "tv").statusCode(201)
                .body("queue", equalTo("live-intake-general"))
                .body("fallback", equalTo(true))
                .body("reason", equalTo("segment fallback: " + STOPPED))
                .body("rulesetVersion", equalTo(stuck));

        Eventually.await("the segment is failed",
                () -> "FAILED".equals(when().get("/segments/live-intake").then().extract().path("status")),
                () -> when().get("/segments/live-intake").asString());
        when().get("/segments/live-intake").then()
                .body("quarantined[0].version", equalTo(stuck))
                .body("quarantined[0].action", containsString("segment FAILED"));
        preview("live-intake", "mobile").body("queue", equalTo("general-review"));
        postLead("live-intake-mobile-1", "live-intake", "mobile").statusCode(201).body("queue", equalTo("general-review"));
        preview("steady", "mobile").body("queue", equalTo("steady-mobile"));
    }

    private static ValidatableResponse preview(String segment, String product) {
        return given().contentType(ContentType.JSON)
                .body("{\"segment\": \"" + segment + "\", \"product\": \"" + product + "\", \"postcode\": \"SW1A 1AA\"}")
                .when().post("/routes/preview")
                .then().statusCode(200);
    }

    private static ValidatableResponse postLead(String id, String segment, String product) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "segment": "%s", "product": "%s", "postcode": "SW1A 1AA",
                         "contact": {"name": "Sam Hill", "email": "sam@example.com"}}
                        """.formatted(id, segment, product))
                .when().post("/leads")
                .then();
    }

    private Path root() {
        return config.dir();
    }

    private String version(String segment) {
        return RuleSetVersion.of(segment, RuleFiles.read(root().resolve(segment)));
    }
}
