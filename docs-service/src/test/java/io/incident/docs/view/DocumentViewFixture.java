package io.incident.docs.view;

import io.incident.docs.security.SecurityResource;
import io.incident.docs.writing.WritingResource.ActionItemView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A document view with hostile text in it, of any length, for rendering tests and the benchmark. */
public final class DocumentViewFixture {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private DocumentViewFixture() {
    }

    public static DocumentView view(boolean security, int entries) {
        List<DocumentView.Entry> timeline = new ArrayList<>();
        timeline.add(new DocumentView.Entry(AT, "reported", "reporter-ref-1", "Reported: <script>x</script>", null));
        timeline.add(new DocumentView.Entry(AT.plusSeconds(60), "decision", "person-ref-7",
                "Roll back | line one\nline two", null));
        timeline.add(new DocumentView.Entry(AT.plusSeconds(90), "evidence", "person-ref-7", "Error graph",
                "https://grafana.example.org/d/1"));
        for (int i = 3; i < entries; i++) {
            timeline.add(new DocumentView.Entry(AT.plusSeconds(100 + i), "update", "person-ref-7", "Update " + i,
                    null));
        }
        return new DocumentView(UUID.randomUUID(), UUID.randomUUID(), "INC-1001", "Disk <b>full</b>", "payments",
                "SEV2", "active", true, "person-ref-7", security, "https://meet.example.org/inc-1001",
                "Writes fail on db-7.", AT, AT, timeline.size(), "http://docs.example.org/incidents/x/document",
                Map.of("commander", "http://commander.example.org/incidents/x"),
                new DocumentView.Roles("person-ref-7", List.of("person-ref-7")), timeline,
                timeline.stream().filter(e -> e.kind().equals("decision")).toList(),
                List.of(new DocumentView.Evidence(AT, "https://prometheus.example.org/graph?g0.expr=up",
                                "prometheus.example.org/graph", "Alertmanager report", null),
                        new DocumentView.Evidence(AT.plusSeconds(90), "https://grafana.example.org/d/1", "Error graph",
                                "evidence entry", "person-ref-7")),
                List.of(new ActionItemView(UUID.randomUUID(), "Add disk alerts", "person-ref-3",
                        LocalDate.parse("2026-04-01"), "https://jira.example.org/browse/OPS-1", false, null, null)),
                security ? List.of(new SecurityResource.Step("receive", "Receive the report", true, "person-ref-8",
                        AT), new SecurityResource.Step("bridge", "Open the bridge", false, null, null)) : List.of());
    }
}
