package io.incident.docs.view;

import io.incident.docs.Docs;
import io.incident.events.Severity;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.incident.runtime.access.SessionCookie;
import io.incident.testkit.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.incident.docs.Docs.awaitDocument;
import static io.incident.docs.Docs.kafka;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' main flow in a real browser: Debian's chromium driven through chromedriver (packages
 * {@code chromium} and {@code chromium-driver}; paths overridable with {@code -Dbrowser.chromium} and
 * {@code -Dbrowser.chromedriver}). Home page, filter, open the document, watch it update live.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class BrowserFlowTest {

    private static WebDriver browser;

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("browser.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @DisplayName("R-DOC-1 an operator filters the home page, opens the document and sees it update live")
    void mainFlow() {
        String team = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        UUID incident = UUID.randomUUID();
        Instant t0 = TestEvents.now().minusSeconds(60);
        kafka.publish(Docs.reported(incident, "Checkout <returns> 502", team, Severity.SEV2, false, t0));
        String trackingId = awaitDocument(incident, 1).getString("trackingId");
        UUID other = UUID.randomUUID();
        kafka.publish(Docs.reported(other, "Other severity", team, Severity.SEV4, false, t0));
        awaitDocument(other, 1);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(base.resolve("/?team=" + team).toString());
        assertThat(browser.findElements(By.cssSelector("#incidents tbody tr"))).hasSize(2);
        new Select(browser.findElement(By.name("severity"))).selectByVisibleText("SEV2");
        browser.findElement(By.cssSelector("#filters button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#incidents tbody tr"), 1));

        browser.findElement(By.linkText(trackingId)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), trackingId));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Checkout <returns> 502");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("reported");

        // Changes made elsewhere reach the open page through the event stream, without a reload.
        kafka.publish(Docs.acknowledged(incident, "person-ref-7", team, t0.plusSeconds(30)));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "active"));
        assertThat(browser.findElement(By.id("commander")).getText()).isEqualTo("person-ref-7");
        Docs.as("person-ref-7").contentType("application/json")
                .body("{\"kind\":\"decision\",\"text\":\"Roll back release 42.\"}")
                .post("/incidents/" + incident + "/entries").then().statusCode(201);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decisions"), "Roll back release 42."));
        assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).hasSize(3);
    }

    @Test
    @DisplayName("R-PM-3 the postmortem page shows the writing check's findings while someone types, before saving")
    void liveWritingCheck() {
        UUID incident = UUID.randomUUID();
        Instant t0 = TestEvents.now().minusSeconds(3600);
        kafka.publish(Docs.reported(incident, "Search is slow", "search", Severity.SEV3, false, t0));
        kafka.publish(Docs.acknowledged(incident, "person-ref-7", "search", t0.plusSeconds(60)));
        awaitDocument(incident, 2);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // Signed in as the session page would leave the browser: the token in the session cookie.
        browser.get(base.resolve("/session").toString());
        browser.manage().addCookie(new Cookie(SessionCookie.NAME, Tokens.token("person-ref-7", "responder"), "/"));

        browser.get(base.resolve("/incidents/" + incident + "/postmortem?format=html").toString());
        By impactFindings = By.cssSelector("#findings .finding[data-section='impact']");
        assertThat(browser.findElement(impactFindings).getAttribute("data-rule")).isEqualTo("empty-section");
        WebElement impact = browser.findElement(By.id("edit-impact"));
        impact.sendKeys("I restarted the pod.");
        wait.until(ExpectedConditions.attributeToBe(impactFindings, "data-rule", "first-person"));
        assertThat(browser.findElement(impactFindings).getText()).contains("I restarted the pod.");
        assertThat(browser.findElement(By.cssSelector("label[for='edit-impact'] .count")).getText())
                .isEqualTo("1 finding");

        impact.clear();
        impact.sendKeys("Disk I/O on db-7 hit its limit. The team restarted the pod.");
        wait.until(ExpectedConditions.numberOfElementsToBe(impactFindings, 0));
        // Only checked, not saved: the stored postmortem is still the template.
        Docs.as("person-ref-7").get("/incidents/" + incident + "/postmortem").then()
                .body("status", org.hamcrest.Matchers.equalTo("template"));

        browser.findElement(By.cssSelector("#editor button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("save-status"), "Saved."));
        Docs.as("person-ref-7").get("/incidents/" + incident + "/postmortem").then()
                .body("status", org.hamcrest.Matchers.equalTo("draft"))
                .body("sections.impact", org.hamcrest.Matchers.equalTo(
                        "Disk I/O on db-7 hit its limit. The team restarted the pod."));
    }
}
