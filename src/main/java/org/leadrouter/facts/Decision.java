package org.leadrouter.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules build up for one lead: the global {@code decision} in every rule package.
 *
 * <p>Routing is first-wins: rules fire in salience order and the first {@link #route} or
 * {@link #fallback} call decides the queue; later calls are ignored, so a lower-salience rule
 * can never overwrite a more specific one. Scoring is additive and clamped to 0-100.
 */
public class Decision {

    public static final int MIN_SCORE = 0;
    public static final int MAX_SCORE = 100;

    private String queue;
    private String reason;
    private Integer priority;
    private boolean fallback;
    private boolean incomplete;
    private int score;
    private final Map<String, Integer> requiredSkills = new LinkedHashMap<>();
    private final List<String> scoreReasons = new ArrayList<>();

    /** Routes the lead to a queue, unless an earlier (higher-salience) rule already did. */
    public void route(String queue, String reason) {
        if (this.queue == null && queue != null && !queue.isBlank()) {
            this.queue = queue.trim();
            this.reason = reason;
        }
    }

    /** Routes with an explicit priority (1 = most urgent, 5 = least), overriding the score band. */
    public void route(String queue, int priority, String reason) {
        if (this.queue == null) {
            route(queue, reason);
            setPriority(priority);
        }
    }

    /** The catch-all's verb: a route taken because nothing more specific matched. */
    public void fallback(String queue, String reason) {
        if (this.queue == null) {
            route(queue, reason);
            this.fallback = this.queue != null;
        }
    }

    /**
     * Routes a lead that cannot be acted on yet (no contact, postcode or product) to a review
     * queue with a priority: a route like {@link #route(String, int, String)}, counted among the
     * fallback-routed leads as incomplete data.
     */
    public void incomplete(String queue, int priority, String reason) {
        if (this.queue == null) {
            route(queue, priority, reason);
            this.incomplete = this.queue != null;
        }
    }

    /** The assigned agent must have this skill (level 1 or above). */
    public void requireSkill(String skill) {
        requireSkill(skill, 1);
    }

    /** The assigned agent must have this skill at this level (1-10) or above. */
    public void requireSkill(String skill, int level) {
        if (skill != null && !skill.isBlank()) {
            requiredSkills.merge(skill.trim(), Math.max(1, Math.min(10, level)), Math::max);
        }
    }

    /** Adds (or with a negative number, removes) points of intent. */
    public void addScore(int points) {
        score += points;
    }

    /** Adds points and records why, so a caller can see what made the score. */
    public void addScore(int points, String why) {
        addScore(points);
        if (why != null) {
            scoreReasons.add(why + " (" + (points >= 0 ? "+" : "") + points + ")");
        }
    }

    public void setPriority(int priority) {
        this.priority = Math.max(1, Math.min(5, priority));
    }

    public boolean isRouted() { return queue != null; }
    public String getQueue() { return queue; }
    public String getReason() { return reason; }
    public boolean isFallback() { return fallback; }
    public boolean isIncomplete() { return incomplete; }

    /** The score clamped to 0-100. */
    public int getScore() {
        return Math.max(MIN_SCORE, Math.min(MAX_SCORE, score));
    }

    /** The explicit priority if a rule set one, else the band of the score: 80+ is 1, under 20 is 5. */
    public int getPriority() {
        if (priority != null) {
            return priority;
        }
        return 5 - Math.min(4, getScore() / 20);
    }

    public Map<String, Integer> getRequiredSkills() {
        return Collections.unmodifiableMap(requiredSkills);
    }

    public List<String> getScoreReasons() {
        return Collections.unmodifiableList(scoreReasons);
    }
}
