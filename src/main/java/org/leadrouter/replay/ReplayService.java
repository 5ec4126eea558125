package org.leadrouter.replay;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.leadrouter.intake.RecentLeads;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.problem.NotFoundException;
import org.leadrouter.rules.EvaluationWatchdog;
import org.leadrouter.rules.LoadResult;
import org.leadrouter.rules.RulePackageLoader;
import org.leadrouter.rules.RulesConfig;
import org.leadrouter.rules.SegmentRegistry;
import org.leadrouter.rules.SegmentRules;

/** On-demand replays, for analysts trying a change before they drop it into the live rules. */
@ApplicationScoped
public class ReplayService {

    private final SegmentRegistry segments;
    private final LeadStore store;
    private final Replayer replayer;
    private final ReplayConfig config;
    private final RulePackageLoader loader;
    private final CandidateFolders candidates;

    public ReplayService(SegmentRegistry segments, LeadStore store, Replayer replayer, ReplayConfig config,
                         RulesConfig rulesConfig, EvaluationWatchdog watchdog) {
        this.segments = segments;
        this.store = store;
        this.replayer = replayer;
        this.config = config;
        this.loader = new RulePackageLoader(rulesConfig.maxFirings(), watchdog);
        this.candidates = new CandidateFolders(config.candidatesDir());
    }

    /**
     * Without a folder: the active version against the decisions as recorded. With a folder:
     * the rules in that candidate folder (under the candidates root) against the active version.
     *
     * @throws CandidateRejectedException when the folder's rules do not compile
     */
    public ReplayReport replay(String segment, String folder) throws SQLException {
        SegmentRules active = segments.active(segment).orElseThrow(() -> new NotFoundException(
                "segment '" + segment + "' has no active version to replay against"));
        RecentLeads history = store.recentRecords(segment, config.leads());
        if (folder == null || folder.isBlank()) {
            return replayer.replayAgainstRecorded(segment, history, active);
        }
        Path dir = candidates.resolve(folder);
        LoadResult candidate = loader.load(segment, dir);
        if (!candidate.ok()) {
            throw new CandidateRejectedException(candidate);
        }
        return replayer.replay(segment, history, active, candidate.rules());
    }
}
