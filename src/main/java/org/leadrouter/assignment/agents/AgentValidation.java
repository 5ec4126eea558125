package org.leadrouter.assignment.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.StorableText;

/** Checks an agent profile field by field and names every bad one. */
@ApplicationScoped
public class AgentValidation {

    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 10;
    /** The stored columns' sizes: longer is refused here rather than by the database. */
    private static final int MAX_HOURS_LENGTH = 4096;
    private static final int MAX_ZONE_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    private final ZoneId defaultZone;

    @Inject
    public AgentValidation(AssignmentConfig config) {
        this(config.defaultTimeZone());
    }

    public AgentValidation(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    /**
     * The agent, or the problems found, each field named under {@code prefix} ("" for a single
     * agent, "agents[3]." for a roster entry).
     */
    public Agent validate(String id, AgentProfile profile, String prefix, List<FieldProblem> problems) {
        int before = problems.size();
        if (profile == null) {
            problems.add(new FieldProblem(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "an agent is required"));
            return null;
        }
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new FieldProblem(prefix + "id", "required: 1-128 letters, digits, '.', '_', '@' or '-'"));
        }
        if (profile.name() == null || profile.name().isBlank() || profile.name().length() > 256) {
            problems.add(new FieldProblem(prefix + "name", "required, at most 256 characters"));
        } else {
            storable(profile.name(), prefix + "name", problems);
        }
        if (profile.manager() != null && !ID.matcher(profile.manager()).matches()) {
            problems.add(new FieldProblem(prefix + "manager", "must be an agent id"));
        }
        TreeSet<String> queues = new TreeSet<>();
        if (profile.queues() == null || profile.queues().isEmpty()) {
            problems.add(new FieldProblem(prefix + "queues", "required: the queues the agent serves"));
        } else {
            for (int i = 0; i < profile.queues().size(); i++) {
                String queue = profile.queues().get(i);
                if (queue == null || queue.isBlank() || queue.length() > 1024) {
                    problems.add(new FieldProblem(prefix + "queues[" + i + "]", "must be a queue name"));
                } else if (storable(queue, prefix + "queues[" + i + "]", problems)) {
                    queues.add(queue.trim());
                }
            }
        }
        Map<String, Integer> skills = new TreeMap<>();
        if (profile.skills() != null) {
            profile.skills().forEach((skill, level) -> {
                if (skill.isBlank() || skill.length() > 128) {
                    problems.add(new FieldProblem(prefix + "skills", "skill names are 1-128 characters"));
                } else if (!storable(skill, prefix + "skills", problems)) {
                    return;
                } else if (level == null || level < MIN_LEVEL || level > MAX_LEVEL) {
                    problems.add(new FieldProblem(prefix + "skills." + skill,
                            "level must be " + MIN_LEVEL + "-" + MAX_LEVEL + ", was " + level));
                } else {
                    skills.put(skill.trim(), level);
                }
            });
        }
        if (profile.capacity() == null || profile.capacity() < 0) {
            problems.add(new FieldProblem(prefix + "capacity",
                    "required: units of work the agent can hold at once (0 or more), was " + profile.capacity()));
        }
        ZoneId zone = defaultZone;
        if (profile.timeZone() != null && profile.timeZone().length() > MAX_ZONE_LENGTH) {
            problems.add(new FieldProblem(prefix + "timeZone", "must be a time zone id such as Europe/London"));
        } else if (profile.timeZone() != null) {
            try {
                zone = ZoneId.of(profile.timeZone().trim());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem(prefix + "timeZone", "unknown time zone '" + profile.timeZone() + "'"));
            }
        }
        if (profile.hours() != null && profile.hours().isEmpty()) {
            problems.add(new FieldProblem(prefix + "hours", "at least one shift, or leave it out for " + WorkingHours.DEFAULT));
        }
        WorkingHours hours = WorkingHours.parse(zone, profile.hours() == null ? WorkingHours.DEFAULT : profile.hours(),
                prefix + "hours", problems);
        if (hours != null && AgentStore.storedHours(hours).length() > MAX_HOURS_LENGTH) {
            problems.add(new FieldProblem(prefix + "hours", "at most " + MAX_HOURS_LENGTH + " characters of shifts in all"));
        }
        Presence presence = null;
        if (profile.presence() != null) {
            presence = presence(profile.presence(), prefix + "presence", problems);
        }
        if (problems.size() > before) {
            return null;
        }
        return new Agent(id, profile.name().trim(), profile.manager(), List.copyOf(queues), skills,
                profile.capacity(), hours, presence);
    }

    private static boolean storable(String text, String field, List<FieldProblem> problems) {
        Optional<String> problem = StorableText.problem(text);
        problem.ifPresent(p -> problems.add(new FieldProblem(field, p)));
        return problem.isEmpty();
    }

    public static Presence presence(String value, String field, List<FieldProblem> problems) {
        if (value != null) {
            try {
                return Presence.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        problems.add(new FieldProblem(field, "must be one of " + List.of(Presence.values()) + ", was '" + value + "'"));
        return null;
    }
}
