package org.leadrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import org.junit.jupiter.api.Test;
import io.quarkus.test.security.TestSecurity;
import org.leadrouter.security.AdminHasEveryRole;
import org.leadrouter.security.Roles;

/** A client that connects and then says nothing does not hold a connection for long. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN, augmentors = AdminHasEveryRole.class)
class ConnectionLimitsTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void anIdleConnectionIsClosedByTheService() throws IOException {
        try (Socket idle = new Socket(root.getHost(), root.getPort())) {
            // Far longer than the configured idle timeout, far shorter than the 30-minute default.
            idle.setSoTimeout(120_000);
            InputStream in = idle.getInputStream();

            assertEquals(-1, in.read(), "the service closes the connection: end of stream, nothing sent");
        }
    }
}
