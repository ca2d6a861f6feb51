package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser: Debian's Chromium, headless, driven through Debian's chromedriver (both
 * installed by .ci/run), against DAAP started by its bootstrap code with workers that provision for real. One
 * server and one browser serve the whole class; each test signs in afresh with a clean sessionStorage. Every page
 * is checked by axe-core (injected by the test; DAAP does not serve it) for serious and critical violations, and
 * photographed under target/console-screenshots/ for a reviewer.
 */
class ConsoleBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static RunningDaap daap;
    private static ChromeDriver browser;
    private static String console;
    private static String axe;

    @BeforeAll
    static void start() throws IOException {
        // Probes more often than the default 15 s, so the clusters page shows a probed cluster soon after start.
        daap = RunningDaap.onFreshDatabase(
                Map.of("DAAP_JOB_POLL_INTERVAL", "200ms", "DAAP_CLUSTER_PROBE_INTERVAL", "6s"));
        console = "http://127.0.0.1:" + daap.port() + "/console";
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        browser = new ChromeDriver(service, options);
        try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream("/axe-core/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (daap != null) {
            daap.close();
        }
    }

    @BeforeEach
    void freshTab() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(console);
        script("sessionStorage.clear(); localStorage.clear();");
        browser.navigate().refresh();
        waitFor(By.id("sign-in-form"));
    }

    @AfterEach
    void nothingKept() {
        assertThat(browser.getCurrentUrl()).as("no key in the URL").doesNotContain("daap_");
        assertThat((Object) script("return localStorage.length"))
                .as("nothing in localStorage")
                .isEqualTo(0L);
    }

    @Test
    void aPlatformAdminSignsInAndSeesEveryPage() {
        String team = "payments";
        String id = createReady(team, uniqueName("orders"), "Orders of the web shop", "{\"env\": \"prod\"}");
        createReady("search", uniqueName("catalog"), "Product catalogue search", "{\"tier\": \"gold\"}");
        page("sign-in");

        signIn(RunningDaap.ADMIN_TOKEN);

        waitFor(By.cssSelector("#databases tbody tr"));
        assertThat(text(By.id("signed-in-as"))).isEqualTo("platform admin");
        assertThat(navLinks())
                .containsExactly("Databases", "Plans", "Costs", "Clusters", "Teams", "Platform keys", "Audit log");
        assertThat(rowNames()).contains(nameOf(id));
        page("databases");
        Path databases = SCREENSHOTS.resolve("databases.png");

        wait(driver -> daap.get("/v1/clusters/default")
                .json()
                .path("health")
                .path("status")
                .asText()
                .equals("up"));
        open("#/clusters");
        waitFor(By.cssSelector("#clusters tbody tr"));
        assertThat(text(By.id("clusters"))).contains("default", "up");
        page("clusters");

        open("#/plans");
        waitFor(By.cssSelector("#plans tbody tr"));
        assertThat(text(By.id("plans"))).contains("small", "medium", "large");
        page("plans");
        String plan = "console-" + Long.toString(System.nanoTime() % 100_000);
        type(By.id("p-name"), plan);
        type(By.id("p-max_connections"), "5");
        type(By.id("p-storage_limit_bytes"), "2000000000");
        type(By.id("p-included_storage_bytes"), "1000000000");
        type(By.id("p-price_per_month"), "3.005");
        type(By.id("p-price_per_gb_month"), "0.0100");
        browser.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
        wait(driver -> !text(By.id("p-price_per_month-error")).isEmpty());
        type(By.id("p-price_per_month"), "3.00");
        browser.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
        waitFor(By.cssSelector("#plans tr[data-name='" + plan + "']"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("p-which"))).selectByValue(plan);
        type(By.id("p-price_per_month"), "4.50");
        browser.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
        wait(driver ->
                text(By.cssSelector("#plans tr[data-name='" + plan + "']")).contains("4.50"));
        assertThat(daap.get("/v1/plans/" + plan).json().path("price_per_month").asText())
                .isEqualTo("4.50");
        browser.findElement(By.cssSelector("#plans tr[data-name='" + plan + "'] button.destructive"))
                .click();
        wait(driver -> browser.findElements(By.cssSelector("#plans tr[data-name='" + plan + "']"))
                .isEmpty());

        open("#/teams");
        waitFor(By.cssSelector("#teams li"));
        assertThat(text(By.id("teams"))).contains("payments", "search");
        page("teams");

        assertThat(daap.patch(
                                "/v1/teams/" + team,
                                "{\"monthly_budget\": {\"amount\": \"500.00\", \"currency\": \"EUR\"}}")
                        .status())
                .isEqualTo(200);
        open("#/teams/" + team);
        waitFor(By.id("key-list"));
        assertThat(text(By.id("team-facts"))).contains("Monthly budget\n500.00 EUR");
        assertThat(daap.patch("/v1/teams/" + team, "{\"monthly_budget\": null}").status())
                .isEqualTo(200);
        page("team");

        open("#/api-keys");
        waitFor(By.id("key-list"));
        page("api-keys");

        open("#/audit");
        waitFor(By.cssSelector("#audit tbody tr"));
        assertThat(text(By.id("audit"))).contains("database.create");
        page("audit");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("a-action"))).selectByValue("team.create");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait(driver -> browser.getCurrentUrl().contains("action=team.create"));
        waitFor(By.cssSelector("#audit tbody tr"));
        assertThat((Object) script("return [...document.querySelectorAll('#audit tbody tr td:nth-of-type(1)')]"
                        + ".every(cell => cell.textContent === 'team.create')"))
                .as("only the action asked for")
                .isEqualTo(true);

        open("#/costs");
        waitFor(By.cssSelector("#cost-teams tbody tr"));
        assertThat(text(By.id("cost-teams"))).contains(team, "search");
        assertThat(browser.findElements(By.cssSelector("#cost-chart rect"))).hasSizeGreaterThanOrEqualTo(2);
        page("costs");
        // The download is a blob the page makes from the API's CSV: read what it holds instead of saving it.
        script(
                "window.downloaded = null; const made = URL.createObjectURL;"
                        + " URL.createObjectURL = blob => { blob.text().then(t => window.downloaded = t); return made(blob); };");
        browser.findElement(By.id("cost-csv")).click();
        wait(driver -> script("return window.downloaded") != null);
        assertThat((String) script("return window.downloaded"))
                .startsWith("team,databases,amount")
                .contains(team + ",");
        browser.findElement(By.cssSelector("#cost-teams a[href*='team=" + team + "']"))
                .click();
        waitFor(By.cssSelector("#cost-lines tbody tr"));
        assertThat(text(By.id("cost-lines"))).contains(nameOf(id), "small");
        page("costs-team");

        open("#/databases/" + id);
        waitFor(By.id("operations-h"));
        page("database");
        assertThat(databases).exists();
    }

    @Test
    void aDatabaseCreatedInTheConsoleTurnsReadyWithoutAReloadAndLivesThroughItsActions() throws Exception {
        String member = key("payments", "member");
        signIn(member);
        waitFor(By.id("new-database")).click();
        waitFor(By.id("create-form"));
        script("window.sameDocument = true;");

        type(By.id("c-name"), "X");
        browser.findElement(By.cssSelector("#create-form button[type=submit]")).click();
        wait(driver -> !text(By.id("c-name-error")).isEmpty());
        assertThat(browser.findElement(By.id("c-name")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(text(By.id("c-purpose-error"))).as("each field's own error").isNotEmpty();
        page("new-database");

        String name = uniqueName("carts");
        type(By.id("c-name"), name);
        type(By.id("c-purpose"), "Shopping carts");
        type(By.id("c-labels"), "env=test");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("c-plan"))).selectByValue("medium");
        browser.findElement(By.id("get-quote")).click();
        String monthly =
                daap.get("/v1/plans/medium").json().path("price_per_month").asText();
        wait(driver -> text(By.id("quote")).contains(monthly));
        assertThat(daap.get("/v1/databases?name=" + name).json().path("items"))
                .as("a quote stores nothing")
                .isEmpty();
        page("new-database-quote");
        browser.findElement(By.cssSelector("#create-form button[type=submit]")).click();
        waitFor(By.id("db-status"));
        wait(driver -> text(By.id("db-status")).equals("ready"));
        assertThat((Object) script("return window.sameDocument === true"))
                .as("no reload: the status came from the event stream")
                .isEqualTo(true);
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(text(By.id("db-facts"))).contains("Plan\nmedium");
        assertThat(daap.get("/v1/databases/" + id).json().path("status").asText())
                .isEqualTo("ready");

        // Reveal and copy: the password shown is one that connects.
        waitFor(By.id("reveal")).click();
        String password = waitFor(By.id("cred-password")).getText();
        String username = text(By.id("cred-username"));
        String uri = text(By.id("cred-uri"));
        assertThat(uri).startsWith("postgresql://");
        assertConnects(id, username, password);
        browser.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.findElement(By.id("copy-uri")).click();
        wait(driver -> text(By.id("copy-status")).equals("Copied"));
        assertThat((Object) asyncScript("navigator.clipboard.readText().then(done, e => done('refused: ' + e));"))
                .isEqualTo(uri);
        assertThat(daap.get("/v1/audit-events?action=credentials.read&resource_id=" + id)
                        .json()
                        .path("items"))
                .as("revealing is audited")
                .hasSize(1);
        page("database-credentials");

        // Rotate: a new password that connects, and the old one no longer does.
        browser.findElement(By.id("rotate")).click();
        wait(driver -> !text(By.id("cred-password")).equals(password));
        String rotated = text(By.id("cred-password"));
        assertThat(text(By.id("credentials"))).contains("rotated");
        assertConnects(id, text(By.id("cred-username")), rotated);
        assertThatThrownBy(() -> connect(id, password, username))
                .as("the old password no longer works")
                .isInstanceOf(SQLException.class);

        // A user: added with the form, its credentials shown once, ready live, then rotated and removed.
        type(By.id("u-name"), "reporting");
        browser.findElement(By.cssSelector("#users button[type=submit]")).click();
        wait(driver -> text(By.id("user-secret")).contains("shown this once"));
        wait(driver -> text(By.cssSelector("#users li[data-user=reporting]")).contains("ready"));
        browser.findElement(By.cssSelector("button[aria-label='Rotate the password of reporting']"))
                .click();
        wait(driver -> text(By.id("user-secret")).contains("New credentials of reporting"));
        browser.findElement(By.cssSelector("button[aria-label='Remove user reporting']"))
                .click();
        wait(driver -> daap.get("/v1/databases/" + id + "/users/reporting").status() == 404
                || !text(By.cssSelector("#users li[data-user=reporting]")).contains("ready"));

        // A snapshot, followed to ready through its events.
        browser.findElement(By.id("take-snapshot")).click();
        wait(driver -> text(By.id("snapshots")).contains("ready"));

        // Delete: only with the name typed, then restore.
        WebElement delete = browser.findElement(By.id("delete"));
        type(By.id("confirm-name"), name + "x");
        assertThat(delete.isEnabled()).as("a wrong name keeps it disabled").isFalse();
        type(By.id("confirm-name"), name);
        assertThat(delete.isEnabled()).isTrue();
        delete.click();
        wait(driver -> text(By.id("db-status")).equals("deleted"));
        page("database-deleted");
        waitFor(By.id("restore")).click();
        wait(driver -> text(By.id("db-status")).equals("ready"));
        assertThat(text(By.id("operations"))).contains("provision", "deactivate", "restore");
        assertThat((Object) script("return window.sameDocument === true")).isEqualTo(true);
    }

    @Test
    void settingsChangeAsAMergePatchAndEveryRefusalShowsItsProblem() {
        String id = createReady("payments", uniqueName("settings"), "Before", "{\"env\": \"test\", \"old\": \"x\"}");
        signIn(key("payments", "member"));
        open("#/databases/" + id);
        waitFor(By.id("settings-form"));

        type(By.id("s-purpose"), "After");
        type(By.id("s-labels"), "env=prod\ntier=gold");
        browser.findElement(By.id("s-deletion_protection")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("s-backup_schedule")))
                .selectByValue("hourly");
        type(By.id("s-backup_retain"), "0");
        browser.findElement(By.cssSelector("#settings-form button[type=submit]"))
                .click();
        // retain 0 is refused next to its own field, and nothing is saved
        wait(driver -> !text(By.id("s-backup_retain-error")).isEmpty());
        assertThat(daap.get("/v1/databases/" + id).json().path("purpose").asText())
                .isEqualTo("Before");
        type(By.id("s-backup_retain"), "48");
        browser.findElement(By.cssSelector("#settings-form button[type=submit]"))
                .click();

        wait(driver -> text(By.id("settings-status")).contains("Saved"));
        assertThat(text(By.id("db-facts"))).contains("hourly, the newest 48 kept");
        assertThat(text(By.id("usage-h"))).isEqualTo("Usage");
        JsonNode saved = daap.get("/v1/databases/" + id).json();
        assertThat(saved.path("backup_policy").toString()).isEqualTo("{\"schedule\":\"hourly\",\"retain\":48}");
        assertThat(saved.path("purpose").asText()).isEqualTo("After");
        assertThat(saved.path("labels").toString()).isEqualTo("{\"env\":\"prod\",\"tier\":\"gold\"}");
        assertThat(saved.path("deletion_protection").asBoolean()).isTrue();
        wait(driver -> text(By.id("revisions")).contains("purpose: \"Before\" → \"After\""));

        // Protected: the delete is refused, and the page shows DAAP's problem.
        String name = saved.path("name").asText();
        type(By.id("confirm-name"), name);
        browser.findElement(By.id("delete")).click();
        String refused = daap.delete("/v1/databases/" + id).json().path("title").asText();
        wait(driver -> text(By.id("action-status")).contains(refused));
        assertThat(text(By.cssSelector("#action-status .problem-detail"))).isNotBlank();

        // Changed elsewhere meanwhile: the page's version is stale, so the save is refused, not lost.
        assertThat(daap.patch("/v1/databases/" + id, "{\"purpose\": \"Elsewhere\"}")
                        .status())
                .isEqualTo(200);
        type(By.id("s-purpose"), "Mine");
        browser.findElement(By.cssSelector("#settings-form button[type=submit]"))
                .click();
        wait(driver -> text(By.id("settings-status")).contains("Precondition failed"));
        assertThat(text(By.id("settings-status"))).contains("If-Match");
        assertThat(daap.get("/v1/databases/" + id).json().path("purpose").asText())
                .isEqualTo("Elsewhere");
        browser.findElement(By.id("reload-settings")).click();
        wait(driver ->
                "Elsewhere".equals(browser.findElement(By.id("s-purpose")).getAttribute("value")));

        // A value DAAP refuses: its error next to the field.
        type(By.id("s-purpose"), "");
        browser.findElement(By.cssSelector("#settings-form button[type=submit]"))
                .click();
        wait(driver -> !text(By.id("s-purpose-error")).isEmpty());
        page("database-settings");
    }

    @Test
    void theListFollowsStatusesLiveAndFiltersThroughTheApi() {
        String name = uniqueName("ledger");
        String id = createReady("checkout", name, "Bookkeeping", "{\"tier\": \"gold\"}");
        createReady("checkout", uniqueName("other"), "Something else", "{}");
        signIn(RunningDaap.ADMIN_TOKEN);
        type(By.id("f-q"), name);
        type(By.id("f-label"), "tier:gold");
        type(By.id("f-cluster"), "default");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait(driver -> rowNames().equals(List.of(name)));
        assertThat(browser.getCurrentUrl()).contains("q=" + name, "label=tier%3Agold", "cluster=default");
        wait(driver -> text(By.id("live-state")).equals("Statuses update live"));
        script("window.sameDocument = true;");

        assertThat(daap.delete("/v1/databases/" + id).status()).isEqualTo(202);

        wait(driver -> statusOf(id).equals("deleted"));
        assertThat((Object) script("return window.sameDocument === true")).isEqualTo(true);

        type(By.id("f-q"), "no-such-database-anywhere");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait(driver -> text(By.id("results")).contains("No databases match."));
    }

    @Test
    void aNewDatabaseElsewhereIsAnnouncedNotJumpedInto() {
        signIn(RunningDaap.ADMIN_TOKEN);
        wait(driver -> text(By.id("live-state")).equals("Statuses update live"));
        List<String> before = rowNames();

        String name = uniqueName("arrived");
        createReady("payments", name, "Made while the list was open", "{}");

        wait(driver -> text(By.id("new-rows")).startsWith("1 new database"));
        assertThat(rowNames()).as("the list itself stays put").isEqualTo(before);
        browser.findElement(By.id("show-new")).click();
        wait(driver -> rowNames().contains(name));
    }

    @Test
    void aPersonSignsInAndCreatesByKeyboardAlone() {
        var keys = new org.openqa.selenium.interactions.Actions(browser);
        tabTo("api-key");
        keys.sendKeys(key("payments", "member")).sendKeys(Keys.ENTER).perform();
        waitFor(By.id("signed-in-as"));
        wait(driver -> "H1".equals(script("return document.activeElement.tagName")));
        assertThat(text(By.tagName("h1"))).isEqualTo("Databases");

        tabTo("new-database");
        keys.sendKeys(Keys.ENTER).perform();
        wait(driver -> "New database".equals(script("return document.activeElement.textContent")));
        tabTo("c-name");
        String name = uniqueName("typed");
        keys.sendKeys(name).sendKeys(Keys.TAB).sendKeys("Made without a mouse").perform();
        tabTo("c-deletion_protection");
        keys.sendKeys(Keys.SPACE).perform();
        tabTo("create-database");
        keys.sendKeys(Keys.ENTER).perform();

        wait(driver -> text(By.id("db-status")).equals("ready"));
        assertThat(text(By.id("db-facts"))).contains("Deletion protection\non");
    }

    /** Presses Tab until the element has the focus; fails after 40 presses. */
    private static void tabTo(String id) {
        var keys = new org.openqa.selenium.interactions.Actions(browser);
        for (int presses = 0; presses < 40; presses++) {
            if (id.equals(script("return document.activeElement && document.activeElement.id"))) {
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    @Test
    void theFirstLoadIsUnder200Kilobytes() {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.navigate().refresh();
        waitFor(By.id("sign-in-form"));

        // The page and every file it loads as transferred (headers too), with an empty cache, without the API's
        // answers; from the browser's own timing.
        @SuppressWarnings("unchecked")
        List<Object> files = (List<Object>) script("return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource'))"
                + ".filter(e => e.initiatorType !== 'fetch').map(e => [e.name, e.transferSize])");
        long bytes = files.stream()
                .mapToLong(file -> ((Number) ((List<?>) file).get(1)).longValue())
                .sum();

        System.out.println("Console first load: " + bytes + " bytes in " + files);
        assertThat(files).as("the page, its style and all its modules").hasSizeGreaterThanOrEqualTo(8);
        assertThat(bytes).isGreaterThan(20_000).isLessThan(200 * 1024);
    }

    @Test
    void aWrongKeyIsRefusedWithTheProblemsTitleAndDetail() {
        type(By.id("api-key"), "daap_nosuchkey_0123456789abcdefghijklmnop");
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();

        WebElement problem = waitFor(By.cssSelector("#sign-in-status .problem"));
        assertThat(problem.findElement(By.className("problem-title")).getText()).isNotBlank();
        assertThat(problem.findElement(By.className("problem-detail")).getText())
                .isNotBlank();
        String expected = daap.as("daap_nosuchkey_0123456789abcdefghijklmnop")
                .get("/v1/me")
                .json()
                .path("title")
                .asText();
        assertThat(problem.getText()).contains(expected);
        assertThat((Object) script("return sessionStorage.length")).isEqualTo(0L);
        page("sign-in-refused");
    }

    @Test
    void aMemberSeesItsTeamOnlyAndNoAdminPages() {
        String own = uniqueName("mine");
        String others = uniqueName("theirs");
        createReady("payments", own, "The member's own", "{}");
        createReady("search", others, "Another team's", "{}");

        signIn(key("payments", "member"));

        waitFor(By.cssSelector("#databases tbody tr"));
        assertThat(text(By.id("signed-in-as"))).isEqualTo("payments · member");
        assertThat(navLinks()).containsExactly("Databases", "Plans", "Costs");
        assertThat(rowNames()).contains(own).doesNotContain(others);
        assertThat(browser.findElements(By.id("f-owner_team")))
                .as("no team filter")
                .isEmpty();
        page("databases-member");
        open("#/clusters");
        wait(driver -> text(By.id("main")).contains("Not allowed"));
        String othersId = daap.get("/v1/databases?name=" + others)
                .json()
                .path("items")
                .path(0)
                .path("id")
                .asText();
        open("#/databases/" + othersId);
        wait(driver -> text(By.id("main")).contains("This page could not be shown"));
        assertThat(text(By.cssSelector("#main .problem-title")))
                .as("another team's database is not found, and the page says so")
                .isEqualTo(daap.as(key("payments", "member"))
                        .get("/v1/databases/" + othersId)
                        .json()
                        .path("title")
                        .asText());
        page("database-not-found");

        freshTab();
        signIn(key("payments", "admin"));
        waitFor(By.cssSelector("#databases tbody tr"));
        assertThat(navLinks()).containsExactly("Databases", "Plans", "Costs", "API keys", "Audit log");
        open("#/teams/payments");
        waitFor(By.id("key-form"));
        assertThat(browser.findElements(By.partialLinkText("Teams")))
                .as("no way to the teams page, which is the platform admins'")
                .isEmpty();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("k-role"))).selectByValue("viewer");
        type(By.id("k-description"), "Made in the console");
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        String token = waitFor(By.id("new-token")).getText();
        assertThat(daap.as(token).get("/v1/me").json().path("role").asText())
                .as("the token shown once works")
                .isEqualTo("viewer");
        page("team-admin");
    }

    @Test
    void aRevokedKeyReturnsToSignIn() {
        JsonNode created = daap.post("/v1/teams/payments/api-keys", "{\"role\": \"member\"}")
                .json();
        signIn(created.path("token").asText());
        waitFor(By.id("new-database"));

        assertThat(daap.delete("/v1/teams/payments/api-keys/"
                                + created.path("id").asText())
                        .status())
                .isEqualTo(200);
        browser.findElement(By.id("new-database")).click();

        waitFor(By.id("sign-in-form"));
        assertThat(text(By.id("sign-in-status"))).contains("signed out");
        assertThat((Object) script("return sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    void signingOutForgetsTheKey() {
        signIn(RunningDaap.ADMIN_TOKEN);
        assertThat((Object) script("return sessionStorage.length")).isEqualTo(1L);

        waitFor(By.id("sign-out")).click();

        waitFor(By.id("sign-in-form"));
        assertThat((Object) script("return sessionStorage.length")).isEqualTo(0L);
        open("#/databases");
        waitFor(By.id("sign-in-form"));
    }

    @Test
    void theListAndADatabaseAreReadableAt375Pixels() {
        String id = createReady("payments", uniqueName("phone"), "Read on a phone", "{\"env\": \"prod\"}");
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn(RunningDaap.ADMIN_TOKEN);
        waitFor(By.cssSelector("#databases tbody tr"));
        assertNoSidewaysScrolling();
        page("databases-375");

        open("#/databases/" + id);
        waitFor(By.id("operations-h"));
        waitFor(By.id("reveal")).click();
        waitFor(By.id("cred-password"));
        assertNoSidewaysScrolling();
        page("database-375");
    }

    private static void assertNoSidewaysScrolling() {
        List<?> widths = (List<?>) script("return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(((Number) widths.get(0)).longValue())
                .as("the page's width in a window %s px wide", widths.get(1))
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
    }

    /** Checks the page with axe-core and keeps a screenshot of it. */
    private static void page(String name) {
        script(axe);
        Object found = asyncScript("axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', '))), e => done(['axe failed: ' + e]));");
        screenshot(name);
        assertThat((List<?>) found)
                .as("serious or critical accessibility violations on %s", name)
                .isEmpty();
    }

    /** From the top of the page, as a person arriving there sees it. */
    private static void screenshot(String name) {
        script("window.scrollTo(0, 0);");
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void signIn(String token) {
        type(By.id("api-key"), token);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        waitFor(By.id("signed-in-as"));
    }

    private static void open(String hash) {
        script("window.location.hash = arguments[0];", hash);
    }

    private static String key(String team, String role) {
        return daap.post("/v1/teams/" + team + "/api-keys", "{\"role\": \"" + role + "\"}")
                .json()
                .path("token")
                .asText();
    }

    /** A database made through the API (as the platform admin), once it is ready. */
    private static String createReady(String team, String name, String purpose, String labels) {
        String id = daap.post(
                        "/v1/databases",
                        "{\"name\": \"%s\", \"owner_team\": \"%s\", \"purpose\": \"%s\", \"labels\": %s}"
                                .formatted(name, team, purpose, labels))
                .json()
                .path("id")
                .asText();
        new WebDriverWait(browser, PATIENCE)
                .until(driver -> daap.get("/v1/databases/" + id)
                        .json()
                        .path("status")
                        .asText()
                        .equals("ready"));
        return id;
    }

    private static String nameOf(String id) {
        return daap.get("/v1/databases/" + id).json().path("name").asText();
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    private static List<String> navLinks() {
        return browser.findElements(By.cssSelector("#nav a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Read in one script: the list is re-rendered as a whole, so elements found one call earlier may be gone. */
    @SuppressWarnings("unchecked")
    private static List<String> rowNames() {
        return (List<String>)
                script("return [...document.querySelectorAll('#databases tbody tr')].map(row => row.dataset.name);");
    }

    private static String statusOf(String id) {
        return browser.findElement(By.cssSelector("#databases tr[data-id='" + id + "'] .status"))
                .getText();
    }

    private static void assertConnects(String id, String username, String password) throws SQLException {
        try (Connection connection = connect(id, password, username)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    private static Connection connect(String id, String password, String username) throws SQLException {
        JsonNode connection = daap.get("/v1/databases/" + id).json().path("connection");
        return DriverManager.getConnection(
                "jdbc:postgresql://" + connection.path("host").asText() + ":"
                        + connection.path("port").asInt() + "/"
                        + connection.path("database").asText(),
                username,
                password);
    }

    private static void type(By field, String value) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(value);
    }

    private static String text(By what) {
        return browser.findElement(what).getText();
    }

    private static WebElement waitFor(By what) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    /** A page re-renders as it learns more, so an element read a moment ago may be replaced: read it again. */
    private static void wait(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(condition);
    }

    private static Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private static Object asyncScript(String body) {
        browser.manage().timeouts().scriptTimeout(PATIENCE);
        return ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];" + body);
    }
}
