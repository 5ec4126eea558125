package org.leadrouter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.build.Jwt;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.intake.PackagedService;
import org.leadrouter.rules.Eventually;

/** The packaged jar: a key added by the users command while the service runs works over HTTP. */
class UsersCommandIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path workDir;

    @Test
    void aKeyAddedWhileTheServiceRunsWorksAndNoJwtKeyIsNeeded() throws Exception {
        String dataDir = "leadrouter.data.dir=" + workDir.resolve("data");
        try (PackagedService service = PackagedService.start(workDir, dataDir)) {
            assertEquals(401, get(service, "/segments", null).statusCode());
            assertTrue(service.output().contains("quarkus-run.jar users add admin --roles admin"), service.output());

            String secret = service.addUser("ops", "caller,analyst");

            assertTrue(secret.matches("lr_[A-Za-z0-9_-]{43}"), secret);
            Eventually.await("the new key is accepted", () -> status(service, "/segments", secret) == 200,
                    () -> status(service, "/segments", secret));
            assertEquals(403, get(service, "/queues", secret).statusCode());
            Path users = workDir.resolve("data/users");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
            assertTrue(!Files.readString(users).contains(secret), "the secret itself is not stored");

            // No JWT key is configured here: a JWT is refused, never an error, and API keys still work.
            String jwt = Jwt.issuer("https://issuer.leadrouter.test").upn("ops").groups(Set.of("analyst"))
                    .sign("jwt/private-key.pem");
            HttpResponse<String> refused = get(service, "/segments", jwt);
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertEquals(401, get(service, "/segments", ApiKeys.newSecret()).statusCode());
            assertEquals(200, get(service, "/segments", secret).statusCode());
        }
    }

    private int status(PackagedService service, String path, String credential) {
        try {
            return get(service, path, credential).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(PackagedService service, String path, String credential) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path));
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
