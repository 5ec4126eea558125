package org.leadrouter.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each role against each endpoint with real credentials (API keys from the users file, JWTs
 * signed with the test key pair): allowed, refused with 403, and anonymous refused with 401.
 */
@QuarkusTest
class AccessTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ISSUER = "https://issuer.leadrouter.test";
    private static final String AGENT_A = "access-agent-a";
    private static final String AGENT_B = "access-agent-b";
    /** Credential name by role; the agent's name is its agent id. */
    private static final Map<String, String> USERS = Map.of(
            Roles.CALLER, "access-caller", Roles.AGENT, AGENT_A, Roles.MANAGER, "access-manager",
            Roles.ANALYST, "access-analyst", Roles.ADMIN, "access-admin");
    private static final Map<String, String> SECRETS = new HashMap<>();

    @Inject
    SecurityConfig config;

    @Inject
    ApiKeyRegistry registry;

    @Inject
    ObjectMapper mapper;

    /** One endpoint: its OpenAPI path, a concrete request, and the roles allowed (admin always is). */
    record Call(String method, String template, String path, String body, Set<String> roles) {
    }

    private static final List<Call> CALLS = List.of(
            new Call("POST", "/leads", "/leads", null, Set.of(Roles.CALLER)),
            new Call("GET", "/leads/{id}", "/leads/no-such-lead", null, Set.of(Roles.CALLER, Roles.MANAGER)),
            new Call("GET", "/leads/{id}/assignment", "/leads/no-such-lead/assignment", null, Set.of(Roles.CALLER, Roles.MANAGER)),
            new Call("POST", "/routes/preview", "/routes/preview", null, Set.of(Roles.CALLER, Roles.ANALYST)),
            new Call("GET", "/agents", "/agents", null, Set.of(Roles.MANAGER)),
            new Call("GET", "/agents/{id}", "/agents/" + AGENT_A, null, Set.of(Roles.MANAGER)),
            new Call("PUT", "/agents/{id}", "/agents/access-made",
                    "{\"name\": \"Made\", \"queues\": [\"access-none\"], \"capacity\": 1, \"hours\": [\"MON-SUN 00:00-24:00\"]}",
                    Set.of(Roles.MANAGER)),
            new Call("PUT", "/agents/{id}/presence", "/agents/" + AGENT_A + "/presence", "{\"presence\": \"OFFLINE\"}",
                    Set.of(Roles.AGENT, Roles.MANAGER)),
            new Call("GET", "/agents/{id}/offers", "/agents/" + AGENT_A + "/offers", null, Set.of(Roles.AGENT, Roles.MANAGER)),
            new Call("POST", "/agents/import", "/agents/import", "[]", Set.of(Roles.MANAGER)),
            new Call("POST", "/offers/{id}/accept", "/offers/999999/accept", null, Set.of(Roles.AGENT, Roles.MANAGER)),
            new Call("POST", "/offers/{id}/decline", "/offers/999999/decline", "{\"code\": \"busy\"}",
                    Set.of(Roles.AGENT, Roles.MANAGER)),
            new Call("GET", "/work/{id}", "/work/no-such-work", null, Set.of(Roles.AGENT, Roles.MANAGER)),
            new Call("POST", "/work/{id}/complete", "/work/no-such-work/complete", null, Set.of(Roles.AGENT, Roles.MANAGER)),
            new Call("POST", "/work/{id}/transfer", "/work/no-such-work/transfer", "{\"queue\": \"access-none\"}",
                    Set.of(Roles.MANAGER)),
            new Call("POST", "/work/{id}/assign", "/work/no-such-work/assign", "{\"agent\": \"" + AGENT_A + "\"}",
                    Set.of(Roles.MANAGER)),
            new Call("POST", "/work/{id}/reassign", "/work/no-such-work/reassign", "{\"agent\": \"" + AGENT_A + "\"}",
                    Set.of(Roles.MANAGER)),
            new Call("POST", "/work/{id}/release", "/work/no-such-work/release", null, Set.of(Roles.MANAGER)),
            new Call("POST", "/agents/{id}/pull", "/agents/" + AGENT_A + "/pull", null, Set.of(Roles.AGENT, Roles.MANAGER)),
            new Call("GET", "/queues", "/queues", null, Set.of(Roles.MANAGER)),
            new Call("GET", "/assignment/kpis", "/assignment/kpis", null, Set.of(Roles.MANAGER)),
            new Call("GET", "/kpis", "/kpis?window=1h", null, Set.of(Roles.MANAGER)),
            new Call("GET", "/alerts", "/alerts", null, Set.of(Roles.MANAGER)),
            new Call("GET", "/segments/{name}/coverage", "/segments/insurance/coverage?window=7d", null, Set.of(Roles.ANALYST)),
            new Call("GET", "/segments", "/segments", null, Set.of(Roles.ANALYST)),
            new Call("GET", "/segments/{name}", "/segments/insurance", null, Set.of(Roles.ANALYST)),
            new Call("POST", "/segments/reload", "/segments/reload", null, Set.of(Roles.ANALYST)),
            new Call("POST", "/segments/{name}/reload", "/segments/telecoms/reload", null, Set.of(Roles.ANALYST)),
            new Call("POST", "/segments/{name}/rollback", "/segments/telecoms/rollback", null, Set.of(Roles.ANALYST)),
            new Call("GET", "/segments/{name}/changes", "/segments/insurance/changes", null, Set.of(Roles.ANALYST)),
            new Call("POST", "/segments/{name}/replay", "/segments/insurance/replay", null, Set.of(Roles.ANALYST)),
            new Call("GET", "/q/metrics", "/q/metrics", null, Set.of(Roles.MANAGER)));

    @BeforeEach
    void credentials() throws Exception {
        synchronized (SECRETS) {
            if (!SECRETS.isEmpty()) {
                return;
            }
            Map<String, String> names = new LinkedHashMap<>();
            USERS.forEach((role, name) -> names.put(name, role));
            names.put(AGENT_B, Roles.AGENT);
            Map<String, String> created = new HashMap<>();
            new UsersFile(config.usersFile()).update(users -> {
                Map<String, ApiUser> changed = new LinkedHashMap<>(users);
                names.forEach((name, role) -> {
                    String secret = ApiKeys.newSecret();
                    created.put(name, secret);
                    changed.put(name, new ApiUser(name, Set.of(role), ApiKeys.hash(secret)));
                });
                return changed;
            });
            registry.refresh();
            SECRETS.putAll(created);
        }
    }

    private static RequestSpecification as(String name) {
        return given().header("Authorization", "Bearer " + SECRETS.get(name));
    }

    private static Response send(RequestSpecification request, Call call) {
        String body = call.path().equals("/leads") || call.path().equals("/routes/preview") ? lead("access-" + UUID.randomUUID())
                : call.body();
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(call.method(), call.path());
    }

    private static String lead(String id) {
        return """
                {"id": "%s", "segment": "insurance", "source": "web", "product": "travel", "postcode": "LS1 4AP",
                 "contact": {"name": "Bo Li", "email": "bo.li@example.org", "phone": "07700 900123"}}""".formatted(id);
    }

    @Test
    void eachRoleReachesItsEndpointsAndIsRefusedTheOthers() {
        List<String> wrong = new ArrayList<>();
        for (Call call : CALLS) {
            for (Map.Entry<String, String> user : USERS.entrySet()) {
                String role = user.getKey();
                boolean allowed = role.equals(Roles.ADMIN) || call.roles().contains(role);
                Response answer = send(as(user.getValue()), call);
                int status = answer.statusCode();
                if (allowed ? status == 401 || status == 403 || status >= 500
                        : status != 403 || !answer.contentType().startsWith(PROBLEM)) {
                    wrong.add(role + " " + call.method() + " " + call.path() + " -> " + status + " " + answer.asString());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void anonymousRequestsAreRefusedEverywhereButHealthAndTheApiDescription() {
        List<String> wrong = new ArrayList<>();
        for (Call call : CALLS) {
            Response answer = send(given(), call);
            if (answer.statusCode() != 401 || !answer.contentType().startsWith(PROBLEM)
                    || !String.valueOf(answer.header("WWW-Authenticate")).startsWith("Bearer")) {
                wrong.add(call.method() + " " + call.path() + " -> " + answer.statusCode() + " " + answer.contentType() + " "
                        + answer.headers().getValues("WWW-Authenticate"));
            }
        }
        assertEquals(List.of(), wrong);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void anUnknownApiKeyIsRefusedWithAProblem() {
        given().header("Authorization", "Bearer " + ApiKeys.newSecret()).get("/segments")
                .then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
    }

    @Test
    void everyOperationOfTheApiIsInTheAccessTable() throws Exception {
        JsonNode paths = mapper.readTree(given().queryParam("format", "json").get("/q/openapi").asString()).get("paths");
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
        }
        Set<String> tested = new TreeSet<>();
        CALLS.stream().filter(call -> !call.template().startsWith("/q/")).forEach(call -> tested.add(call.method() + " " + call.template()));
        assertEquals(documented, tested);
    }

    @Test
    void anAgentActsOnlyOnTheirOwnOffersWorkAndPresence() {
        String manager = USERS.get(Roles.MANAGER);
        // Only the two test agents are online, so the lead is offered to one of them.
        for (Object other : as(manager).get("/agents").jsonPath().getList("id")) {
            as(manager).contentType(ContentType.JSON).body("{\"presence\": \"OFFLINE\"}").put("/agents/{id}/presence", other);
        }
        for (String agent : List.of(AGENT_A, AGENT_B)) {
            as(manager).contentType(ContentType.JSON).body(Map.of("name", agent, "queues", List.of("insurance-general"),
                            "capacity", 5, "hours", List.of("MON-SUN 00:00-24:00"), "presence", "ONLINE"))
                    .put("/agents/{id}", agent).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
        String lead = "access-" + UUID.randomUUID();
        as(USERS.get(Roles.CALLER)).contentType(ContentType.JSON).body(lead(lead)).post("/leads")
                .then().statusCode(201).body("queue", equalTo("insurance-general"));
        Map<String, Object> offer = awaitOffer(manager, lead);
        long offerId = ((Number) offer.get("id")).longValue();
        String owner = (String) offer.get("agentId");
        String stranger = owner.equals(AGENT_A) ? AGENT_B : AGENT_A;

        as(stranger).get("/agents/{id}/offers", owner).then().statusCode(403).contentType(PROBLEM);
        as(stranger).contentType(ContentType.JSON).body("{\"presence\": \"OFFLINE\"}").put("/agents/{id}/presence", owner)
                .then().statusCode(403).contentType(PROBLEM);
        as(stranger).post("/offers/{id}/accept", offerId).then().statusCode(403).contentType(PROBLEM);
        as(stranger).contentType(ContentType.JSON).body("{\"reason\": \"mine now\"}").post("/offers/{id}/decline", offerId)
                .then().statusCode(403).contentType(PROBLEM);
        as(stranger).get("/work/{id}", lead).then().statusCode(403).contentType(PROBLEM);
        as(stranger).get("/leads/{id}", lead).then().statusCode(403).contentType(PROBLEM);
        // An identity claimed in a header is not an identity.
        as(stranger).header("X-Agent-Id", owner).post("/offers/{id}/accept", offerId).then().statusCode(403);

        as(owner).get("/agents/{id}/offers", owner).then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem((int) offerId));
        as(owner).get("/leads/{id}", lead).then().statusCode(200).body("lead.contact.email", equalTo("bo.li@example.org"));
        as(owner).post("/offers/{id}/accept", offerId).then().statusCode(200).body("state", equalTo("ACCEPTED"));
        as(owner).get("/work/{id}", lead).then().statusCode(200).body("item.agentId", equalTo(owner));
        as(stranger).post("/work/{id}/complete", lead).then().statusCode(403).contentType(PROBLEM);
        as(owner).post("/work/{id}/complete", lead).then().statusCode(200).body("state", equalTo("COMPLETED"));
        as(owner).contentType(ContentType.JSON).body("{\"presence\": \"OFFLINE\"}").put("/agents/{id}/presence", owner)
                .then().statusCode(200);
        as(stranger).contentType(ContentType.JSON).body("{\"presence\": \"OFFLINE\"}").put("/agents/{id}/presence", stranger)
                .then().statusCode(200);
    }

    private static Map<String, Object> awaitOffer(String manager, String lead) {
        for (int i = 0; i < 300; i++) {
            // The work item is made after the lead's commit, on another thread: 404 until then.
            Response work = as(manager).get("/work/{id}", lead);
            List<Map<String, Object>> offers = work.statusCode() == 404 ? null
                    : work.then().statusCode(200).extract().jsonPath().getList("offers");
            if (offers != null && !offers.isEmpty()) {
                return offers.get(0);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("lead " + lead + " was never offered");
    }

    @Test
    void analystsNeverSeeContacts() {
        String lead = "access-" + UUID.randomUUID();
        as(USERS.get(Roles.CALLER)).contentType(ContentType.JSON).body(lead(lead)).post("/leads").then().statusCode(201);
        as(USERS.get(Roles.CALLER)).get("/leads/{id}", lead).then().statusCode(200).body("lead.contact.name", equalTo("Bo Li"));
        as(USERS.get(Roles.MANAGER)).get("/leads/{id}", lead).then().statusCode(200).body("lead.contact.name", equalTo("Bo Li"));

        String analyst = USERS.get(Roles.ANALYST);
        as(analyst).get("/leads/{id}", lead).then().statusCode(403);
        as(analyst).get("/leads/{id}/assignment", lead).then().statusCode(403);
        for (String view : List.of(as(analyst).post("/segments/insurance/replay").then().statusCode(200).extract().asString(),
                as(analyst).get("/segments").then().statusCode(200).extract().asString())) {
            assertFalse(view.contains("bo.li@example.org") || view.contains("Bo Li") || view.contains("07700"), view);
        }
    }

    @Test
    void bodiesMustBeJson() {
        String caller = USERS.get(Roles.CALLER);
        as(caller).contentType("text/plain").body(lead("access-plain")).post("/leads")
                .then().statusCode(415).contentType(PROBLEM).body("errors[0].field", equalTo("Content-Type"));
        as(caller).contentType("application/x-www-form-urlencoded").body(lead("access-form")).post("/routes/preview")
                .then().statusCode(415).contentType(PROBLEM);
        as(caller).contentType("application/json; charset=UTF-8").body(lead("access-json")).post("/routes/preview")
                .then().statusCode(200);
        String manager = USERS.get(Roles.MANAGER);
        as(manager).contentType("text/plain").body("id,name,queues,capacity\n").post("/agents/import")
                .then().statusCode(415).contentType(PROBLEM);
        as(manager).contentType("text/plain").body("{\"presence\": \"OFFLINE\"}").put("/agents/{id}/presence", AGENT_A)
                .then().statusCode(415).contentType(PROBLEM);
        as(USERS.get(Roles.ANALYST)).contentType("text/plain").body("{}").post("/segments/insurance/replay")
                .then().statusCode(415).contentType(PROBLEM);
        // Bodiless POSTs need no type.
        as(USERS.get(Roles.ANALYST)).post("/segments/insurance/reload").then().statusCode(200);
    }

    @Test
    void jwtsFromTheIssuerCarryRolesInGroupsAndTheAgentInTheirPrincipal() {
        as(USERS.get(Roles.MANAGER)).contentType(ContentType.JSON).body(Map.of("name", AGENT_A, "queues", List.of("access-none"),
                "capacity", 1, "hours", List.of("MON-SUN 00:00-24:00"))).put("/agents/{id}", AGENT_A);
        given().header("Authorization", "Bearer " + jwt(AGENT_A, Set.of(Roles.AGENT)))
                .get("/agents/{id}/offers", AGENT_A).then().statusCode(200);
        given().header("Authorization", "Bearer " + jwt(AGENT_A, Set.of(Roles.AGENT)))
                .get("/agents/{id}/offers", AGENT_B).then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", "Bearer " + jwt("crm", Set.of(Roles.CALLER)))
                .contentType(ContentType.JSON).body(lead("access-jwt")).post("/routes/preview").then().statusCode(200);
        given().header("Authorization", "Bearer " + jwt("bi", Set.of(Roles.ANALYST)))
                .get("/leads/{id}", "access-jwt").then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", "Bearer " + jwt("root", Set.of(Roles.ADMIN)))
                .get("/queues").then().statusCode(200);
    }

    @Test
    void badJwtsAreRefusedWithAProblem() {
        Instant now = Instant.now();
        List<String> bad = List.of(
                Jwt.issuer(ISSUER).upn("crm").groups(Set.of(Roles.CALLER)).sign("jwt/other-private-key.pem"),
                Jwt.issuer(ISSUER).upn("crm").groups(Set.of(Roles.CALLER))
                        .issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign("jwt/private-key.pem"),
                Jwt.issuer("https://elsewhere.test").upn("crm").groups(Set.of(Roles.CALLER)).sign("jwt/private-key.pem"),
                "not.a.jwt",
                "eyJhbGciOiJub25lIn0.eyJ1cG4iOiJjcm0iLCJncm91cHMiOlsiY2FsbGVyIl19.");
        for (String token : bad) {
            Response answer = given().header("Authorization", "Bearer " + token).get("/leads/{id}", "x");
            assertEquals(401, answer.statusCode(), token + ": " + answer.asString());
            assertTrue(answer.contentType().startsWith(PROBLEM), answer.contentType());
        }
    }

    @Test
    void theApiDescriptionNamesTagsRolesSchemesAndProblems() throws Exception {
        JsonNode api = mapper.readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        assertTrue(api.at("/components/securitySchemes").size() > 0, api.at("/components").toString());
        List<String> missing = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode op = operation.getValue();
            String name = operation.getKey() + " " + path.getKey();
            if (op.path("summary").asText().isBlank() || !op.path("description").asText().contains("Roles:")) {
                missing.add(name + ": summary or roles");
            }
            if (op.path("tags").size() != 1 || op.path("tags").get(0).asText().endsWith("Resource")) {
                missing.add(name + ": tag " + op.path("tags"));
            }
            if (op.path("security").isEmpty()) {
                missing.add(name + ": security");
            }
            for (String status : List.of("401", "403")) {
                if (op.at("/responses/" + status + "/content").path(PROBLEM).isMissingNode()) {
                    missing.add(name + ": " + status);
                }
            }
        }));
        assertEquals(List.of(), missing);
    }

    @Test
    void metricsAreForManagers() {
        given().get("/q/metrics").then().statusCode(401).contentType(PROBLEM);
        as(USERS.get(Roles.CALLER)).get("/q/metrics").then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", "Bearer " + ApiKeys.newSecret()).get("/q/metrics").then().statusCode(401).contentType(PROBLEM);
        as(USERS.get(Roles.MANAGER)).get("/q/metrics").then().statusCode(200).body(not(containsString("bo.li")));
    }

    private static String jwt(String principal, Set<String> groups) {
        return Jwt.issuer(ISSUER).upn(principal).groups(groups).expiresIn(600).sign("jwt/private-key.pem");
    }
}
