package org.leadrouter.fuzz;

import java.util.List;
import java.util.Map;
import org.leadrouter.fuzz.JsonText.Obj;

/**
 * The write endpoints under test, each with a valid request to start from. {@code {p}} in a path
 * is the path parameter the corpus fills with a good value or an odd segment.
 */
enum Endpoint {
    LEADS("POST", "/leads", Body.JSON),
    PREVIEW("POST", "/routes/preview", Body.JSON),
    AGENT("PUT", "/agents/{p}", Body.JSON),
    DECLINE("POST", "/offers/{p}/decline", Body.JSON),
    ACCEPT("POST", "/offers/{p}/accept", Body.NONE),
    COMPLETE("POST", "/work/{p}/complete", Body.NONE),
    PRESENCE("PUT", "/agents/{p}/presence", Body.JSON),
    IMPORT_JSON("POST", "/agents/import", Body.JSON),
    IMPORT_CSV("POST", "/agents/import", Body.CSV),
    RELOAD_ALL("POST", "/segments/reload", Body.NONE),
    RELOAD("POST", "/segments/{p}/reload", Body.NONE),
    ROLLBACK("POST", "/segments/{p}/rollback", Body.NONE),
    REPLAY("POST", "/segments/{p}/replay", Body.JSON),
    TRANSFER("POST", "/work/{p}/transfer", Body.JSON),
    ASSIGN("POST", "/work/{p}/assign", Body.JSON),
    REASSIGN("POST", "/work/{p}/reassign", Body.JSON),
    RELEASE("POST", "/work/{p}/release", Body.NONE),
    PULL("POST", "/agents/{p}/pull", Body.NONE);

    /** What the endpoint reads: a JSON document, a CSV roster, or nothing (a body is still sent). */
    enum Body { JSON, CSV, NONE }

    /** The agent the presence, offer and work requests are about; created before the run. */
    static final String AGENT_ID = "fz-agent";
    static final String CSV_HEADER = "id,name,manager,queues,skills,capacity,timeZone,hours,presence";

    final String method;
    final String path;
    final Body body;

    Endpoint(String method, String path, Body body) {
        this.method = method;
        this.path = path;
        this.body = body;
    }

    boolean hasPathParameter() {
        return path.contains("{p}");
    }

    /**
     * Whether a request with a good path makes the service compile a segment's rules (tens to
     * hundreds of milliseconds each, and the body is not read): the corpus sends one in twenty
     * of those and spends the rest on odd paths.
     */
    boolean compilesRules() {
        return this == RELOAD_ALL || this == RELOAD || this == ROLLBACK || this == REPLAY;
    }

    /** A good path parameter for request number {@code index}. */
    String goodParameter(int index) {
        return switch (this) {
            case AGENT -> "fz-agent-" + index;
            case PRESENCE, PULL -> AGENT_ID;
            // Offers 1-50 go to the first agent, the only one while leads arrive; later ones to agents the
            // AGENT requests made. Open for an hour (the campaign's push timeout), each can be declined
            // or accepted once.
            case DECLINE -> Integer.toString(1 + index % 50);
            case ACCEPT -> Integer.toString(51 + index % 50);
            case COMPLETE, TRANSFER, ASSIGN, REASSIGN, RELEASE -> "fz-seed-" + index % 5;
            case RELOAD, ROLLBACK, REPLAY -> index % 2 == 0 ? "insurance" : "telecoms";
            default -> throw new IllegalStateException(this + " has no path parameter");
        };
    }

    /** A valid JSON document for request number {@code index}; null for endpoints that read none. */
    Object validJson(int index) {
        return switch (this) {
            case LEADS, PREVIEW -> lead("fz-" + index, index % 2 == 0 ? "insurance" : "telecoms");
            case AGENT -> agent(null);
            case PRESENCE -> Obj.of("presence", List.of("ONLINE", "AWAY", "OFFLINE").get(index % 3));
            case IMPORT_JSON -> List.of(agent("fz-import-" + index), agent("fz-import-" + index + "-b"));
            case DECLINE -> Obj.of("code", "busy", "reason", "at lunch");
            case REPLAY -> Obj.of();
            case TRANSFER -> index % 2 == 0 ? Obj.of("queue", "insurance-general") : Obj.of("agent", AGENT_ID);
            case ASSIGN, REASSIGN -> Obj.of("agent", AGENT_ID);
            default -> null;
        };
    }

    /** A valid CSV roster for request number {@code index}. */
    static String validCsv(int index) {
        return CSV_HEADER + "\n"
                + "fz-csv-" + index + ",Ann Lee,,insurance-general;insurance-motor,fca-adviser:5,3,Europe/London,MON-FRI 09:00-17:30,ONLINE\n"
                + "fz-csv-" + index + "-b,Bo Chan,fz-csv-" + index + ",telecoms-general,,2,Europe/London,MON-SUN 00:00-24:00,\n";
    }

    static Obj lead(String id, String segment) {
        return Obj.of("id", id, "segment", segment, "source", "web", "receivedAt", "2026-11-25T09:00:00Z",
                "product", segment.equals("insurance") ? "life" : "broadband", "postcode", "LS1 4AP", "customerTier", "gold",
                "existingCustomer", true, "contractType", "monthly", "contractEndDate", "2027-01-31",
                "estimatedValue", 250000,
                "contact", Obj.of("name", "Priya Shah", "email", "priya@example.com", "phone", "07700 900123"),
                "attributes", Obj.of("preferredLanguage", "en", "callbackRequested", true));
    }

    static Obj agent(String id) {
        return agent(id, 3);
    }

    static Obj agent(String id, int capacity) {
        Obj agent = Obj.of("name", "Ann Lee", "manager", "ins-mgr-1",
                "queues", List.of("insurance-general", "insurance-life-fca", "telecoms-general"),
                "skills", Obj.of("fca-adviser", 5), "capacity", capacity, "timeZone", "Europe/London",
                "hours", List.of("MON-SUN 00:00-24:00"), "presence", "ONLINE");
        if (id != null) {
            agent.fields().add(0, Map.entry("id", id));
        }
        return agent;
    }
}
