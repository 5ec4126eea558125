package org.leadrouter.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's pages and scripts are open (they hold no data) and everything they load is served
 * by the service itself; the data behind them still needs a credential.
 */
@QuarkusTest
class ConsolePagesTest {

    private static final Pattern LOCAL_SOURCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void theRootOpensTheConsole() {
        given().redirects().follow(false).when().get("/").then()
                .statusCode(302).header("Location", endsWith(ConsoleEntrance.CONSOLE));
    }

    @Test
    void bothViewsAndEverythingTheyLoadAreServedWithoutACredential() {
        for (String page : List.of("/console/", "/console/segments.html")) {
            String html = given().when().get(page).then().statusCode(200).contentType(containsString("text/html"))
                    .extract().asString();
            Matcher source = LOCAL_SOURCE.matcher(html);
            while (source.find()) {
                String path = source.group(1);
                assertFalse(path.contains("//"), page + " loads " + path + " from elsewhere");
                // Scripts, styles and links are relative to the page; the chart library's path is absolute on this service.
                given().when().get(path.startsWith("/") ? path : "/console/" + path).then().statusCode(200);
            }
        }
        given().when().get("/console/common.js").then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void theFiguresStillNeedAKey() {
        given().when().get("/kpis").then().statusCode(401);
        given().when().get("/alerts").then().statusCode(401);
        given().when().get("/segments").then().statusCode(401);
    }
}
