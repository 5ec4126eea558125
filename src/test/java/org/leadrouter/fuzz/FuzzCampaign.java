package org.leadrouter.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Stream;
import org.leadrouter.intake.PackagedService;

/**
 * Sends the corpus of every write endpoint to a running service and checks each answer: a 2xx or
 * a 4xx, never a 5xx or silence; every 4xx an application/problem+json body; every lead answered
 * 2xx readable afterwards with the decision it was given; and the service ready after each endpoint.
 */
final class FuzzCampaign {

    /** Requests in flight at once: enough to overlap the service's batches, few enough for 2 cores. */
    private static final int REQUEST_LINE_LIMIT = 4096;
    private static final int IN_FLIGHT = 4;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first agent takes the first 50 offers, which stay open for the decline requests. */
    private static final int FIRST_AGENT_CAPACITY = 50;

    /** Offers stay open for the whole run, so that the decline and accept requests find them open. */
    private static final String OFFERS_OPEN_ALL_RUN = "leadrouter.assignment.push-timeout=1h";

    private final PackagedService service;
    private final String authorization;
    private final FuzzReport report;
    private final HttpClient http = newClient();
    private final Map<String, JsonNode> acknowledgedLeads = new ConcurrentHashMap<>();

    private FuzzCampaign(PackagedService service, String authorization, String database) {
        this.service = service;
        this.authorization = authorization;
        this.report = new FuzzReport(database);
    }

    /** The service settings of a fuzz run: the campaign's own and the database's. */
    static List<String> serviceSettings(String... database) {
        return Stream.concat(Stream.of(OFFERS_OPEN_ALL_RUN), Stream.of(database)).toList();
    }

    /** Runs {@code count} requests per endpoint from {@code seed}; the report holds every failed check. */
    static FuzzReport run(PackagedService service, String authorization, String database, long seed, int count)
            throws IOException, InterruptedException {
        FuzzCampaign campaign = new FuzzCampaign(service, authorization, database);
        campaign.prepare();
        for (Endpoint endpoint : Endpoint.values()) {
            campaign.send(FuzzCorpus.generate(endpoint, seed, count));
            campaign.checkReady(endpoint);
        }
        campaign.checkLeadsReadable();
        Files.writeString(Path.of("target", "fuzz-report-" + database + ".txt"), campaign.report.summary());
        return campaign.report;
    }

    /** The agent and the leads the presence, offer and work requests are about. */
    private void prepare() throws IOException, InterruptedException {
        expect(201, "PUT", "/agents/" + Endpoint.AGENT_ID, JsonText.write(Endpoint.agent(null, FIRST_AGENT_CAPACITY), false));
        for (int i = 0; i < 5; i++) {
            expect(201, "POST", "/leads", JsonText.write(Endpoint.lead("fz-seed-" + i, "insurance"), false));
        }
    }

    private void expect(int status, String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private void send(List<FuzzCase> cases) throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        for (FuzzCase fuzz : cases) {
            HttpRequest request;
            try {
                request = request(fuzz.method(), fuzz.path(), fuzz.contentType(), fuzz.body());
            } catch (IllegalArgumentException unsendable) {
                continue; // the client library refuses the URI or header: nothing reaches the service
            }
            inFlight.acquire();
            sendAgainIfCut(request).whenComplete((response, failure) -> {
                try {
                    check(fuzz, response, failure);
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(IN_FLIGHT);
    }

    /**
     * Sends the request, and once more on a fresh connection if the first one was cut before any
     * answer: a kept-alive connection the service closed after its previous answer is not a
     * failure to answer this request (HTTP clients resend in that case too). The second try goes
     * through a client of its own: the shared client's pool can hold more than one connection the
     * service closed (it does after each bare 414), and it may hand the retry another of them.
     */
    private CompletableFuture<HttpResponse<String>> sendAgainIfCut(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure == null ? CompletableFuture.completedFuture(response)
                        : newClient().sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .thenCompose(Function.identity());
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private void check(FuzzCase fuzz, HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            report.answered(fuzz.endpoint(), 0);
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            report.failed(fuzz.endpoint(), "no answer", 0, fuzz.sample() + "  →  " + cause);
            return;
        }
        int status = response.statusCode();
        report.answered(fuzz.endpoint(), status);
        if (status >= 500) {
            report.failed(fuzz.endpoint(), "server error", status, fuzz.sample() + "  →  " + cut(response.body()));
        } else if (status >= 400 && !isProblem(response) && !overRequestLineLimit(fuzz, status)) {
            report.failed(fuzz.endpoint(), "4xx without a problem+json body", status, fuzz.sample());
        } else if (status < 200 || status >= 300 && status < 400) {
            report.failed(fuzz.endpoint(), "neither 2xx nor 4xx", status, fuzz.sample());
        } else if (status < 300 && fuzz.endpoint() == Endpoint.LEADS) {
            acknowledge(fuzz, response);
        }
    }

    /**
     * The HTTP server itself answers a request line longer than
     * {@code quarkus.http.limits.max-initial-line-length} (4 KiB) with a bare 414, before any
     * handler of the service runs (documented in docs/operations.md). Any other bare 4xx fails.
     */
    private static boolean overRequestLineLimit(FuzzCase fuzz, int status) {
        return status == 414 && fuzz.method().length() + fuzz.path().length() + " HTTP/1.1".length() + 1 > REQUEST_LINE_LIMIT;
    }

    private static boolean isProblem(HttpResponse<String> response) {
        boolean problemType = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        if (!problemType) {
            return false;
        }
        try {
            return JSON.readTree(response.body()).path("status").asInt() == response.statusCode();
        } catch (IOException notJson) {
            return false;
        }
    }

    private void acknowledge(FuzzCase fuzz, HttpResponse<String> response) {
        try {
            JsonNode decision = JSON.readTree(response.body());
            acknowledgedLeads.put(decision.path("leadId").asText(), decision);
        } catch (IOException notJson) {
            report.failed(fuzz.endpoint(), "2xx lead answer is not JSON", response.statusCode(), fuzz.sample());
        }
    }

    private void checkReady(Endpoint after) throws InterruptedException {
        try {
            int status = http.send(request("GET", "/q/health/ready", null, new byte[0]), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 200) {
                report.failed(after, "service not ready afterwards", status, "GET /q/health/ready");
            }
        } catch (IOException e) {
            report.failed(after, "service not ready afterwards", 0, "GET /q/health/ready: " + e);
        }
    }

    /** Every lead answered 2xx is there, with the very decision its caller was given. */
    private void checkLeadsReadable() throws InterruptedException {
        for (Map.Entry<String, JsonNode> lead : acknowledgedLeads.entrySet()) {
            String sample = "GET /leads/" + FuzzCorpus.segment(lead.getKey());
            try {
                HttpResponse<String> read = http.send(request("GET", "/leads/" + FuzzCorpus.segment(lead.getKey()), null,
                        new byte[0]), HttpResponse.BodyHandlers.ofString());
                if (read.statusCode() != 200) {
                    report.failed(Endpoint.LEADS, "acknowledged lead not readable", read.statusCode(), sample);
                } else if (!lead.getValue().equals(JSON.readTree(read.body()).get("decision"))) {
                    report.failed(Endpoint.LEADS, "acknowledged lead read with another decision", 200, sample);
                }
            } catch (IOException e) {
                report.failed(Endpoint.LEADS, "acknowledged lead not readable", 0, sample + ": " + e);
            }
        }
    }

    private HttpRequest request(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service.uri("").toString() + path))
                .timeout(ANSWER_TIMEOUT).method(method, body.length == 0 && method.equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.header("Authorization", authorization);
        return builder.build();
    }

    private static String cut(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
