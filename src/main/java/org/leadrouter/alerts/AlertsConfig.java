package org.leadrouter.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When a KPI is far enough from its own recent baseline to alert (docs/console.md#alerts). */
@ConfigMapping(prefix = "leadrouter.alerts")
public interface AlertsConfig {

    /** How often the KPIs are checked in the background; 0 turns the check off. */
    @WithDefault("30s")
    Duration interval();

    /** The recent period compared with the baseline. */
    @WithDefault("15m")
    Duration recent();

    /** The baseline: this long before the recent period. */
    @WithDefault("24h")
    Duration baseline();

    /** Fallback share: alert when the recent share is above the baseline share times this... */
    @WithDefault("3")
    double fallbackFactor();

    /** ...and above this share whatever the baseline (a segment with no fallback history)... */
    @WithDefault("0.1")
    double fallbackMinShare();

    /** ...and at least this many leads were fallback-routed in the recent period. */
    @WithDefault("5")
    long fallbackMinCount();

    /** Acceptance rate: alert when the recent rate is below the baseline rate times this... */
    @WithDefault("0.5")
    double acceptanceFactor();

    /** ...over at least this many answerable offers in the recent period. */
    @WithDefault("10")
    long acceptanceMinOffers();

    /** Time to assign: alert when the recent p90 is above the baseline p90 times this... */
    @WithDefault("2")
    double timeToAssignFactor();

    /** ...over at least this many leads accepted in the recent period. */
    @WithDefault("10")
    long timeToAssignMinCount();

    /** Cleared alerts kept for GET /alerts?all=true (most recent first). */
    @WithDefault("100")
    int clearedKept();
}
