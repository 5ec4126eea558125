package org.leadrouter.assignment.queues;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.assignment.queues.PolicySettings;
import org.leadrouter.assignment.queues.RelaxStep;

/**
 * The queue settings file (leadrouter.assignment.queues-file), read at start. A queue not in it
 * gets the configured defaults; a missing file means every queue does. A bad file stops the
 * service with every bad entry named, rather than routing work under settings nobody meant.
 */
@ApplicationScoped
public class QueueCatalog {

    private static final Logger LOG = Logger.getLogger(QueueCatalog.class);

    /** One entry of the file; absent fields take the defaults. */
    record Entry(Integer pushTimeoutSeconds, Integer slaMinutes, String escalateTo, String overflowTo, String policy,
                 Map<String, Integer> weights, Integer capPerHour, Integer capPerDay, List<RelaxStep> relaxSkills,
                 Integer overflowAfterSeconds, Integer overflowDepth, Integer stickyDays) implements PolicySettings.Fields {
    }

    record QueueFile(Map<String, Entry> queues) {
    }

    private final Duration defaultPushTimeout;
    private final Duration defaultSla;
    private final Map<String, QueueSettings> configured;

    @Inject
    public QueueCatalog(AssignmentConfig config) {
        this(config.pushTimeout(), config.sla(), read(config.queuesFile()));
    }

    QueueCatalog(Duration defaultPushTimeout, Duration defaultSla, Map<String, Entry> entries) {
        this.defaultPushTimeout = defaultPushTimeout;
        this.defaultSla = defaultSla;
        List<String> problems = new ArrayList<>();
        Map<String, QueueSettings> settings = new TreeMap<>();
        entries.forEach((name, entry) -> {
            if (entry.pushTimeoutSeconds() != null && entry.pushTimeoutSeconds() <= 0) {
                problems.add("queues." + name + ".pushTimeoutSeconds must be positive");
            }
            if (entry.slaMinutes() != null && entry.slaMinutes() <= 0) {
                problems.add("queues." + name + ".slaMinutes must be positive");
            }
            if (entry.overflowTo() != null && entry.overflowTo().equals(name)) {
                problems.add("queues." + name + ".overflowTo cannot be the queue itself");
            }
            Duration sla = entry.slaMinutes() == null ? defaultSla : Duration.ofMinutes(entry.slaMinutes());
            settings.put(name, new QueueSettings(name,
                    entry.pushTimeoutSeconds() == null ? defaultPushTimeout : Duration.ofSeconds(entry.pushTimeoutSeconds()),
                    sla, blank(entry.escalateTo()) ? null : EscalationTarget.parse(entry.escalateTo()),
                    blank(entry.overflowTo()) ? null : entry.overflowTo().trim(), true,
                    PolicySettings.of(name, entry, !blank(entry.overflowTo()), sla, problems)));
        });
        settings.values().stream().filter(q -> q.policy().overflowsOnWait())
                .forEach(q -> overflowLoop(q.name(), settings).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the queue settings are not valid: " + String.join("; ", problems));
        }
        this.configured = settings;
    }

    public QueueSettings settings(String queue) {
        QueueSettings settings = configured.get(queue);
        return settings != null ? settings
                : new QueueSettings(queue, defaultPushTimeout, defaultSla, null, null, false, PolicySettings.DEFAULT);
    }

    /**
     * Overflow when nobody serves a queue cuts loops as it goes, but overflow on wait moves
     * items on every scan: a loop would send them round for ever.
     */
    private static Optional<String> overflowLoop(String start, Map<String, QueueSettings> settings) {
        List<String> path = new ArrayList<>(List.of(start));
        for (String next = settings.get(start).overflowTo(); next != null; ) {
            path.add(next);
            if (next.equals(start)) {
                return Optional.of("queues." + start + ".overflowTo loops back (" + String.join(" -> ", path)
                        + "): overflow on wait would move items round for ever");
            }
            if (path.size() > settings.size() + 1) {
                return Optional.empty();
            }
            QueueSettings queue = settings.get(next);
            next = queue == null ? null : queue.overflowTo();
        }
        return Optional.empty();
    }

    public Collection<QueueSettings> configured() {
        return configured.values();
    }

    private static Map<String, Entry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            LOG.infof("no queue settings at %s: every queue gets the defaults", file.toAbsolutePath());
            return Map.of();
        }
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            QueueFile parsed = mapper.readValue(file.toFile(), QueueFile.class);
            return parsed.queues() == null ? Map.of() : new LinkedHashMap<>(parsed.queues());
        } catch (JsonMappingException e) {
            throw new IllegalStateException("the queue settings " + file + " are not valid at "
                    + e.getPathReference() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("the queue settings " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
