import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Times GET requests to a running service, warmed: each path is called WARM times, then ROUNDS
 * times measured, one at a time (what one console page polling does). Prints p50, p90 and max in
 * ms per path, and each p50 as a ratio to the first path's (the baseline, measured in the same run).
 *
 * <pre>LEADROUTER_KEY=... java bench/console/KpiTimer.java BASE WARM ROUNDS PATH...</pre>
 */
public class KpiTimer {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int warm = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        HttpClient client = HttpClient.newHttpClient();
        String key = System.getenv("LEADROUTER_KEY");
        double baseline = 0;
        for (int p = 3; p < args.length; p++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + args[p]))
                    .header("Authorization", "Bearer " + key).header("Accept", "application/json").build();
            for (int i = 0; i < warm; i++) {
                send(client, request);
            }
            double[] ms = new double[rounds];
            int bytes = 0;
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                bytes = send(client, request);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            double p50 = ms[(int) Math.ceil(0.5 * rounds) - 1];
            baseline = p == 3 ? p50 : baseline;
            System.out.printf("%-48s p50 %7.1f ms  p90 %7.1f ms  max %7.1f ms  (%,d bytes, p50 %.0fx the first)%n", args[p], p50,
                    ms[(int) Math.ceil(0.9 * rounds) - 1], ms[rounds - 1], bytes, p50 / baseline);
        }
    }

    private static int send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return response.body().length;
    }
}
