package org.leadrouter.assignment.offering;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.kpis.History;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/**
 * A lead's work item is committed with the lead, so it can be read as soon as {@code POST /leads}
 * answers; a recorded lead whose item failed is told to retry, not that it never will exist.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class WorkResourceTest {

    @Inject
    LeadStore leads;

    @Test
    void everyLeadAnswered201HasItsWorkItemAtOnce() {
        for (int i = 0; i < 30; i++) {
            String lead = "at-once-" + UUID.randomUUID();
            given().contentType(ContentType.JSON).body("""
                    {"id": "%s", "segment": "insurance", "source": "web", "product": "travel", "postcode": "LS1 4AP"}"""
                    .formatted(lead)).post("/leads").then().statusCode(201);

            given().get("/work/{id}", lead).then().statusCode(200).body("item.id", equalTo(lead));
        }
    }

    @Test
    void aRecordedLeadWhoseItemIsNotMadeYetIsAnsweredWithRetryAfter() throws Exception {
        // Recorded straight through the store: nothing makes its work item, as when making it failed.
        String id = new History(null, leads).lead("insurance", Instant.now(), null);

        given().get("/work/{id}", id).then().statusCode(404).contentType("application/problem+json")
                .header("Retry-After", "1").body("detail", containsString("is recorded and its work item is not made yet"));
        given().get("/leads/{id}/assignment", id).then().statusCode(404).header("Retry-After", "1");
        given().get("/work/{id}", "never-posted").then().statusCode(404).header("Retry-After", nullValue())
                .body("detail", equalTo("no work item with id 'never-posted'"));
    }
}
