package org.leadrouter.assignment.agents;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.problem.InvalidRequestException;

/** Imports leadrouter.assignment.roster-file at start, when set; a bad roster stops the service. */
@ApplicationScoped
public class RosterAtStart {

    private static final Logger LOG = Logger.getLogger(RosterAtStart.class);

    void onStart(@Observes StartupEvent start, AssignmentConfig config, AgentDirectory directory) throws IOException {
        if (config.rosterFile().isEmpty()) {
            return;
        }
        Path file = config.rosterFile().get();
        AgentDirectory.RosterImported imported;
        try {
            imported = directory.importRoster(Files.readString(file),
                    file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"));
        } catch (InvalidRequestException e) {
            throw new IllegalStateException("the roster " + file + " is not valid: " + e.problems(), e);
        }
        LOG.infof("roster %s: %d agents created, %d updated", file, imported.created(), imported.updated());
    }
}
