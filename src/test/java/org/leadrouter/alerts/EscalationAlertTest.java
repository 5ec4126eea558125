package org.leadrouter.alerts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.agents.AgentDirectory;
import org.leadrouter.assignment.agents.AgentProfile;
import org.leadrouter.assignment.offering.Assigner;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.assignment.work.Offer;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/**
 * A lead refused by everyone in its queue (which has no escalation target) is escalated past it to
 * the global review queue and alerted; a supervisor's assignment clears the alert.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class EscalationAlertTest {

    @Inject
    AgentDirectory agents;
    @Inject
    Assigner assigner;
    @Inject
    AlertMonitor monitor;
    @Inject
    AssignmentClock clock;

    @Test
    void aLeadRefusedAtItsEscalationStepIsEscalatedFurtherAndAlerted() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String queue = "alert-desk-" + run;
        String alert = "escalation-refused:" + queue;
        List<String> team = List.of("ea1-" + run, "ea2-" + run, "ea3-" + run);
        for (String agent : team) {
            agents.save(agent, new AgentProfile(null, agent, null, List.of(queue), Map.of(), 1, null,
                    List.of("MON-SUN 00:00-24:00"), "ONLINE"));
        }
        String id = "alert-lead-" + run;
        Instant now = clock.now();
        assigner.enqueue(List.of(new NewWork(id, "insurance", queue, Map.of(), 3, 10, null, false, now, now)));
        assigner.offer(id);
        for (String agent : team) {
            Offer offer = agents.openOffers(agent).stream().filter(o -> o.workId().equals(id)).findFirst().orElseThrow();
            assigner.decline(offer.id(), "busy", null);
        }

        given().get("/work/{id}", id).then().statusCode(200)
                .body("item.queue", equalTo("general-review"))
                .body("item.escalationStep", equalTo(1))
                .body("item.escalatedFrom", equalTo(queue));
        monitor.check();
        given().get("/alerts").then().statusCode(200)
                .body("find { it.id == '" + alert + "' }.kind", equalTo("ESCALATION_REFUSED"))
                .body("find { it.id == '" + alert + "' }.queue", equalTo(queue))
                .body("find { it.id == '" + alert + "' }.value", equalTo(1.0f));

        given().contentType(ContentType.JSON).body("{\"agent\": \"" + team.get(0) + "\"}").post("/work/{id}/assign", id)
                .then().statusCode(200).body("state", equalTo("ACCEPTED")).body("agentId", equalTo(team.get(0)));
        given().get("/work/{id}", id).then().statusCode(200)
                .body("history.find { it.kind == 'ASSIGNED' }.actor", equalTo("test-admin"));
        monitor.check();
        List<String> active = given().get("/alerts").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(!active.contains(alert), "accepted: the alert clears");
        assertEquals(1, given().queryParam("all", true).get("/alerts").then().extract().jsonPath()
                .getList("findAll { it.id == '" + alert + "' && it.clearedAt != null }").size());
    }
}
