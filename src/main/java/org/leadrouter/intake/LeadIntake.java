package org.leadrouter.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.lead.LeadParser;
import org.leadrouter.routing.RoutingPipeline;

/** validate → route → record: what happens to a lead a caller submits. */
@ApplicationScoped
public class LeadIntake {

    private final LeadParser parser;
    private final RoutingPipeline pipeline;
    private final LeadRecorder recorder;
    private final LeadStore store;

    public LeadIntake(LeadParser parser, RoutingPipeline pipeline, LeadRecorder recorder, LeadStore store) {
        this.parser = parser;
        this.pipeline = pipeline;
        this.recorder = recorder;
        this.store = store;
    }

    /**
     * Routes the lead and records it with its decision. A bad body throws at once; the stage
     * completes when the record is committed. A lead whose id is already recorded is routed
     * again but answered with the recorded decision, and nothing new is kept.
     */
    public CompletionStage<Recording> submit(String body) {
        LeadInput lead = parser.parse(body);
        return recorder.record(lead, pipeline.decide(lead));
    }

    public LeadRecord find(String id) {
        try {
            return store.find(id).orElseThrow(() -> new UnknownLeadException(id));
        } catch (SQLException e) {
            throw new RecordUnavailableException("the record could not be read (database unavailable); retry", e);
        }
    }
}
