package dev.picket.server.ui;

import dev.picket.server.PicketServer;
import dev.picket.server.TestServers;
import dev.picket.server.TestServers.Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.picket.server.TestServers.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in real headless Chromium (Debian's chromium and chromium-driver; bin/test installs
 * them), over a server that processed the sample sensor data with the engine.
 */
class WebUiTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path data;
    @TempDir
    static Path profile;
    static PicketServer server;
    static WebDriver browser;
    static String base;
    WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": run bin/test, or apt-get install -y chromium chromium-driver");
        }
        server = new PicketServer(TestServers.config(data), TestServers.engineRules()).start();
        Client client = Client.local(server.port());
        client.post("/v1/events", Files.readString(TestServers.SAMPLES.resolve("runtime-attack.jsonl")));
        await("the sample's alerts", () -> client.json("/v1/alerts?rule=TEST-MINER").path("alerts").size() == 1);
        base = "http://127.0.0.1:" + server.port() + "/";
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // Without these Chromium tries to reach the network in the background and fails in a closed one.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @BeforeEach
    void signedOut() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(base);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get(base + "#/alerts");
        browser.navigate().refresh();
    }

    private void signIn(String token) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        field.sendKeys(token);
        browser.findElement(By.cssSelector("#login-form button")).click();
    }

    private List<String> alertTitles() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts tbody tr")));
        return browser.findElements(By.cssSelector("#alerts .alert-title")).stream().map(WebElement::getText).toList();
    }

    @Test
    void aWrongTokenIsRefusedAndTheRightOneIsKeptForTheTab() {
        signIn("not-the-token");
        wait.until(ExpectedConditions.textToBe(By.id("login-error"), "The token was not accepted."));
        signIn(TestServers.TOKEN);
        assertThat(alertTitles()).contains("Crypto miner pool connection on the command line");
        browser.navigate().refresh();
        assertThat(alertTitles()).as("no second sign-in after a reload").isNotEmpty();
        assertThat(browser.findElement(By.id("login")).isDisplayed()).isFalse();
    }

    @Test
    void repeatsOfAnAlertAreGroupedWithACountUnlessAskedOtherwise() {
        signIn(TestServers.TOKEN);
        alertTitles();
        WebElement shell = browser.findElements(By.cssSelector("#alerts tbody tr")).stream()
                .filter(r -> r.getText().contains("Shell spawned by a Java server")).findFirst().orElseThrow();
        assertThat(shell.findElement(By.className("repeats")).getText()).isEqualTo("×5");
        browser.findElement(By.id("grouped")).click();
        wait.until(ExpectedConditions.urlContains("grouped=0"));
        wait.until(d -> alertTitles().stream().filter(t -> t.equals("Shell spawned by a Java server")).count() == 5);
    }

    @Test
    void theAlertListFiltersBySeverity() {
        signIn(TestServers.TOKEN);
        assertThat(alertTitles()).contains("Shell spawned by a Java server", "Crypto miner pool connection on the command line");
        new Select(browser.findElement(By.name("severity"))).selectByValue("critical");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("severity=critical"));
        wait.until(d -> alertTitles().size() == 1);
        assertThat(alertTitles()).containsExactly("Crypto miner pool connection on the command line");
    }

    @Test
    void anAlertShowsItsAttackTechniqueEntityRemediationAndEvidence() {
        signIn(TestServers.TOKEN);
        alertTitles();
        browser.findElement(By.linkText("Crypto miner pool connection on the command line")).click();
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-title")));
        assertThat(title.getText()).contains("Crypto miner pool connection").contains("critical");
        WebElement technique = browser.findElement(By.cssSelector("#attack a.technique"));
        assertThat(technique.getText()).isEqualTo("T1496");
        assertThat(technique.getAttribute("href")).isEqualTo("https://attack.mitre.org/techniques/T1496/");
        assertThat(browser.findElement(By.id("remediation")).getText()).startsWith("Delete the pod");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("Deployment webapp");
        assertThat(browser.findElement(By.id("evidence")).getText()).contains("stratum+tcp://pool.supportxmr.com:3333");
    }

    @Test
    void anAlertIsWorkedFromItsPageAndTheTrailSaysWhoChangedWhat() {
        signIn(TestServers.TOKEN);
        alertTitles();
        browser.findElement(By.linkText("Crypto miner pool connection on the command line")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("triage-form")));
        assertThat(browser.findElement(By.id("triage")).getText()).contains("No changes yet.");

        new Select(browser.findElement(By.id("triage-status"))).selectByValue("acknowledged");
        browser.findElement(By.id("triage-assignee")).sendKeys("bob");
        browser.findElement(By.id("triage-comment")).sendKeys("pod deleted, rotating the token");
        browser.findElement(By.id("triage-save")).click();

        WebElement history = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
        assertThat(history.getText()).contains("token · status: new → acknowledged", "token · assignee: – → bob",
                "pod deleted, rotating the token");
        browser.get(base + "#/alerts?status=acknowledged&live=0");
        wait.until(d -> alertTitles().equals(List.of("Crypto miner pool connection on the command line")));
        assertThat(browser.findElement(By.cssSelector("#alerts .status")).getText()).isEqualTo("acknowledged");
    }

    @Test
    void suppressThisWritesAFilterFileForTheRuleAndEntity() throws Exception {
        signIn(TestServers.TOKEN);
        alertTitles();
        browser.findElement(By.linkText("Crypto miner pool connection on the command line")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("suppress"))).click();

        browser.findElement(By.id("suppress-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suppress-result"), "reason:"));

        browser.findElement(By.id("suppress-reason")).sendKeys("load test of the mining detector");
        new Select(browser.findElement(By.id("suppress-expires"))).selectByValue("7d");
        browser.findElement(By.id("suppress-save")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suppress-result"), "Filter written to"));
        try (var files = Files.list(data.resolve("suppressions"))) {
            assertThat(files.toList()).singleElement().satisfies(f -> assertThat(Files.readString(f))
                    .contains("TEST-MINER", "load test of the mining detector", "k8s.namespace"));
        }
    }

    @Test
    void theSourcesPageShowsEachNodesSensorWithItsHeartbeat() {
        signIn(TestServers.TOKEN);
        alertTitles();
        browser.get(base + "#/sources");
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sources")));
        assertThat(table.getText()).contains("sensor/test-cluster/node-2").contains("live").doesNotContain("stale");
    }

    @Test
    void aRefusedChangeShowsItsReason() {
        signIn(TestServers.TOKEN);
        alertTitles();
        browser.findElement(By.linkText("Crypto miner pool connection on the command line")).click();
        WebElement assignee = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("triage-assignee")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = 'x'.repeat(300)", assignee);
        browser.findElement(By.id("triage-save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("triage-error"), "assignee: longer than 200 characters"));
    }

    @Test
    void theMatrixShowsCoverageAndAlertCountsPerTechnique() {
        signIn(TestServers.TOKEN);
        alertTitles();
        browser.get(base + "#/matrix?period=all");
        WebElement miner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("technique-T1496")));
        assertThat(miner.getText()).contains("Resource Hijacking").startsWith("1");
        assertThat(miner.getAttribute("class")).contains("covered").contains("heat-");
        assertThat(miner.getAttribute("title")).isEqualTo("Rules: TEST-MINER");
        WebElement uncovered = browser.findElement(By.id("technique-T1610"));
        assertThat(uncovered.getAttribute("class")).contains("uncovered");
        miner.click();
        wait.until(ExpectedConditions.urlContains("technique=T1496"));
        wait.until(d -> alertTitles().size() == 1);
    }

    @Test
    void anIncidentTellsItsAlertsAlongTheTactics() {
        signIn(TestServers.TOKEN);
        alertTitles();
        browser.get(base + "#/incidents");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#incidents tbody a"))).click();
        WebElement timeline = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
        String text = timeline.getText();
        assertThat(text.indexOf("Shell spawned by a Java server")).isLessThan(text.indexOf("Crypto miner pool connection"));
    }

    @Test
    void theUiCarriesAContentSecurityPolicy() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "index.html")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'"));
    }
}
