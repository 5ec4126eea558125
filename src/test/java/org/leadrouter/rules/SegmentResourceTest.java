package org.leadrouter.rules;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static io.restassured.path.json.JsonPath.from;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.leadrouter.rules.tables.TestTable;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/**
 * The segments API over HTTP against a rules root of its own. The watcher runs too, so a test
 * may find its change already loaded by the watcher; assertions are on the active version and
 * errors, which are the same whichever of the two loaded it.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
@TestProfile(RulesReloadTestProfile.class)
class SegmentResourceTest {

    @Inject
    RulesConfig config;

    @Test
    void listShowsActiveVersionFilesGatesAndHistory() {
        when().get("/segments").then().statusCode(200)
                .body("name", hasItem("alpha"))
                .body("find { it.name == 'alpha' }.status", equalTo("ACTIVE"))
                .body("find { it.name == 'alpha' }.files", contains("routing.drl"))
                .body("find { it.name == 'alpha' }.history[0].version",
                        equalTo(version("alpha", Map.of("routing.drl", TestRulePackages.routingTo("alpha-general", 5)))))
                .body("find { it.name == 'alpha' }.gates[0].gate", equalTo("test-gate"))
                .body("find { it.name == 'alpha' }.gates[0].report.checkedFiles", equalTo(1));
    }

    @Test
    void savedFileIsServedWithoutARequest() {
        String drl = TestRulePackages.routingTo("watched-v2", 5);
        String v2 = version("watched", Map.of("routing.drl", drl));
        write("watched/routing.drl", TestRulePackages.routingTo("watched-v1", 5));
        write("watched/routing.drl", drl);

        Eventually.await("GET /segments shows " + v2,
                () -> v2.equals(when().get("/segments").then().extract().path("find { it.name == 'watched' }.rulesetVersion")),
                () -> when().get("/segments").asString());
    }

    @Test
    void reloadAnswersWithTheRejectedVersionAndEveryErrorWhileTheLastGoodOneStays() {
        String good = load("beta", TestRulePackages.routingTo("beta-general", 5));
        write("beta/routing.drl", TestRulePackages.unknownField());

        given().post("/segments/beta/reload").then().statusCode(200)
                .body("result", equalTo("REJECTED"))
                .body("rejectedBy", equalTo("compile"))
                .body("activeVersion", equalTo(good))
                .body("errors[0].file", equalTo("routing.drl"))
                .body("errors[0].line", equalTo(6))
                .body("errors[0].column", equalTo(10))
                .body("errors[0].message", equalTo("rule 'Postcode': unknown field 'postcde' on Lead"));
        when().get("/segments/beta").then().statusCode(200)
                .body("rulesetVersion", equalTo(good))
                .body("lastRejected.rejectedBy", equalTo("compile"))
                .body("lastRejected.errors[0].line", equalTo(6));
    }

    @Test
    void aBrokenTableCellIsReportedByFileSheetAndCell() {
        writeBytes("tables/routing.drl.xlsx", TestTable.routing().set("E9", "40k").bytes());

        given().post("/segments/tables/reload").then().statusCode(200)
                .body("result", equalTo("REJECTED"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].file", equalTo("routing.drl.xlsx"))
                .body("errors[0].sheet", equalTo("Routing"))
                .body("errors[0].cell", equalTo("E9"))
                .body("errors[0].message", equalTo("\"40k\": a number is expected here, e.g. 40000"));
    }

    @Test
    void tableWarningsAreShownWithTheVersionTheyBelongTo() {
        writeBytes("warned/routing.drl.xlsx", TestTable.routing().set("B10", "200").set("E10", "10000-50000").bytes());

        // Promoted by this request or, just before it, by the watcher.
        given().post("/segments/warned/reload").then().statusCode(200).body("activeVersion", startsWith("warned@"));
        when().get("/segments/warned").then().statusCode(200)
                .body("history[0].warnings[0].sheet", equalTo("Routing"))
                .body("history[0].warnings[0].cell", equalTo("A10"))
                .body("history[0].warnings[0].message", startsWith("rows 9 (Big home) and 10 (Home) can match the same lead"));
    }

    @Test
    void rejectingGateKeepsTheLastGoodVersion() {
        String good = load("gamma", TestRulePackages.routingTo("gamma-general", 5));
        write("gamma/" + TestGate.REJECTED_FILE, TestRulePackages.routingTo("gamma-other", 1).replace("rules.test", "rules.other"));

        given().post("/segments/gamma/reload").then().statusCode(200)
                .body("result", equalTo("REJECTED"))
                .body("rejectedBy", equalTo("test-gate"))
                .body("activeVersion", equalTo(good))
                .body("errors[0].file", equalTo(TestGate.REJECTED_FILE))
                .body("gates[0].report.checkedFiles", equalTo(2));
        when().get("/segments/gamma").then()
                .body("rulesetVersion", equalTo(good))
                .body("lastRejected.rejectedBy", equalTo("test-gate"));
    }

    @Test
    void reloadCompilesAndGatesOnTheLowPriorityReloadThreadNotTheRequestThread() {
        load("theta", TestRulePackages.routingTo("theta-general", 5));
        write("theta/" + TestGate.REJECTED_FILE, TestRulePackages.routingTo("theta-other", 1).replace("rules.test", "rules.other"));

        given().post("/segments/theta/reload").then().statusCode(200)
                .body("rejectedBy", equalTo("test-gate"))
                .body("gates[0].report.thread", equalTo("rules-reload-http"))
                .body("gates[0].report.priority", equalTo(Thread.MIN_PRIORITY));
    }

    @Test
    void rollbackReturnsToThePreviousGoodVersionThenRunsOut() {
        String v1 = load("delta", TestRulePackages.routingTo("delta-v1", 5));
        String v2 = load("delta", TestRulePackages.routingTo("delta-v2", 5));

        given().post("/segments/delta/rollback").then().statusCode(200)
                .body("result", equalTo("ROLLED_BACK"))
                .body("activeVersion", equalTo(v1))
                .body("candidateVersion", equalTo(v2));
        when().get("/segments/delta").then()
                .body("rulesetVersion", equalTo(v1))
                .body("rolledBack", contains(v2));
        given().post("/segments/delta/rollback").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("segment 'delta' has no earlier good version to roll back to"));
    }

    @Test
    void changesSayWhoDidWhatWhenNewestFirst() {
        String v1 = load("eta", TestRulePackages.routingTo("eta-v1", 5));
        String v2 = load("eta", TestRulePackages.routingTo("eta-v2", 5));
        given().post("/segments/eta/rollback").then().statusCode(200);

        // The promotions may be the watcher's (no actor); the rollback came over HTTP with a credential.
        when().get("/segments/eta/changes?limit=3").then().statusCode(200)
                .body("kind", contains("ROLLED_BACK", "PROMOTED", "PROMOTED"))
                .body("[0].actor", equalTo("test-admin"))
                .body("[0].version", equalTo(v2))
                .body("[0].to", equalTo(v1))
                .body("[1].version", equalTo(v2))
                .body("[1].promoted.gates[0].gate", equalTo("test-gate"))
                .body("[2].version", equalTo(v1))
                .body("[1].fileHashes.'routing.drl'", not(equalTo(from(when().get("/segments/eta/changes").asString())
                        .getString("[2].fileHashes.'routing.drl'"))));
    }

    @Test
    void changesOfAnUnknownSegmentOrWithABadLimitAreProblems() {
        when().get("/segments/nowhere/changes").then().statusCode(404).contentType("application/problem+json");
        for (String limit : new String[] {"0", "1001", "ten"}) {
            when().get("/segments/alpha/changes?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].problem", equalTo("must be a whole number from 1 to 1000"));
        }
    }

    @Test
    void unknownSegmentIsANotFoundProblem() {
        given().post("/segments/nowhere/reload").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no segment named 'nowhere' and no folder for it under the rules root"));
        given().post("/segments/nowhere/rollback").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void reloadAllAddsNewFoldersAndRetiresRemovedOnes() throws IOException {
        load("epsilon", TestRulePackages.routingTo("epsilon-general", 5));
        Files.delete(root().resolve("epsilon/routing.drl"));
        Files.delete(root().resolve("epsilon"));
        write("zeta/routing.drl", TestRulePackages.routingTo("zeta-general", 5));

        given().post("/segments/reload").then().statusCode(200)
                .body("find { it.segment == 'alpha' }.result", equalTo("UNCHANGED"))
                .body("find { it.segment == 'zeta' }.activeVersion",
                        equalTo(version("zeta", Map.of("routing.drl", TestRulePackages.routingTo("zeta-general", 5)))));
        // Retired by this request or, just before it, by the watcher: gone either way.
        when().get("/segments/epsilon").then().statusCode(404);
    }

    /** Writes the segment's routing file and reloads it; returns the version now active. */
    private String load(String segment, String drl) {
        write(segment + "/routing.drl", drl);
        String active = given().post("/segments/" + segment + "/reload").then().statusCode(200)
                .extract().path("activeVersion");
        assertEquals(version(segment, Map.of("routing.drl", drl)), active);
        return active;
    }

    private Path root() {
        return config.dir();
    }

    private void write(String file, String content) {
        TestRulePackages.write(root().resolve(file), content);
    }

    private void writeBytes(String file, byte[] content) {
        TestRulePackages.write(root().resolve(file), content);
    }

    private static String version(String segment, Map<String, String> files) {
        Map<String, byte[]> bytes = new TreeMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return RuleSetVersion.of(segment, bytes);
    }
}
