package org.leadrouter.intake;

import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import org.leadrouter.db.RecordUnavailableException;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.lead.LeadParser;
import org.leadrouter.metrics.LeadMetrics;
import org.leadrouter.routing.RouteDecision;
import org.leadrouter.routing.RoutingPipeline;

/** validate → route → record: what happens to a lead a caller submits. */
@ApplicationScoped
public class LeadIntake {

    private static final Logger LOG = Logger.getLogger(LeadIntake.class);

    private final LeadParser parser;
    private final RoutingPipeline pipeline;
    private final LeadRecorder recorder;
    private final LeadStore store;
    private final LeadMetrics metrics;

    public LeadIntake(LeadParser parser, RoutingPipeline pipeline, LeadRecorder recorder, LeadStore store,
                      LeadMetrics metrics) {
        this.parser = parser;
        this.pipeline = pipeline;
        this.recorder = recorder;
        this.store = store;
        this.metrics = metrics;
    }

    /**
     * Routes the lead and records it with its decision. A bad body throws at once; the stage
     * completes when the record is committed. A lead whose id is already recorded is routed
     * again but answered with the recorded decision, and nothing new is kept.
     */
    public CompletionStage<Recording> submit(String body) {
        LeadInput lead = parser.parse(body);
        Timer.Sample deciding = metrics.startDecision();
        RouteDecision decision = pipeline.decide(lead);
        metrics.decided(deciding, decision);
        return recorder.record(lead, decision).whenComplete((recording, failure) -> {
            if (recording != null && recording.created()) {
                // The lead is committed: nothing after this may turn its answer into an error.
                try {
                    metrics.recorded(recording.record().decision());
                } catch (RuntimeException e) {
                    LOG.warn("could not count a recorded lead", e);
                }
            }
        });
    }

    public LeadRecord find(String id) {
        try {
            return store.find(id).orElseThrow(() -> new UnknownLeadException(id));
        } catch (SQLException e) {
            throw new RecordUnavailableException("the record could not be read (database unavailable); retry", e);
        }
    }
}
