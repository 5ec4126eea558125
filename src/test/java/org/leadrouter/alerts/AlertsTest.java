package org.leadrouter.alerts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.kpis.History;
import org.leadrouter.routing.FallbackCause;
import org.leadrouter.security.Roles;

/** A fallback spike raises an alert and more normal leads clear it; GET /alerts and the gauge agree throughout. */
@QuarkusTest
@TestSecurity(user = "alerts-manager", roles = Roles.MANAGER)
class AlertsTest {

    private static final String SEGMENT = "spiky";
    private static final String ID = "fallback-share:spiky";

    @Inject
    LeadStore store;
    @Inject
    AlertMonitor monitor;
    @Inject
    MeterRegistry registry;
    @Inject
    AssignmentClock clock;

    /** The monitor's log lines about this test's alert. */
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler logCatcher = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String line = record.getParameters() == null ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters());
            if (line.contains("[" + ID + "]")) {
                logLines.add(record.getLevel() + " " + line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void catchLogLines() {
        Logger.getLogger(AlertMonitor.class.getName()).addHandler(logCatcher);
    }

    @AfterEach
    void releaseLogLines() {
        Logger.getLogger(AlertMonitor.class.getName()).removeHandler(logCatcher);
    }

    @Test
    void aFallbackSpikeIsRaisedThenCleared() throws Exception {
        History history = new History(null, store);
        Instant now = clock.now();
        // Baseline (the 24 h before the last 15 min): 100 leads, 2 fallback-routed: 2%.
        for (int i = 0; i < 100; i++) {
            history.lead(SEGMENT, now.minus(Duration.ofHours(2)).plusSeconds(i), i < 2 ? FallbackCause.NO_RULE_MATCHED : null);
        }
        // Last 15 min: 10 leads, 6 fallback-routed: 60%, over max(3 x 2%, 10%).
        for (int i = 0; i < 10; i++) {
            history.lead(SEGMENT, now.minus(Duration.ofMinutes(5)).plusSeconds(i), i < 6 ? FallbackCause.UNKNOWN_SEGMENT : null);
        }
        monitor.check();

        given().get("/alerts").then().statusCode(200)
                .body("find { it.id == '" + ID + "' }.kind", equalTo("FALLBACK_SHARE"))
                .body("find { it.id == '" + ID + "' }.segment", equalTo(SEGMENT))
                .body("find { it.id == '" + ID + "' }.value", equalTo(0.6f))
                .body("find { it.id == '" + ID + "' }.baseline", equalTo(0.02f))
                .body("find { it.id == '" + ID + "' }.threshold", equalTo(0.1f))
                .body("find { it.id == '" + ID + "' }.message",
                        equalTo("spiky: 60% of leads fallback-routed in the last 15 min, 2% over the last 24 h"));
        assertEquals(1.0, gauge());
        monitor.check();
        assertEquals(List.of("WARN alert started: spiky: 60% of leads fallback-routed in the last 15 min, 2% over the last 24 h"
                + " [" + ID + "]"), logLines, "one line when it starts, none while it stays");

        // 100 more leads by a rule in the last 15 min: 6 of 110 (5%) is under the 10% floor.
        for (int i = 0; i < 100; i++) {
            history.lead(SEGMENT, now.minus(Duration.ofMinutes(4)).plusSeconds(i), null);
        }
        monitor.check();

        List<Map<String, Object>> active = given().get("/alerts").then().statusCode(200).extract().jsonPath().getList("$");
        assertNull(active.stream().filter(a -> ID.equals(a.get("id"))).findFirst().orElse(null));
        given().queryParam("all", true).get("/alerts").then().statusCode(200)
                .body("find { it.id == '" + ID + "' }.clearedAt", notNullValue());
        assertEquals(0.0, gauge());
        assertEquals(2, logLines.size());
        assertTrue(logLines.get(1).startsWith("INFO alert cleared: spiky: 60% of leads fallback-routed"), logLines.get(1));
    }

    private double gauge() {
        return registry.get("leadrouter.alerts.active").tag("kind", "FALLBACK_SHARE").tag("segment", SEGMENT).gauge().value();
    }
}
