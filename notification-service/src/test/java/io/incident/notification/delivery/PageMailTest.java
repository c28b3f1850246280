package io.incident.notification.delivery;

import io.incident.events.CommanderPaged;
import io.incident.events.DocumentCreated;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.notification.VendorStandIn;
import io.incident.notification.VendorStandInResource;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.incident.notification.Fixture.TIMEOUT;
import static io.incident.notification.Fixture.awaitApplied;
import static io.incident.notification.Fixture.awaitReportRead;
import static io.incident.notification.Fixture.mailTo;
import static io.incident.notification.Fixture.now;
import static io.incident.notification.Fixture.part;
import static io.incident.notification.Fixture.publish;
import static io.incident.notification.Fixture.subject;
import static io.incident.notification.Fixture.uniqueAddress;
import static io.incident.notification.Fixture.uniqueTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The page a commander is woken by, through the real SMTP server: everything needed to judge and act. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@QuarkusTestResource(VendorStandInResource.class)
class PageMailTest {

    /** As Alertmanager sends them: a Prometheus graph link with an encoded PromQL expression, and the runbook. */
    private static final String GENERATOR_URL = "http://prometheus.example.org:9090/graph?g0.expr=rate%28http_requests"
            + "_total%7Bcode%3D~%225..%22%7D%5B5m%5D%29+%3E+0.05&g0.tab=1";
    private static final String RUNBOOK_URL = "https://runbooks.example.org/checkout/high-error-rate";

    @Test
    @DisplayName("a page mail has text and HTML parts with title, team, severity, source, start, description excerpt, evidence links, report count, acknowledge and document links")
    void pageWorthWakingFor() throws Exception {
        String team = uniqueTeam("checkout");
        String ic = uniqueAddress("ic");
        String person = "person-ref-" + team;
        VendorStandIn.get().person(person, ic);
        UUID incident = UUID.randomUUID();
        String title = "Checkout <5xx> & payments " + incident;
        String description = String.join("\n", "Error rate for checkout is 7 % (threshold 5 %).",
                "Summary: more than 5 % of checkout requests fail", "Started firing at 09:58 UTC",
                "Labels: alertname=CheckoutErrorRate, severity=critical", "Instance: checkout-7f9c",
                "SIXTH LINE must not be in the page", "seventh line");
        publish(new IncidentReported(incident, UUID.randomUUID(), team, title, description,
                ReportChannel.ALERTMANAGER, Severity.SEV1, true, false, false, "alertmanager:checkout", null,
                List.of(GENERATOR_URL, RUNBOOK_URL), List.of(), now()), "/intake-service");
        awaitReportRead(incident);
        awaitApplied(publish(new ReportAttached(incident, UUID.randomUUID(), ReportChannel.ALERTMANAGER, title, null,
                now(), 2, now()), "/intake-service"));
        String document = "http://docs.example.org/incidents/" + incident + "/document";
        awaitApplied(publish(new DocumentCreated(incident, UUID.randomUUID(), "INC-7", document, now()),
                "/docs-service"));

        publish(new CommanderPaged(incident, team, person, 1, Severity.SEV1, false, now().plusSeconds(300), now()),
                "/commander-service");

        await().atMost(TIMEOUT).until(() -> mailTo(ic).size() == 1);
        MimeMessage page = mailTo(ic).get(0);
        assertThat(subject(page)).isEqualTo("[Page] SEV1 " + title);
        assertThat(page.getContentType()).startsWith("multipart/alternative");
        // The test profile signs one-click links: the page links to this incident's acknowledge link.
        String acknowledge = VendorStandIn.get().url("/incidents/" + incident) + "/acknowledge-link/";

        String text = part(page, "text/plain");
        assertThat(text).contains(title).contains("Severity: SEV1   Team: " + team)
                .contains("Source: Prometheus Alertmanager").contains("Reports so far: 3")
                .contains("Started: ").contains(" UTC")
                .contains("Error rate for checkout is 7 % (threshold 5 %).\nSummary: more than 5 %")
                .contains("Instance: checkout-7f9c\n[... cut: the full description is in the incident document]")
                .doesNotContain("SIXTH LINE")
                .contains("- " + GENERATOR_URL + "\n").contains("- " + RUNBOOK_URL + "\n")
                .contains(": " + acknowledge).contains("Incident document: " + document);

        String html = part(page, "text/html");
        String escapedGenerator = GENERATOR_URL.replace("&", "&amp;");
        assertThat(html).contains("<a href=\"" + escapedGenerator + "\">" + escapedGenerator + "</a>")
                .contains("<a href=\"" + RUNBOOK_URL + "\">")
                .contains("<a href=\"" + acknowledge).contains("<a href=\"" + document + "\">")
                .contains("Checkout &lt;5xx&gt; &amp; payments " + incident)
                .doesNotContain("<5xx>")
                .contains("Error rate for checkout is 7 % (threshold 5 %).<br>")
                .contains("Reports so far: 3")
                .doesNotContain("SIXTH LINE");
    }

    @Test
    @DisplayName("R-REP-6 a security incident's page withholds the description and the evidence as it does the title")
    void securityPageWithholdsDetails() {
        String team = uniqueTeam("sec");
        String ic = uniqueAddress("ic");
        String person = "person-ref-" + team;
        VendorStandIn.get().person(person, ic);
        UUID incident = UUID.randomUUID();
        publish(new IncidentReported(incident, UUID.randomUUID(), team, "Customer table exported", "Dump seen in "
                + "the bucket listing", ReportChannel.REST, Severity.SEV1, true, false, true, null, null,
                List.of("https://logs.example.org/search?q=export"), List.of(), now()), "/intake-service");
        awaitReportRead(incident);
        publish(new CommanderPaged(incident, team, person, 1, Severity.SEV1, true, now().plusSeconds(300), now()),
                "/commander-service");

        await().atMost(TIMEOUT).until(() -> mailTo(ic).size() == 1);
        String text = part(mailTo(ic).get(0), "text/plain");
        assertThat(text).contains("Security incident (details restricted)")
                .contains("(details restricted: see the incident page)").contains("(none given)")
                .doesNotContain("Customer table").doesNotContain("bucket").doesNotContain("logs.example.org");
    }
}
