package org.leadrouter.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;

/** The test class drives the installed chromium: skipped where it is not installed, never in CI. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "org.leadrouter.console.Chromium#testsShouldRun",
        disabledReason = "no chromium and chromium-driver (apt-get install -y chromium chromium-driver)")
public @interface RequiresChromium {
}
