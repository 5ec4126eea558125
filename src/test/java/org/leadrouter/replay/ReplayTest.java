package org.leadrouter.replay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.db.DataConfig;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.intake.RecentLeads;
import org.leadrouter.rules.RulesReloadTestProfile;
import org.leadrouter.rules.SegmentRegistry;
import org.leadrouter.rules.SegmentRules;
import org.leadrouter.rules.TestRulePackages;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/**
 * Replays of recorded leads: on demand against a folder or the recorded decisions, and as the
 * gate that turns down a version whose fallback rate jumps.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
@TestProfile(RulesReloadTestProfile.class)
class ReplayTest {

    @Inject
    DataConfig data;

    @Inject
    Replayer replayer;

    @Inject
    SegmentRegistry registry;

    @Inject
    LeadStore store;

    @Inject
    @Any
    Instance<AgroalDataSource> dataSources;

    private static final String PACKAGE = """
            package rules.replay
            import org.leadrouter.facts.Lead
            global org.leadrouter.facts.Decision decision
            %s
            rule "Catch-all" salience -1000
            when Lead()
            then decision.fallback("%s-general", "nothing matched");
            end
            """;

    private String segment;
    private Path folder;

    private String rules(String motorQueue) {
        String motor = motorQueue == null ? "" : """
                rule "Motor" salience 10
                when Lead(product == "motor")
                then decision.route("%s", "motor lead");
                end
                """.formatted(motorQueue);
        return PACKAGE.formatted(motor, segment);
    }

    @BeforeEach
    void aSegmentWithRecordedLeads() {
        segment = "replay" + UUID.randomUUID().toString().substring(0, 8);
        folder = Path.of(ConfigProvider.getConfig().getValue("leadrouter.rules.dir", String.class)).resolve(segment);
        TestRulePackages.write(folder.resolve("routing.drl"), rules("motor-desk"));
        reload().body("result", is(oneOf("PROMOTED", "UNCHANGED")));
        for (int i = 0; i < 20; i++) {
            given().contentType(ContentType.JSON)
                    .body("{\"id\": \"" + segment + "-" + i + "\", \"segment\": \"" + segment + "\", \"product\": \""
                            + (i % 2 == 0 ? "motor" : "home") + "\"}")
                    .when().post("/leads").then().statusCode(201);
        }
    }

    private io.restassured.response.ValidatableResponse reload() {
        return given().when().post("/segments/" + segment + "/reload").then().statusCode(200);
    }

    /** A new folder under the candidates root; its name is what a replay request gives. */
    private static Path candidateFolder() throws Exception {
        Path root = Path.of(ConfigProvider.getConfig().getValue("leadrouter.replay.candidates-dir", String.class));
        return Files.createDirectories(root.resolve("candidate-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    @Test
    void aCandidateFolderIsComparedWithTheActiveVersion() throws Exception {
        Path candidate = candidateFolder();
        TestRulePackages.write(candidate.resolve("routing.drl"), rules(null));

        given().contentType(ContentType.JSON).body("{\"folder\": \"" + candidate.getFileName() + "\"}")
                .when().post("/segments/" + segment + "/replay")
                .then().statusCode(200)
                .body("leads", equalTo(20))
                .body("changed", equalTo(10))
                .body("changes[0].from", equalTo("motor-desk"))
                .body("changes[0].to", equalTo(segment + "-general"))
                .body("changes[0].leads", equalTo(10))
                .body("fallbackRateBefore", equalTo(50.0f))
                .body("fallbackRateAfter", equalTo(100.0f));
    }

    @Test
    void withoutAFolderTheActiveVersionIsComparedWithTheRecordedDecisions() {
        given().when().post("/segments/" + segment + "/replay")
                .then().statusCode(200)
                .body("baseline", equalTo("recorded decisions"))
                .body("leads", equalTo(20))
                .body("changed", equalTo(0));
    }

    @Test
    void aVersionWhoseFallbackRateJumpsIsRejectedAndTheActiveOneKept() {
        String active = given().when().get("/segments/" + segment).then().extract().path("rulesetVersion");
        TestRulePackages.write(folder.resolve("routing.drl"), rules(null));

        reload().body("result", equalTo("REJECTED"))
                .body("rejectedBy", equalTo("replay"))
                .body("errors[0].message", containsString("fallback rate rises from 50.0% to 100.0%"));
        given().when().get("/segments/" + segment).then()
                .body("rulesetVersion", equalTo(active))
                .body("lastRejected.errors[0].message", containsString("fallback rate rises"));
    }

    @Test
    void aVersionThatOnlyMovesQueuesIsPromotedWithItsReplayReport() {
        TestRulePackages.write(folder.resolve("routing.drl"), rules("motor-desk-2"));

        reload().body("result", is(oneOf("PROMOTED", "UNCHANGED")));
        given().when().get("/segments/" + segment).then()
                .body("gates.find { it.gate == 'replay' }.passed", equalTo(true))
                .body("gates.find { it.gate == 'replay' }.report.changed", equalTo(10))
                .body("gates.find { it.gate == 'replay' }.report.changes[0].to", equalTo("motor-desk-2"));
    }

    @Test
    void theGateBudgetEndsAReplayWithTheLeadsDecidedSoFar() throws Exception {
        SegmentRules active = registry.active(segment).orElseThrow();
        RecentLeads history = store.recentRecords(segment, 500);

        assertEquals(1, replayer.replay(segment, history, active, active, Duration.ZERO).leads(),
                "a spent budget still decides one lead, so the gate has something to judge");
        assertEquals(20, replayer.replay(segment, history, active, active, Duration.ofMinutes(10)).leads());
    }

    @Test
    void aCandidateThatDoesNotCompileIsAProblem() throws Exception {
        Path candidate = candidateFolder();
        TestRulePackages.write(candidate.resolve("routing.drl"), TestRulePackages.unknownField());

        given().contentType(ContentType.JSON).body("{\"folder\": \"" + candidate.getFileName() + "\"}")
                .when().post("/segments/" + segment + "/replay")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("folder"))
                .body("errors[0].problem", containsString("unknown field 'postcde'"));
    }

    @Test
    void rulesOutsideTheCandidatesRootAreNeverCompiledAndTheirExistenceNotRevealed() throws Exception {
        Path elsewhere = Files.createTempDirectory("not-a-candidate");
        Path marker = elsewhere.resolve("ran");
        TestRulePackages.write(elsewhere.resolve("routing.drl"), PACKAGE.formatted("", segment).replace(
                "then decision.fallback", "then java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                        + marker + "\"), \"x\"); decision.fallback"));
        Path root = candidateFolder().getParent();

        String existing = given().contentType(ContentType.JSON)
                .body("{\"folder\": \"" + root.relativize(elsewhere).toString().replace('\\', '/') + "\"}")
                .when().post("/segments/" + segment + "/replay")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("folder"))
                .extract().path("errors[0].problem");
        String absolute = given().contentType(ContentType.JSON).body("{\"folder\": \"" + elsewhere + "\"}")
                .when().post("/segments/" + segment + "/replay")
                .then().statusCode(400).extract().path("errors[0].problem");
        String missing = given().contentType(ContentType.JSON).body("{\"folder\": \"/no/such/folder\"}")
                .when().post("/segments/" + segment + "/replay")
                .then().statusCode(400).extract().path("errors[0].problem");

        assertFalse(Files.exists(marker), "a rule outside the candidates root ran");
        assertEquals(missing, absolute);
        assertTrue(existing.contains("relative to the candidates root"), existing);
    }

    @Test
    void aMissingFolderOrSegmentIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"folder\": \"no/such/folder\"}")
                .when().post("/segments/" + segment + "/replay")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("folder"));
        given().when().post("/segments/no-such-segment/replay")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnreadableRecordIsSkippedAndCountedNeverFailingReplayOrTheGate() throws Exception {
        try (Connection connection = dataSources.select(new DataSourceLiteral(data.database().datasourceName())).get()
                .getConnection();
             Statement insert = connection.createStatement()) {
            insert.execute("INSERT INTO leads (id, segment, received_at, recorded_at, lead_json, queue, priority, score,"
                    + " required_skills, fallback, rules_fired, degraded, decided_at) VALUES ('" + segment + "-broken', '"
                    + segment + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '{not json', 'q', 3, 0, '{}', TRUE, '[]', '[]',"
                    + " CURRENT_TIMESTAMP)");
        }

        given().when().post("/segments/" + segment + "/replay")
                .then().statusCode(200)
                .body("leads", equalTo(20))
                .body("skipped", equalTo(1));
        TestRulePackages.write(folder.resolve("routing.drl"), rules("motor-desk-2"));
        reload().body("result", is(oneOf("PROMOTED", "UNCHANGED")));
        given().when().get("/segments/" + segment).then()
                .body("gates.find { it.gate == 'replay' }.passed", equalTo(true))
                .body("gates.find { it.gate == 'replay' }.report.skipped", equalTo(1));
    }
}
