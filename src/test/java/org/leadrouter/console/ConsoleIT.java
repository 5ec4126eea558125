package org.leadrouter.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.leadrouter.intake.PackagedService;
import org.leadrouter.rules.Eventually;
import org.leadrouter.rules.TestRulePackages;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser against the packaged service with data in it: what a manager and
 * an analyst see matches the JSON, updates without a reload, and the rollback button works.
 * Screenshots of both views are kept in target/console-screenshots.
 */
@RequiresChromium
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String AGENT = "console-agent";
    private static final int ROUTED = 4;
    private static final int ACCEPTED = 3;
    private static final int FALLBACK = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static Path workDir;
    private static PackagedService service;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String admin;
    private static String manager;
    private static String analyst;

    @BeforeAll
    static void startServiceAndBrowser() throws Exception {
        workDir = Files.createTempDirectory("leadrouter-console-");
        Path rules = workDir.resolve("rules");
        copy(Path.of("rules"), rules);
        // A candidate that sends life leads to the review queue instead of the FCA advisers.
        Path candidate = workDir.resolve("candidates").resolve("insurance-next");
        copy(Path.of("rules", "insurance"), candidate);
        Path routing = candidate.resolve("routing.drl");
        Files.writeString(routing, Files.readString(routing).replace("decision.route(\"insurance-life-fca\"", "decision.route(\"insurance-review\""));
        String[] settings = {
            "leadrouter.data.dir=" + workDir.resolve("data"),
            // The test edits these rules; the project's own stay untouched.
            "leadrouter.rules.dir=" + rules,
            "leadrouter.replay.candidates-dir=" + workDir.resolve("candidates"),
            "leadrouter.assignment.queues-file=" + Path.of("assignment", "queues.json").toAbsolutePath(),
            // The agent works every day around the clock: the test does not depend on when it runs.
            "leadrouter.assignment.bank-holidays=2000-01-01",
            // Test machines run several builds at once: a first evaluation starved of CPU must not trip the deadline.
            "leadrouter.rules.deadline=5s",
        };
        admin = PackagedService.addUser(workDir, "console-admin", "admin", settings);
        manager = PackagedService.addUser(workDir, "console-manager", "manager", settings);
        analyst = PackagedService.addUser(workDir, "console-analyst", "analyst", settings);
        service = PackagedService.start(workDir, settings);
        recordSomeWork();
        Files.createDirectories(SCREENSHOTS);
        browser = Chromium.start(Files.createDirectories(workDir.resolve("downloads")));
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Routed leads offered to one agent who accepts three and declines one, and leads for an unknown segment. */
    private static void recordSomeWork() throws Exception {
        send("PUT", "/agents/" + AGENT, admin, """
                {"name": "Console Agent", "queues": ["insurance-life-fca"], "skills": {"fca-adviser": 10}, "capacity": 10,
                 "timeZone": "UTC", "hours": ["MON-SUN 00:00-24:00"], "presence": "ONLINE"}""");
        for (int i = 0; i < ROUTED; i++) {
            postLead("console-life-" + i, "insurance");
        }
        for (int i = 0; i < FALLBACK; i++) {
            postLead("console-unknown-" + i, "pets");
        }
        Eventually.await(ROUTED + " offers made", () -> openOffers().size() == ROUTED, () -> openOffers());
        List<JsonNode> offers = openOffers();
        for (int i = 0; i < ACCEPTED; i++) {
            send("POST", "/offers/" + offers.get(i).get("id").asLong() + "/accept", admin, null);
        }
        send("POST", "/offers/" + offers.get(ACCEPTED).get("id").asLong() + "/decline", admin, "{\"code\": \"busy\"}");
    }

    @Test
    @Order(1)
    void anUnknownKeyAndAKeyWithoutTheManagerRoleAreToldSo() {
        browser.get(service.uri("/").toString());
        WebElement message = browser.findElement(By.id("access-message"));
        signIn("lr_" + "0".repeat(43));
        wait.until(driver -> message.isDisplayed() && message.getText().contains("401"));
        assertTrue(message.getText().contains("That API key was not accepted"), message.getText());
        signIn(analyst);
        wait.until(driver -> message.isDisplayed() && message.getText().contains("403"));
        assertTrue(message.getText().contains("does not have the manager role"), message.getText());
    }

    @Test
    @Order(2)
    void theManagerSeesTheThreeKpisAsTheJsonHasThem() throws Exception {
        browser.get(service.uri("/console/").toString());
        signIn(manager);
        JsonNode overall = json("GET", "/kpis?window=1h", manager).get("overall");
        // The figures the test recorded, as the service computes them ...
        assertEquals(ROUTED, overall.at("/acceptance/offers").asInt());
        assertEquals(ACCEPTED, overall.at("/acceptance/accepted").asInt());
        assertEquals(1, overall.at("/acceptance/declined").asInt());
        assertEquals(ROUTED + FALLBACK, overall.at("/fallback/leads").asInt());
        assertEquals(FALLBACK, overall.at("/fallback/fallback").asInt());
        assertEquals(ACCEPTED, overall.at("/timeToAssign/count").asInt());
        // ... and as the page shows them.
        awaitFigure("tta-p50", overall.at("/timeToAssign/p50Ms"), duration(overall.at("/timeToAssign/p50Ms")));
        awaitFigure("tta-p90", overall.at("/timeToAssign/p90Ms"), duration(overall.at("/timeToAssign/p90Ms")));
        awaitFigure("tta-p99", overall.at("/timeToAssign/p99Ms"), duration(overall.at("/timeToAssign/p99Ms")));
        awaitFigure("acceptance-rate", overall.at("/acceptance/rate"), "75.0 %");
        awaitFigure("fallback-count", overall.at("/fallback/fallback"), String.valueOf(FALLBACK));
        awaitFigure("fallback-share", overall.at("/fallback/share"), percent(overall.at("/fallback/share")));
        assertEquals("busy", browser.findElement(By.cssSelector("#decline-reasons td")).getText());
    }

    @Test
    @Order(3)
    void theTrendChartsHaveTheRecordedPoints() throws Exception {
        JsonNode overall = json("GET", "/kpis?window=1h", manager).get("overall");
        long fallbackInTrend = 0;
        for (JsonNode point : overall.at("/fallback/trend")) {
            fallbackInTrend += point.get("fallback").asLong();
        }
        assertEquals(FALLBACK, fallbackInTrend);
        long buckets = overall.at("/fallback/trend").size();
        wait.until(driver -> chartNumber("fallback-chart", 1, "data.length") == buckets
                && chartNumber("fallback-chart", 1, "data.reduce((a, b) => a + (b || 0), 0)") == FALLBACK);
        long assignedBuckets = 0;
        for (JsonNode point : overall.at("/timeToAssign/trend")) {
            assignedBuckets += point.get("p90Ms").isNull() ? 0 : 1;
        }
        assertTrue(assignedBuckets > 0, "the accepted offers are in the time to assign trend");
        long expected = assignedBuckets;
        wait.until(driver -> chartNumber("tta-chart", 1, "data.filter((v) => v !== null).length") == expected);
    }

    @Test
    @Order(4)
    void aNewFallbackLeadShowsUpWithoutAReload() throws Exception {
        JavascriptExecutor page = browser;
        page.executeScript("window.sameDocument = 'yes';");
        postLead("console-unknown-late", "pets");
        wait.until(ExpectedConditions.textToBe(By.id("fallback-count"), String.valueOf(FALLBACK + 1)));
        assertEquals("yes", page.executeScript("return window.sameDocument;"), "the page was reloaded");
        screenshot("manager");
    }

    @Test
    @Order(5)
    void everyFigureFollowsTheWindowPicker() throws Exception {
        JavascriptExecutor page = browser;
        page.executeScript("window.sameDocument = 'yes';");
        Select window = new Select(browser.findElement(By.id("window")));
        // A custom day in 2020, long before anything was recorded.
        window.selectByValue("custom");
        page.executeScript("document.getElementById('window-from').value = '2020-01-01T00:00';"
                + "document.getElementById('window-to').value = '2020-01-02T00:00';");
        browser.findElement(By.id("apply-window")).click();
        wait.until(ExpectedConditions.textToBe(By.id("fallback-count"), "0"));
        assertEquals("0", browser.findElement(By.id("tta-count")).getText());
        assertTrue(browser.findElement(By.id("window-label")).getText().contains("2020"),
                browser.findElement(By.id("window-label")).getText());

        window.selectByValue("7d");
        JsonNode week = json("GET", "/kpis?window=7d", manager).get("overall");
        awaitFigure("fallback-count", week.at("/fallback/fallback"), week.at("/fallback/fallback").asText());
        awaitFigure("acceptance-rate", week.at("/acceptance/rate"), percent(week.at("/acceptance/rate")));
        window.selectByValue("1h");
        assertEquals("yes", page.executeScript("return window.sameDocument;"), "the page was reloaded");
    }

    @Test
    @Order(6)
    void theAnalystSeesARejectedEditAtItsFileAndCellAndRollsBackFromThePage() throws Exception {
        String original = json("GET", "/segments/insurance", analyst).get("rulesetVersion").asText();
        browser.findElement(By.id("sign-out")).click();
        browser.findElement(By.linkText("Rules")).click();
        signIn(analyst);
        By activeVersion = By.cssSelector("#segment-insurance .active-version");
        wait.until(ExpectedConditions.textToBe(activeVersion, original));

        // A good edit, so that there is a version to roll back to ...
        Path folder = workDir.resolve("rules").resolve("insurance");
        Files.writeString(folder.resolve("routing.drl"), "\n// reviewed for the console test\n", StandardOpenOption.APPEND);
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(activeVersion, original)));
        String edited = browser.findElement(activeVersion).getText();
        // ... then a broken one: a decision table naming a field that does not exist.
        Files.write(folder.resolve("broken.drl.xlsx"), TestRulePackages.routingTable("Routing", "postcde"));
        By errorRows = By.cssSelector("#segment-insurance .rejected tbody tr");
        wait.until(ExpectedConditions.presenceOfElementLocated(errorRows));
        JsonNode errors = json("GET", "/segments/insurance", analyst).at("/lastRejected/errors");
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode error : errors) {
            expected.add(List.of(error.get("file").asText(), error.get("sheet").asText(), error.get("cell").asText()));
        }
        assertTrue(expected.contains(List.of("broken.drl.xlsx", "Routing", "C8")), expected.toString());
        List<List<String>> shown = new ArrayList<>();
        for (WebElement row : browser.findElements(errorRows)) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            shown.add(List.of(cells.get(0).getText(), cells.get(1).getText(), cells.get(2).getText()));
        }
        assertEquals(expected, shown);
        assertEquals(edited, browser.findElement(activeVersion).getText(), "the rejected edit does not replace the active version");
        screenshot("analyst");

        browser.findElement(By.cssSelector("#segment-insurance button.rollback")).click();
        Alert confirmation = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(confirmation.getText().contains("from " + edited + " to " + original), confirmation.getText());
        confirmation.accept();
        wait.until(ExpectedConditions.textToBe(activeVersion, original));
        assertEquals(original, json("GET", "/segments/insurance", analyst).get("rulesetVersion").asText());
        assertTrue(browser.findElement(By.cssSelector("#segment-insurance .rollback-result")).getText().contains("Rolled back"));
    }

    @Test
    @Order(7)
    void theAnalystReplaysACandidateFolderAndSeesItsChangedRoutes() throws Exception {
        WebElement folder = browser.findElement(By.cssSelector("#segment-insurance .replay-folder"));
        folder.sendKeys("insurance-next");
        browser.findElement(By.cssSelector("#segment-insurance form button")).click();
        By result = By.cssSelector("#segment-insurance .replay-result");
        wait.until(driver -> {
            String text = driver.findElement(result).getText();
            return !text.isEmpty() && !text.startsWith("Replaying");
        });
        By changes = By.cssSelector("#segment-insurance .replay-result tbody tr");
        assertEquals(1, browser.findElements(changes).size(), browser.findElement(result).getText());
        List<String> cells = browser.findElement(changes).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        // The four recorded life leads move from the FCA advisers' queue to review.
        assertEquals(List.of("insurance-life-fca", "insurance-review", String.valueOf(ROUTED)), cells);
        String summary = browser.findElement(By.cssSelector("#segment-insurance .replay-result p")).getText();
        assertTrue(summary.contains(ROUTED + " of " + ROUTED + " recorded leads change queue"), summary);
    }

    @Test
    @Order(8)
    void theAnalystDownloadsRuleCoverageAsCsv() throws Exception {
        browser.findElement(By.cssSelector("#segment-insurance a.coverage-csv")).click();
        Path download = workDir.resolve("downloads").resolve("insurance-coverage.csv");
        wait.until(driver -> Files.exists(download));
        String expected = send("GET", "/segments/insurance/coverage?window=1h&format=csv", analyst, null);
        wait.until(driver -> expected.equals(readQuietly(download)));
        assertTrue(expected.lines().count() > 1, expected);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static void signIn(String key) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        input.sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    }

    /** Waits until the page shows the JSON value (kept in data-value) and the text a person reads. */
    private static void awaitFigure(String id, JsonNode value, String text) {
        By figure = By.id(id);
        wait.until(driver -> {
            String shown = driver.findElement(figure).getAttribute("data-value");
            return shown != null && !shown.isEmpty() && Double.parseDouble(shown) == value.asDouble();
        });
        assertEquals(text, browser.findElement(figure).getText(), id);
    }

    private static long chartNumber(String canvas, int dataset, String expression) {
        Object result = browser.executeScript(
                "const chart = Chart.getChart(arguments[0]); return chart ? chart.data.datasets[arguments[1]]." + expression + " : -1;",
                canvas, dataset);
        return ((Number) result).longValue();
    }

    // The page's formats (common.js), written out again so the test reads what a person reads.
    private static String duration(JsonNode ms) {
        double value = ms.asDouble();
        if (value < 60_000) {
            return oneDecimal(value / 1000) + " s";
        }
        return value < 3_600_000 ? oneDecimal(value / 60_000) + " min" : oneDecimal(value / 3_600_000) + " h";
    }

    private static String percent(JsonNode rate) {
        return oneDecimal(rate.asDouble() * 100) + " %";
    }

    // JavaScript's toFixed rounds the exact binary value half up, as BigDecimal(double) HALF_UP does.
    private static String oneDecimal(double value) {
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static void screenshot(String view) throws IOException {
        Files.write(SCREENSHOTS.resolve(view + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static void postLead(String id, String segment) throws Exception {
        send("POST", "/leads", admin, """
                {"id": "%s", "segment": "%s", "product": "life", "postcode": "SW1A 1AA", "estimatedValue": 15000,
                 "contact": {"name": "Sam Test", "email": "sam@example.com"}}""".formatted(id, segment));
    }

    private static List<JsonNode> openOffers() {
        try {
            List<JsonNode> offers = new ArrayList<>();
            json("GET", "/agents/" + AGENT + "/offers", admin).forEach(offers::add);
            return offers;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String method, String path, String key) throws Exception {
        return MAPPER.readTree(send(method, path, key, null));
    }

    private static String send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
