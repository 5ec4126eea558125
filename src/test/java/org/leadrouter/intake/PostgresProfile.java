package org.leadrouter.intake;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class));
    }
}
