package io.incident.intake.pagerduty;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incident.intake.alert.EventAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertTextTest {

    private static final JsonMapper JSON = new JsonMapper();

    @Test
    @DisplayName("the description names source, component, group, class, time, tool and details, one per line")
    void description() {
        ObjectNode details = JSON.createObjectNode().put("ping time", "1500ms").put("load avg", 0.75);
        details.putArray("hosts").add("db-1").add("db-2");
        String text = AlertText.description(event(details, List.of(), null));
        assertThat(text).isEqualTo("""
                Source: db-1.example.org
                Component: postgres
                Group: prod-datapipe
                Class: replication lag
                Detected at: 2026-03-01T09:10:00Z
                Sent by: Prometheus
                Details:
                  ping time: 1500ms
                  load avg: 0.75
                  hosts: ["db-1","db-2"]""");
    }

    @Test
    @DisplayName("large custom_details are cut near 4 KB at a line break, and the cut says so")
    void largeDetailsAreCut() {
        ObjectNode details = JSON.createObjectNode();
        for (int i = 0; i < 2_000; i++) {
            details.put("metric_" + i, "value " + i);
        }
        String text = AlertText.description(event(details, List.of(), null));
        assertThat(text.length()).isLessThan(AlertText.MAX_DETAILS + 400);
        assertThat(text).contains("metric_0: value 0").doesNotContain("metric_1999")
                .contains("custom_details cut at").contains("the stored report keeps the full event");
        String last = text.lines().filter(l -> l.startsWith("  metric_")).reduce((a, b) -> b).orElseThrow();
        assertThat(last).matches("  metric_\\d+: value \\d+");
    }

    @Test
    @DisplayName("evidence links come from links, images and the tool's page; only web addresses, no repeats")
    void evidenceLinks() {
        PagerDutyEvent e = event(null, List.of(new PagerDutyEvent.Link("https://logs.example.org/q", "logs"),
                        new PagerDutyEvent.Link("javascript:alert(1)", "bad"),
                        new PagerDutyEvent.Link("https://logs.example.org/q", "again")),
                "https://monitoring.example.org/alerts/1");
        assertThat(AlertText.evidenceLinks(e)).containsExactly("https://logs.example.org/q",
                "https://grafana.example.org/d/1", "https://grafana.example.org/render/1.png",
                "https://monitoring.example.org/alerts/1");
    }

    private static PagerDutyEvent event(ObjectNode details, List<PagerDutyEvent.Link> links, String clientUrl) {
        return new PagerDutyEvent("0123456789abcdef0123456789abcdef", EventAction.TRIGGER, "k",
                new PagerDutyEvent.Payload("Replication lag over 5 minutes", "db-1.example.org",
                        PagerDutySeverity.ERROR, "2026-03-01T09:10:00Z", "postgres", "prod-datapipe",
                        "replication lag", details),
                links, List.of(new PagerDutyEvent.Image("https://grafana.example.org/render/1.png",
                "https://grafana.example.org/d/1", "lag")), "Prometheus", clientUrl);
    }
}
