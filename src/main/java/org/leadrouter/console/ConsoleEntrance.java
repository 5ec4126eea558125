package org.leadrouter.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The service's root opens the console. The console's pages are static files holding no data
 * (every figure comes from role-checked JSON endpoints), so they and this redirect are open.
 */
@ApplicationScoped
public class ConsoleEntrance {

    static final String CONSOLE = "/console/";

    void install(@Observes Router router) {
        router.get("/").handler(context -> context.redirect(CONSOLE));
    }
}
