import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
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
 * The scripts run it through rate_bench (bench/lib.sh), without a collector, so that no pause of the
 * client's own counts in the service's latencies.
 *
 * Prints one line: the rate asked and achieved, answers by kind, and latency p50/p90/p99/p99.9/max.
 * The first WARM_SECONDS (env, default 2) of the schedule are sent but not counted, so the client's
 * own JIT warm-up is not measured. Requests still unanswered 10 s after the last one was due count
 * as unanswered. With SENT_LOG (env) set to a file, every counted lead answered 2xx is written to it
 * as a line "id due-time" (ISO-8601), for bench/assignment/AssignmentBench.java's "offers" mode.
 * With LATENCY_LOG (env) set to a file, every counted request is written to it as a line "due latency",
 * both in ms (-1 for a request never answered), to see when the tail happened: the due time is epoch
 * ms, the clock of a GC log decorated with {@code timemillis}.
 *
 * The client shares the machine with the service, so it is written to cost little: one thread, one
 * selector, plain HTTP/1.1 keep-alive connections (at most CONNECTIONS, env, default 256, opened as
 * needed) and requests written as bytes. A request due while every connection is busy waits for the
 * next free one, and that wait counts in its latency; one due while more than 4,096 wait is shed.
 * (java.net.http.HttpClient, used before, cost about 0.7 ms of processor per request, as much as the
 * service's durable intake itself, which skewed every figure taken on two cores.)
 */
public class RateBench {

    static final int MAX_WAITING = 4096;

    final InetSocketAddress address;
    final byte[][] requests;
    final long start;
    final long intervalNanos;
    final int firstCounted;
    final int maxConnections;
    final long[] latencies;
    final boolean[] succeeded;
    final Selector selector;
    final ArrayDeque<Connection> idle = new ArrayDeque<>();
    final ArrayDeque<Integer> waiting = new ArrayDeque<>();
    int open;
    int ok;
    int non2xx;
    int failed;
    int shed;
    int answered;

    RateBench(InetSocketAddress address, byte[][] requests, long intervalNanos, int warm, int maxConnections)
            throws IOException {
        this.address = address;
        this.requests = requests;
        this.intervalNanos = intervalNanos;
        this.firstCounted = warm;
        this.maxConnections = maxConnections;
        this.latencies = new long[requests.length];
        this.succeeded = new boolean[requests.length];
        Arrays.fill(latencies, -1);
        this.selector = Selector.open();
        this.start = System.nanoTime() + 50_000_000L;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/RateBench.java BASE_URL RATE SECONDS [PATH] [LEAD_FILE]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        String path = args.length > 3 ? args[3] : "/leads";
        String lead = Files.readString(Path.of(args.length > 4 ? args[4] : "bench/leads/insurance.json")).strip();
        String key = System.getenv("LEADROUTER_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("LEADROUTER_KEY is not set");
        }
        double warmSeconds = Double.parseDouble(System.getenv().getOrDefault("WARM_SECONDS", "2"));
        int connections = Integer.parseInt(System.getenv().getOrDefault("CONNECTIONS", "256"));

        int warm = (int) Math.round(rate * warmSeconds);
        int total = warm + (int) Math.round(rate * seconds);
        String prefix = "rate-" + System.currentTimeMillis() + "-";
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + key + "\r\nContent-Length: ";
        byte[][] requests = new byte[total][];
        for (int i = 0; i < total; i++) {
            byte[] body = lead.replace("LEAD_ID", prefix + i).getBytes(StandardCharsets.UTF_8);
            byte[] start = (head + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(start, start.length + body.length);
            System.arraycopy(body, 0, request, start.length, body.length);
            requests[i] = request;
        }
        RateBench bench = new RateBench(new InetSocketAddress(base.getHost(), base.getPort()), requests,
                Math.round(1e9 / rate), warm, connections);
        // Maps the monotonic schedule onto the wall clock the service stamps its offers with.
        long wallOffsetNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        long sendingEnded = bench.run();
        String sentLog = System.getenv("SENT_LOG");
        if (sentLog != null) {
            StringBuilder lines = new StringBuilder();
            for (int i = warm; i < total; i++) {
                if (bench.succeeded[i]) {
                    long wall = bench.due(i) + wallOffsetNanos;
                    lines.append(prefix).append(i).append(' ')
                            .append(Instant.ofEpochSecond(0, wall)).append('\n');
                }
            }
            Files.writeString(Path.of(sentLog), lines);
        }

        String latencyLog = System.getenv("LATENCY_LOG");
        if (latencyLog != null) {
            StringBuilder lines = new StringBuilder();
            for (int i = warm; i < total; i++) {
                double dueMs = (bench.due(i) + wallOffsetNanos) / 1e6;
                double latencyMs = bench.latencies[i] < 0 ? -1 : bench.latencies[i] / 1e6;
                lines.append(String.format("%.3f %.3f%n", dueMs, latencyMs));
            }
            Files.writeString(Path.of(latencyLog), lines);
        }

        long[] measured = Arrays.stream(bench.latencies, warm, total).filter(l -> l >= 0).sorted().toArray();
        double achieved = (total - 1) / ((sendingEnded - bench.start) / 1e9);
        System.out.printf("%s at %.0f/s for %.0f s: sent at %.0f/s; %d 2xx, %d non-2xx, %d failed, %d shed, %d unanswered;"
                        + " latency from due time p50 %s p90 %s p99 %s p99.9 %s max %s; %d connections%n",
                path, rate, seconds, achieved, bench.ok, bench.non2xx, bench.failed, bench.shed,
                total - warm - bench.ok - bench.non2xx - bench.failed - bench.shed,
                ms(measured, 0.50), ms(measured, 0.90), ms(measured, 0.99), ms(measured, 0.999),
                measured.length == 0 ? "-" : String.format("%.2f ms", measured[measured.length - 1] / 1e6),
                bench.open);
        System.exit(0);
    }

    /** Sends every request on its schedule and reads the answers; returns when the last was sent. */
    long run() throws IOException {
        int next = 0;
        long sendingEnded = 0;
        long deadline = Long.MAX_VALUE;
        while (answered < requests.length && System.nanoTime() < deadline) {
            long now = System.nanoTime();
            while (next < requests.length && due(next) <= now) {
                dispatch(next++);
                if (next == requests.length) {
                    sendingEnded = System.nanoTime();
                    deadline = sendingEnded + 10_000_000_000L;
                }
            }
            long wait = next < requests.length ? due(next) - System.nanoTime() : 100_000_000L;
            if (wait >= 1_000_000L) {
                selector.select(wait / 1_000_000L);
            } else {
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                selector.selectNow();
            }
            for (SelectionKey key : selector.selectedKeys()) {
                Connection connection = (Connection) key.attachment();
                try {
                    connection.ready(key);
                } catch (IOException e) {
                    connection.fail();
                }
            }
            selector.selectedKeys().clear();
        }
        return sendingEnded;
    }

    long due(int request) {
        return start + request * intervalNanos;
    }

    void dispatch(int request) {
        Connection connection = idle.poll();
        if (connection != null) {
            connection.send(request);
        } else if (open < maxConnections) {
            open++;
            try {
                new Connection(request);
            } catch (IOException e) {
                open--;
                lost(request, false);
            }
        } else if (waiting.size() < MAX_WAITING) {
            waiting.add(request);
        } else {
            lost(request, true);
        }
    }

    /** A request that will get no answer: shed (nowhere left to wait) or failed (its connection broke). */
    void lost(int request, boolean shedding) {
        answered++;
        if (request < firstCounted) {
            return;
        }
        if (shedding) {
            shed++;
        } else {
            failed++;
        }
    }

    void done(int request, int status) {
        latencies[request] = System.nanoTime() - due(request);
        answered++;
        if (request < firstCounted) {
            return;
        }
        if (status / 100 == 2) {
            ok++;
            succeeded[request] = true;
        } else {
            non2xx++;
        }
    }

    static String ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.2f ms", sorted[Math.max(0, index)] / 1e6);
    }

    /** One keep-alive connection carrying one request at a time. */
    final class Connection {
        final SocketChannel channel;
        final SelectionKey key;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(8192);
        int request;

        Connection(int request) throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            this.request = request;
            this.out = ByteBuffer.wrap(requests[request]);
            if (channel.connect(address)) {
                key = channel.register(selector, SelectionKey.OP_WRITE, this);
            } else {
                key = channel.register(selector, SelectionKey.OP_CONNECT, this);
            }
        }

        void send(int request) {
            this.request = request;
            out = ByteBuffer.wrap(requests[request]);
            key.interestOps(SelectionKey.OP_WRITE);
        }

        void ready(SelectionKey key) throws IOException {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
                return;
            }
            if (key.isWritable()) {
                channel.write(out);
                if (!out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return;
            }
            if (key.isReadable()) {
                if (!in.hasRemaining()) {
                    in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
                }
                if (channel.read(in) < 0) {
                    throw new IOException("closed by the service");
                }
                int status = Response.complete(in.array(), in.position());
                if (status > 0) {
                    in.clear();
                    done(request, status);
                    Integer queued = waiting.poll();
                    if (queued != null) {
                        send(queued);
                    } else {
                        key.interestOps(0);
                        idle.add(this);
                    }
                }
            }
        }

        /** The request in flight failed; the connection is dropped and its place freed. */
        void fail() {
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // already broken
            }
            open--;
            lost(request, false);
            Integer queued = waiting.poll();
            if (queued != null) {
                dispatch(queued);
            }
        }
    }

    /** Just enough HTTP/1.1 response parsing to know when an answer is complete. */
    static final class Response {

        /** The status code if bytes[0, length) hold one whole response, else 0. */
        static int complete(byte[] bytes, int length) {
            int headEnd = indexOf(bytes, 0, length, "\r\n\r\n");
            if (headEnd < 0) {
                return 0;
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.US_ASCII).toLowerCase();
            int status = Integer.parseInt(head.substring(9, 12));
            int bodyStart = headEnd + 4;
            int contentLength = head.indexOf("\r\ncontent-length:");
            if (contentLength >= 0) {
                int valueEnd = head.indexOf("\r\n", contentLength + 2);
                int size = Integer.parseInt(head.substring(contentLength + 17, valueEnd < 0 ? head.length() : valueEnd).trim());
                return length >= bodyStart + size ? status : 0;
            }
            if (head.contains("\r\ntransfer-encoding: chunked")) {
                return indexOf(bytes, bodyStart, length, "\r\n0\r\n\r\n") >= 0
                        || (length - bodyStart >= 5 && indexOf(bytes, bodyStart, bodyStart + 5, "0\r\n\r\n") == bodyStart)
                        ? status : 0;
            }
            return status;
        }

        static int indexOf(byte[] bytes, int from, int to, String text) {
            byte[] pattern = text.getBytes(StandardCharsets.US_ASCII);
            outer:
            for (int i = from; i <= to - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (bytes[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
