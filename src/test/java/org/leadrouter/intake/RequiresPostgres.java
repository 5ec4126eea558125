package org.leadrouter.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;

/** The test class runs on a real PostgreSQL server: skipped where none can be started, never in CI. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "org.leadrouter.intake.PostgresCluster#testsShouldRun",
        disabledReason = "no PostgreSQL server binaries (apt-get install -y postgresql)")
public @interface RequiresPostgres {
}
