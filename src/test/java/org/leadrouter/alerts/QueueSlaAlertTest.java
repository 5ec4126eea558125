package org.leadrouter.alerts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.assignment.work.WorkStore;
import org.leadrouter.assignment.work.WorkStore.Placed;
import org.leadrouter.db.Transactions;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/**
 * A queue whose oldest waiting lead has waited past the queue's SLA (30 minutes by default) is
 * alerted, naming the wait; one whose items are all within it is not.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class QueueSlaAlertTest {

    @Inject
    WorkStore work;
    @Inject
    Transactions db;
    @Inject
    AlertMonitor monitor;
    @Inject
    AssignmentClock clock;

    @Test
    void aQueueWaitingPastItsSlaIsAlertedAndOneWithinItIsNot() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String late = "sla-late-" + run;
        String onTime = "sla-on-time-" + run;
        Instant now = clock.now();
        waitingSince(late, now.minus(Duration.ofMinutes(45)));
        waitingSince(late, now.minus(Duration.ofMinutes(5)));
        waitingSince(onTime, now.minus(Duration.ofMinutes(10)));

        monitor.check();

        String alert = "queue-sla:" + late;
        given().get("/alerts").then().statusCode(200)
                .body("find { it.id == '" + alert + "' }.kind", equalTo("QUEUE_SLA"))
                .body("find { it.id == '" + alert + "' }.queue", equalTo(late))
                .body("find { it.id == '" + alert + "' }.value", greaterThanOrEqualTo(45f * 60))
                .body("find { it.id == '" + alert + "' }.threshold", equalTo(30f * 60));
        List<String> active = given().get("/alerts").then().extract().jsonPath().getList("id");
        assertTrue(!active.contains("queue-sla:" + onTime), "within its SLA: " + active);
    }

    private void waitingSince(String queue, Instant since) {
        String id = queue + "-" + UUID.randomUUID();
        NewWork item = new NewWork(id, "insurance", queue, Map.of(), 3, 10, null, false, since, since);
        // Due a day on, so that the SLA sweep leaves it waiting here: the alert reads the wait, not the due time.
        db.inTransaction(c -> {
            work.insert(c, List.of(new Placed(item, queue, since.plus(Duration.ofDays(1)))), since);
            return null;
        });
    }
}
