import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assignment benchmark against a running service: imports 500 agents over 20 queues (ONLINE,
 * always in hours, room for every lead), posts leads with a fixed number in flight, and reports
 * leads routed per second, leads offered per second, and the time from sending POST /leads to
 * the offer (the work item's firstOfferedAt, the moment the offer was made; the service and
 * this program share a clock on one machine).
 *
 * Run: java bench/assignment/AssignmentBench.java http://localhost:8099 [leads] [in-flight]
 * Or only import the roster, each agent with room for {@code capacity} leads (for a load from wrk):
 *      java bench/assignment/AssignmentBench.java http://localhost:8099 roster [capacity]
 * Or read back the offers of leads another client sent (bench/RateBench.java's SENT_LOG: "id due-time"
 * lines), every {@code every}-th of them, and report due time -> offer made:
 *      java bench/assignment/AssignmentBench.java http://localhost:8099 offers SENT_LOG [every]
 */
public class AssignmentBench {

    static final List<String> QUEUES = List.of("insurance-general", "insurance-review", "insurance-life-fca",
            "insurance-commercial-specialist", "insurance-priority-desk", "insurance-motor", "insurance-motor-london",
            "insurance-motor-scotland", "insurance-home", "insurance-home-london", "insurance-pet",
            "insurance-commercial", "telecoms-general", "telecoms-review", "telecoms-retention", "telecoms-business",
            "telecoms-vip", "telecoms-business-enterprise", "telecoms-broadband", "general-review");
    static final String[] PRODUCTS = {"life", "motor", "home", "pet", "commercial", "mobile", "broadband", "landline"};
    static final String[] POSTCODES = {"SW1A 1AA", "EH1 1YZ", "CF10 1EP", "BT1 5GS", "LS1 4AP", "M1 1AE", "BS1 4DJ", "E1 6AN"};
    static final String[] TIERS = {"platinum", "gold", "silver", "standard"};
    static final Pattern FIRST_OFFERED = Pattern.compile("\"firstOfferedAt\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8099";
        if (args.length > 1 && args[1].equals("roster")) {
            HttpResponse<String> imported = importRoster(HttpClient.newHttpClient(), base,
                    args.length > 2 ? Integer.parseInt(args[2]) : 100_000);
            System.out.printf("roster of 500 agents over %d queues: %d %s%n", QUEUES.size(), imported.statusCode(), imported.body());
            return;
        }
        if (args.length > 2 && args[1].equals("offers")) {
            offersOf(base, Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 10);
            return;
        }
        int leads = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long started = System.nanoTime();
        // Room for every lead: the benchmark measures offering, not agents running out of capacity.
        HttpResponse<String> imported = importRoster(http, base, Math.max(100, (leads + 1000) / 25));
        System.out.printf("roster of 500 agents over %d queues: %d %s (%.1f s)%n", QUEUES.size(), imported.statusCode(),
                imported.body(), (System.nanoTime() - started) / 1e9);

        System.out.println("warm-up: 1000 leads");
        run(http, base, 1000, inFlight);
        System.out.printf("measured: %d leads, %d in flight%n", leads, inFlight);
        Result result = run(http, base, leads, inFlight);
        List<Double> latencies = result.latenciesMs();
        Collections.sort(latencies);
        System.out.printf("leads routed (201): %d in %.2f s = %.0f leads/s%n", result.routed(), result.postSeconds(),
                result.routed() / result.postSeconds());
        System.out.printf("leads offered: %d, last offer %.2f s after the first POST = %.0f offers/s%n", latencies.size(),
                result.offerSeconds(), latencies.size() / result.offerSeconds());
        System.out.printf("POST sent -> offer made: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.get(latencies.size() - 1));
    }

    /** Due time -> first offer for every {@code every}-th lead of a RateBench run, read back one by one. */
    static void offersOf(String base, Path sentLog, int every) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> lines = Files.readAllLines(sentLog);
        List<Double> latencies = new ArrayList<>();
        int notOffered = 0;
        Instant deadline = Instant.now().plusSeconds(20);
        for (int i = 0; i < lines.size(); i += every) {
            String[] idAndDue = lines.get(i).split(" ");
            Instant offered = firstOffered(http, base, idAndDue[0], deadline);
            if (offered == null) {
                notOffered++;
            } else {
                latencies.add(Duration.between(Instant.parse(idAndDue[1]), offered).toNanos() / 1e6);
            }
        }
        if (latencies.isEmpty()) {
            System.out.printf("POST due -> offer made: none of %d leads read back was offered%n", notOffered);
            return;
        }
        Collections.sort(latencies);
        System.out.printf("POST due -> offer made, every %d%s lead (%d of %d): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms; %d not offered%n", every, every == 1 ? "st" : "th", latencies.size() + notOffered,
                lines.size(), pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
                latencies.get(latencies.size() - 1), notOffered);
    }

    static HttpResponse<String> importRoster(HttpClient http, String base, int capacity) throws Exception {
        return http.send(authorized(URI.create(base + "/agents/import")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(roster(500, capacity))).build(), HttpResponse.BodyHandlers.ofString());
    }

    record Result(int routed, double postSeconds, double offerSeconds, List<Double> latenciesMs) {
    }

    static Result run(HttpClient http, String base, int leads, int inFlight) throws Exception {
        Map<String, Instant> sent = new ConcurrentHashMap<>();
        Semaphore window = new Semaphore(inFlight);
        AtomicInteger routed = new AtomicInteger();
        Instant first = Instant.now();
        for (int i = 0; i < leads; i++) {
            String id = "bench-" + UUID.randomUUID();
            window.acquire();
            sent.put(id, Instant.now());
            http.sendAsync(authorized(URI.create(base + "/leads")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(lead(id, i))).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        if (failure == null && response.statusCode() == 201) {
                            routed.incrementAndGet();
                        }
                        window.release();
                    });
        }
        window.acquire(inFlight);
        double postSeconds = Duration.between(first, Instant.now()).toNanos() / 1e9;
        List<Double> latencies = new ArrayList<>();
        Instant lastOffer = first;
        Instant deadline = Instant.now().plusSeconds(20);
        List<String> waiting = new ArrayList<>();
        for (Map.Entry<String, Instant> lead : sent.entrySet()) {
            Instant offered = firstOffered(http, base, lead.getKey(), deadline);
            if (offered == null) {
                waiting.add(lead.getKey());
            } else {
                latencies.add(Duration.between(lead.getValue(), offered).toNanos() / 1e6);
                lastOffer = offered.isAfter(lastOffer) ? offered : lastOffer;
            }
        }
        if (!waiting.isEmpty()) {
            System.out.printf("%d leads not offered (no qualified agent available: they wait), e.g. %s%n", waiting.size(),
                    waiting.get(0));
        }
        return new Result(routed.get(), postSeconds, Duration.between(first, lastOffer).toNanos() / 1e9, latencies);
    }

    /** The lead's first offer, waiting for it until the deadline. */
    static Instant firstOffered(HttpClient http, String base, String id, Instant deadline) throws Exception {
        while (true) {
            HttpResponse<String> r = http.send(authorized(URI.create(base + "/leads/" + id + "/assignment")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = FIRST_OFFERED.matcher(r.body());
            if (r.statusCode() == 200 && m.find()) {
                return Instant.parse(m.group(1));
            }
            if (Instant.now().isAfter(deadline)) {
                return null;
            }
            Thread.sleep(100);
        }
    }

    static String lead(String id, int i) {
        String segment = PRODUCTS[i % PRODUCTS.length].matches("mobile|broadband|landline") ? "telecoms" : "insurance";
        return """
                {"id":"%s","segment":"%s","source":"web","product":"%s","postcode":"%s","customerTier":"%s",
                 "existingCustomer":%s,"estimatedValue":%d,"contact":{"name":"Bench Lead","email":"lead%d@example.org"}}"""
                .formatted(id, segment, PRODUCTS[i % PRODUCTS.length], POSTCODES[(i / 3) % POSTCODES.length],
                        TIERS[(i / 7) % TIERS.length], i % 2 == 0, 1000 + (i * 7919) % 400000, i);
    }

    /** Every agent serves 3 of the 20 queues, with skills spread so that the skill check matters. */
    static String roster(int agents, int capacity) {
        StringBuilder json = new StringBuilder("[");
        for (int a = 0; a < agents; a++) {
            List<String> queues = List.of(QUEUES.get(a % 20), QUEUES.get((a * 7 + 3) % 20), QUEUES.get((a * 13 + 11) % 20));
            json.append(a == 0 ? "" : ",").append("""
                    {"id":"bench-agent-%d","name":"Agent %d","queues":["%s","%s","%s"],"capacity":%d,
                     "skills":{"fca-adviser":%d,"commercial-specialist":%d,"retention":%d,"enterprise-sales":%d,"welsh-language":%d},
                     "hours":["MON-SUN 00:00-24:00"],"presence":"ONLINE"}"""
                    .formatted(a, a, queues.get(0), queues.get(1), queues.get(2), capacity, 1 + a % 10, 1 + (a * 3) % 10,
                            1 + (a * 7) % 10, 1 + (a * 9) % 10, 1 + (a * 5) % 10));
        }
        return json.append("]").toString();
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    // The bench's API key, created by run.sh with the users command.
    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + System.getenv("LEADROUTER_KEY"));
    }
}
