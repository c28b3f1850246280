package io.incident.notification.routing;

import io.incident.events.CommanderPaged;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PageContentTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000077");
    private static final Instant T = Instant.parse("2026-03-02T09:58:30Z");
    private static final Links LINKS = new Links("http://commander.example.org/", "https://wiki.example.org/teams",
            "http://docs.example.org/");
    private static final CommanderPaged PAGE = new CommanderPaged(ID, "payments", "person-ref-1", 2, Severity.SEV2,
            false, T.plusSeconds(300), T.plusSeconds(5));

    private static IncidentContext reported(String description, List<String> links, int reports, String document) {
        return new IncidentContext(ID, "payments", "Checkout fails", Severity.SEV2, false, null, document, true,
                ReportChannel.ALERTMANAGER, T, description, links, reports);
    }

    @Test
    @DisplayName("a page names the source, the start, the report count, the evidence and where to acknowledge and read")
    void values() {
        Map<String, Object> v = PageContent.values(PAGE, reported("Error rate above 5 %", List.of(
                "http://prometheus.example.org/graph?g0.expr=rate(http_5xx[5m])", " ",
                "https://runbooks.example.org/checkout", "https://runbooks.example.org/checkout"), 4, null), LINKS);

        assertThat(v).containsEntry("source", "Prometheus Alertmanager")
                .containsEntry("startedAt", "2026-03-02 09:58 UTC")
                .containsEntry("reports", "4")
                .containsEntry("level", 2)
                .containsEntry("acknowledgeByText", "2026-03-02 10:03 UTC")
                .containsEntry("acknowledgeUrl", "http://commander.example.org/incidents/" + ID)
                .containsEntry("description", "Error rate above 5 %")
                // Known before DocumentCreated arrives: the docs service keeps every document at this address.
                .containsEntry("documentUrl", "http://docs.example.org/incidents/" + ID + "/document");
        assertThat(v.get("evidenceLinks")).isEqualTo(List.of(
                "http://prometheus.example.org/graph?g0.expr=rate(http_5xx[5m])", "https://runbooks.example.org/checkout"));
        assertThat(PageContent.values(PAGE, reported("x", List.of(), 1, "http://docs.example.org/d"), LINKS))
                .containsEntry("documentUrl", "http://docs.example.org/d");
    }

    @Test
    @DisplayName("a page that overtook its report goes out at once and says what is not known yet")
    void reportNotReadYet() {
        IncidentContext lifecycleOnly = new IncidentContext(ID, "payments", "Incident " + ID, Severity.SEV2, false,
                null, null, false);
        Map<String, Object> v = PageContent.values(PAGE, lifecycleOnly, new Links("http://c.example.org", "w"));
        assertThat(v).containsEntry("source", "(not known yet)").containsEntry("startedAt", "(not known yet)")
                .containsEntry("reports", "(not known yet)").containsEntry("documentUrl", "(not yet created)");
        assertThat((String) v.get("description")).contains("has not reached");
        assertThat(v.get("evidenceLinks")).isEqualTo(List.of());
    }

    @Test
    @DisplayName("the description excerpt keeps the first five lines and marks the cut")
    void excerptByLines() {
        String description = "\r\nline 1\r\nline 2\nline 3\n\nline 5\nline 6\nline 7\n";
        assertThat(PageContent.excerpt(description))
                .isEqualTo("line 1\nline 2\nline 3\n\nline 5\n" + PageContent.CUT);
        assertThat(PageContent.excerpt("one line\ntwo lines\n\n")).isEqualTo("one line\ntwo lines");
        assertThat(PageContent.excerpt("  ")).isEqualTo("(no description given)");
    }

    @Test
    @DisplayName("a long description is cut at a word within 400 characters, visibly")
    void excerptByLength() {
        String words = "word ".repeat(200);
        String excerpt = PageContent.excerpt(words);
        assertThat(excerpt).endsWith("\n" + PageContent.CUT);
        String kept = excerpt.substring(0, excerpt.indexOf("\n" + PageContent.CUT));
        assertThat(kept.length()).isLessThanOrEqualTo(PageContent.DESCRIPTION_CHARS);
        assertThat(kept).endsWith("word");
    }

    @Test
    @DisplayName("more than eight evidence links: eight, and a line saying how many more the document has")
    void evidenceCap() {
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            links.add("https://grafana.example.org/d/" + i);
        }
        List<String> shown = PageContent.evidence(links);
        assertThat(shown).hasSize(9).startsWith("https://grafana.example.org/d/0")
                .endsWith("(3 more in the incident document)");
    }

    @Test
    @DisplayName("with a link secret the page carries a one-click acknowledge link for the paged person, expiring")
    void oneClickAcknowledge() {
        Links signing = new Links("http://commander.example.org/", "w", "http://docs.example.org/", "s3cret",
                java.time.Duration.ofHours(2));
        String url = (String) PageContent.values(PAGE, reported("x", List.of(), 1, null), signing)
                .get("acknowledgeUrl");
        assertThat(url).startsWith("http://commander.example.org/incidents/" + ID + "/acknowledge-link/");
        String token = url.substring(url.lastIndexOf('/') + 1);
        io.incident.runtime.access.ActionLink link = io.incident.runtime.access.ActionLink.verify("s3cret", token,
                T).link().orElseThrow();
        assertThat(link.person()).isEqualTo("person-ref-1");
        assertThat(link.incidentId()).isEqualTo(ID);
        assertThat(link.expiresAt()).isEqualTo(PAGE.pagedAt().plus(java.time.Duration.ofHours(2)));
        assertThat(PageContent.values(PAGE, reported("x", List.of(), 1, null), signing).get("acknowledgeUrl"))
                .as("the same page renders the same link").isEqualTo(url);
        assertThat(PageContent.values(PAGE, reported("x", List.of(), 1, null), LINKS).get("acknowledgeUrl"))
                .as("without a secret: the incident page").isEqualTo("http://commander.example.org/incidents/" + ID);
    }
}
