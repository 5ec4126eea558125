import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop constant-rate load: POSTs a lead (a new id each) every 1/RATE seconds on a fixed
 * schedule, whether or not earlier requests have been answered, and measures each latency from
 * the moment the request was due, not from when it was actually sent. A closed-loop tool (wrk)
 * waits for an answer before sending again, so a stall delays the requests that would have seen
 * it and hides it from the percentiles (coordinated omission); here a stall shows up in every
 * request due while it lasted.
 *
 * Run: LEADROUTER_KEY=... java bench/RateBench.java BASE_URL RATE SECONDS [PATH] [LEAD_FILE]
 * e.g. java bench/RateBench.java http://127.0.0.1:8080 3000 30 /leads bench/leads/insurance.json
 *
 * Prints one line: the rate asked and achieved, answers by kind, and latency p50/p90/p99/p99.9/max.
 * Requests still unanswered 10 s after the last one was due count as errors. At most MAX_IN_FLIGHT
 * requests are outstanding; a request due beyond that is counted as an error (shed), not delayed.
 */
public class RateBench {

    static final int MAX_IN_FLIGHT = 4096;

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/RateBench.java BASE_URL RATE SECONDS [PATH] [LEAD_FILE]");
            System.exit(2);
        }
        String base = args[0];
        double rate = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        String path = args.length > 3 ? args[3] : "/leads";
        String lead = Files.readString(Path.of(args.length > 4 ? args[4] : "bench/leads/insurance.json")).strip();
        String key = System.getenv("LEADROUTER_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("LEADROUTER_KEY is not set");
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base + path);
        int total = (int) Math.round(rate * seconds);
        long intervalNanos = Math.round(1e9 / rate);
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger non2xx = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger shed = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong lastSent = new AtomicLong();
        CountDownLatch answered = new CountDownLatch(total);
        String prefix = "rate-" + System.currentTimeMillis() + "-";

        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                inFlight.decrementAndGet();
                shed.incrementAndGet();
                answered.countDown();
                continue;
            }
            int n = i;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(lead.replace("LEAD_ID", prefix + n))).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies[n] = System.nanoTime() - due;
                if (failure != null) {
                    failed.incrementAndGet();
                } else if (response.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    non2xx.incrementAndGet();
                }
                inFlight.decrementAndGet();
                answered.countDown();
            });
            lastSent.set(System.nanoTime());
        }
        long sendingEnded = lastSent.get();
        boolean all = answered.await(10, java.util.concurrent.TimeUnit.SECONDS);

        long[] measured = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        int unanswered = all ? 0 : (int) answered.getCount();
        double achieved = total / ((sendingEnded - start) / 1e9);
        System.out.printf("%s at %.0f/s for %.0f s: sent at %.0f/s; %d 2xx, %d non-2xx, %d failed, %d shed, %d unanswered;"
                        + " latency from due time p50 %s p90 %s p99 %s p99.9 %s max %s%n",
                path, rate, seconds, achieved, ok.get(), non2xx.get(), failed.get(), shed.get(), unanswered,
                ms(measured, 0.50), ms(measured, 0.90), ms(measured, 0.99), ms(measured, 0.999),
                measured.length == 0 ? "-" : String.format("%.2f ms", measured[measured.length - 1] / 1e6));
        System.exit(0);
    }

    static String ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.2f ms", sorted[Math.max(0, index)] / 1e6);
    }
}
