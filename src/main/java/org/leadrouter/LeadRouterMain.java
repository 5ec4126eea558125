package org.leadrouter;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.leadrouter.check.RulesCheck;

/**
 * Starts the service; {@code java -jar quarkus-run.jar check <folder>...} instead runs the
 * analysts' rules check and exits, without starting the service.
 */
@QuarkusMain
public class LeadRouterMain {

    public static void main(String... args) {
        if (args.length > 0 && "check".equals(args[0])) {
            RulesCheck.main(args);
        }
        Quarkus.run(args);
    }
}
