package org.leadrouter.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Postcode area to UK region, from a reference file (shipped in the jar, or an operator's own).
 * If the file cannot be read the directory is unavailable rather than the service: every
 * lookup then fails and the pipeline marks the lead degraded.
 */
@ApplicationScoped
public class RegionDirectory {

    public static final String UNKNOWN = "UNKNOWN";
    private static final Logger LOG = Logger.getLogger(RegionDirectory.class);
    private static final String BUNDLED = "/reference/postcode-areas.csv";

    private final Map<String, String> regions;
    private final String unavailableBecause;

    @jakarta.inject.Inject
    public RegionDirectory(RoutingConfig config) {
        this(config.enrichment().postcodeAreas());
    }

    /** From an operator's file, or the bundled reference when empty; for use outside the container too. */
    public RegionDirectory(Optional<Path> file) {
        Map<String, String> loaded = null;
        String failure = null;
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get()) : RegionDirectory.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException("bundled " + BUNDLED + " is missing");
            }
            loaded = parse(in);
        } catch (IOException | RuntimeException e) {
            failure = "postcode area reference unavailable (" + e.getMessage() + ")";
            LOG.error(failure + "; leads will route with region UNKNOWN and be marked degraded");
        }
        this.regions = loaded;
        this.unavailableBecause = failure;
    }

    /**
     * The region of a postcode area: {@link #UNKNOWN} for an absent or unlisted area.
     *
     * @throws IllegalStateException when the reference data is unavailable
     */
    public String regionOf(String area) {
        if (regions == null) {
            throw new IllegalStateException(unavailableBecause);
        }
        return area == null ? UNKNOWN : regions.getOrDefault(area, UNKNOWN);
    }

    private static Map<String, String> parse(InputStream in) throws IOException {
        Map<String, String> regions = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#") || line.equalsIgnoreCase("area,region")) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != 2 || cells[0].isBlank() || cells[1].isBlank()) {
                throw new IOException("line " + number + " is not 'area,region': " + line);
            }
            regions.put(cells[0].strip().toUpperCase(Locale.ROOT), cells[1].strip().toUpperCase(Locale.ROOT));
        }
        return Map.copyOf(regions);
    }
}
