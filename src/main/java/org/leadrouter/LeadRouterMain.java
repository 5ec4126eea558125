package org.leadrouter;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.leadrouter.check.RulesCheck;
import org.leadrouter.security.UsersCommand;

/**
 * Starts the service; {@code java -jar quarkus-run.jar check <folder>...} instead runs the
 * analysts' rules check and exits, and {@code users ...} manages API keys, both without starting
 * the service.
 */
@QuarkusMain
public class LeadRouterMain {

    public static void main(String... args) {
        if (args.length > 0 && "check".equals(args[0])) {
            RulesCheck.main(args);
        }
        if (args.length > 0 && "users".equals(args[0])) {
            UsersCommand.main(args);
        }
        Quarkus.run(args);
    }
}
