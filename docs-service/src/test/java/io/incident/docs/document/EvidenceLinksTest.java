package io.incident.docs.document;

import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** R-REP-4, R-DOC-1: which links are evidence, each once, in the order they were given. */
class EvidenceLinksTest {

    private static final String GENERATOR = "https://prometheus.example.org/graph?g0.expr=rate%28http_errors%5B5m%5D%29"
            + "&g0.tab=1";
    private static final String RUNBOOK = "https://runbooks.example.org/payments/high-error-rate";
    private static final String DASHBOARD = "https://grafana.example.org/d/checkout/errors?viewPanel=4";

    private static IncidentReported report(List<String> links, String description) {
        return new IncidentReported(UUID.randomUUID(), UUID.randomUUID(), "payments", "HighErrorRate", description,
                ReportChannel.ALERTMANAGER, Severity.SEV2, true, false, false, "k", "alertmanager-ref", links,
                List.of(), Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    @DisplayName("R-REP-4 a report's evidenceLinks come first and in order, then addresses in its description, each once")
    void fromReport() {
        List<EvidenceLinks.Link> links = EvidenceLinks.fromReport(report(List.of(GENERATOR, RUNBOOK, GENERATOR,
                        "javascript:alert(1)", " "),
                "Error rate above 5%. See " + DASHBOARD + ". Runbook: " + RUNBOOK + ", and the log search "
                        + "(https://logs.example.org/search?q=checkout)."));
        assertThat(links).extracting(EvidenceLinks.Link::url).containsExactly(GENERATOR, RUNBOOK, DASHBOARD,
                "https://logs.example.org/search?q=checkout");
        assertThat(links).extracting(EvidenceLinks.Link::source).containsOnly("Alertmanager report");
        assertThat(links).extracting(EvidenceLinks.Link::actor).containsOnly("alertmanager-ref");
        assertThat(links.get(0).label()).isEqualTo("prometheus.example.org/graph");
        assertThat(links.get(1).label()).isEqualTo("runbooks.example.org/payments/high-error-rate");
    }

    @Test
    @DisplayName("a report without links, or with null lists from an older producer, has no evidence")
    void noLinks() {
        assertThat(EvidenceLinks.fromReport(report(null, null))).isEmpty();
        assertThat(EvidenceLinks.fromReport(report(List.of(), "No link here."))).isEmpty();
    }

    @Test
    @DisplayName("links compare with scheme and host folded, path kept; only http(s) addresses with a host are links")
    void normalise() {
        assertThat(EvidenceLinks.normalise(" HTTPS://Grafana.Example.org/d/AbC ")).hasValue(
                "https://grafana.example.org/d/AbC");
        assertThat(EvidenceLinks.normalise("https://logs.example.org/explore?q={app=\"checkout\"}|json"))
                .hasValue("https://logs.example.org/explore?q=%7Bapp=%22checkout%22%7D%7Cjson");
        assertThat(EvidenceLinks.normalise("javascript:alert(1)")).isEmpty();
        assertThat(EvidenceLinks.normalise("ftp://files.example.org/x")).isEmpty();
        assertThat(EvidenceLinks.normalise("https:///nohost")).isEmpty();
        assertThat(EvidenceLinks.normalise(null)).isEmpty();
    }

    @Test
    @DisplayName("a link a person gives with an entry is labelled with what they wrote")
    void fromEntry() {
        assertThat(EvidenceLinks.fromEntry("evidence", "Error rate\n graph", DASHBOARD, "person-ref-7"))
                .hasValue(new EvidenceLinks.Link(DASHBOARD, "Error rate graph", "evidence entry", "person-ref-7"));
        assertThat(EvidenceLinks.fromEntry("update", "x".repeat(200), RUNBOOK, "person-ref-7").orElseThrow().label())
                .hasSize(80);
        assertThat(EvidenceLinks.fromEntry("update", "No link", null, "person-ref-7")).isEmpty();
    }
}
