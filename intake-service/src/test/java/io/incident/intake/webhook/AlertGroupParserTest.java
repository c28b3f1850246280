package io.incident.intake.webhook;

import io.incident.events.Severity;
import io.incident.intake.alert.Alert;
import io.incident.intake.alert.EventAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertGroupParserTest {

    private static List<Alert> valid(String file, AlertGroupParser.Dialect dialect) {
        AlertGroupParser.Result result = AlertGroupParser.parse(WebhookPayloads.bytes(file), dialect);
        assertThat(result).isInstanceOf(AlertGroupParser.Valid.class);
        return ((AlertGroupParser.Valid) result).alerts();
    }

    private static List<String> errors(String body, AlertGroupParser.Dialect dialect) {
        AlertGroupParser.Result result = AlertGroupParser.parse(body.getBytes(StandardCharsets.UTF_8), dialect);
        assertThat(result).isInstanceOf(AlertGroupParser.Invalid.class);
        return ((AlertGroupParser.Invalid) result).errors();
    }

    @Test
    @DisplayName("R-REP-3 an Alertmanager v4 group becomes one alert per fingerprint, keyed by group key and fingerprint")
    void alertmanagerGroup() {
        List<Alert> alerts = valid("alertmanager-firing.json", AlertGroupParser.Dialect.ALERTMANAGER);
        assertThat(alerts).hasSize(2);
        Alert first = alerts.get(0);
        assertThat(first.action()).isEqualTo(EventAction.TRIGGER);
        assertThat(first.dedupKey())
                .isEqualTo("{}/{team=\"payments\"}:{alertname=\"CheckoutHighErrorRate\"}/3f2b6c1d9a8e7f60");
        assertThat(alerts.get(1).dedupKey()).endsWith("/8a7d6e5f4c3b2a19");
        assertThat(first.title()).isEqualTo("Checkout returns 5xx for 31% of requests on checkout-1");
        assertThat(first.severity()).isEqualTo(Severity.SEV1);
        assertThat(first.startTimeKnown()).isTrue();
        assertThat(first.siteWide()).isFalse();
        assertThat(first.description()).contains("above 20% for 5 minutes", "Started at: 2026-11-21T09:30:00.000Z",
                "instance: checkout-1.example.org:9090", "Notified because: new_alerts");
        assertThat(first.evidenceLinks()).containsExactly(
                "http://prometheus.example.org:9090/graph?g0.expr=checkout_5xx_ratio+%3E+0.2&g0.tab=1",
                "https://runbooks.example.org/checkout-5xx");
        assertThat(first.rawPayload()).contains("\"fingerprint\":\"3f2b6c1d9a8e7f60\"", "routeLabels")
                .doesNotContain("8a7d6e5f4c3b2a19");
    }

    @Test
    @DisplayName("a resolved alert asks to resolve; the others of the group still fire")
    void resolved() {
        List<Alert> alerts = valid("alertmanager-resolved.json", AlertGroupParser.Dialect.ALERTMANAGER);
        assertThat(alerts).extracting(Alert::action).containsExactly(EventAction.RESOLVE, EventAction.TRIGGER);
    }

    @Test
    @DisplayName("R-REP-3 R-ACK-4 a Grafana alert brings its graph, dashboard, panel, image, silence link and dashboard "
            + "annotation; scope=site-wide marks it site-wide")
    void grafana() {
        Alert alert = valid("grafana-firing.json", AlertGroupParser.Dialect.GRAFANA).get(0);
        assertThat(alert.title()).isEqualTo("Disk usage above 90% on db-2.example.org");
        assertThat(alert.severity()).isEqualTo(Severity.SEV3);
        assertThat(alert.siteWide()).isTrue();
        assertThat(alert.evidenceLinks()).containsExactly(
                "https://grafana.example.org/alerting/grafana/d1sk-usage/view?orgId=1",
                "https://grafana.example.org/d/storage-overview?orgId=1",
                "https://grafana.example.org/d/storage-overview?orgId=1&viewPanel=2",
                "https://grafana.example.org/public/img/attachments/d1sk-usage.png",
                "https://grafana.example.org/alerting/silence/new?alertmanager=grafana&matcher=alertname%3DDisk+usage",
                "https://grafana.example.org/d/storage-capacity");
        assertThat(alert.description()).contains("Values: [ var='B'");
    }

    @Test
    @DisplayName("without annotations the title is the alert name and instance; truncated alerts are mentioned")
    void fallbacks() {
        String body = """
                {"version":"4","groupKey":"{}:{alertname=\\"Up\\"}","truncatedAlerts":3,"alerts":[
                 {"status":"firing","labels":{"alertname":"TargetDown","instance":"queue-3.example.org"}}]}""";
        Alert alert = ((AlertGroupParser.Valid) AlertGroupParser.parse(body.getBytes(StandardCharsets.UTF_8),
                AlertGroupParser.Dialect.ALERTMANAGER)).alerts().get(0);
        assertThat(alert.title()).isEqualTo("TargetDown on queue-3.example.org");
        assertThat(alert.dedupKey()).startsWith("{}:{alertname=\"Up\"}/labels:");
        assertThat(alert.description()).contains("left out 3 further alerts");
        assertThat(alert.severity()).isNull();
        assertThat(alert.startTimeKnown()).isFalse();
    }

    @Test
    @DisplayName("a very long group key still gives a dedup key that fits")
    void longKey() {
        String body = "{\"version\":\"4\",\"groupKey\":\"" + "x".repeat(600) + "\",\"alerts\":[{\"status\":\"firing\","
                + "\"labels\":{\"alertname\":\"A\"},\"fingerprint\":\"f\"}]}";
        Alert alert = ((AlertGroupParser.Valid) AlertGroupParser.parse(body.getBytes(StandardCharsets.UTF_8),
                AlertGroupParser.Dialect.ALERTMANAGER)).alerts().get(0);
        assertThat(alert.dedupKey()).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    @DisplayName("bad groups are refused with every reason at once")
    void invalid() {
        assertThat(errors("not json", AlertGroupParser.Dialect.ALERTMANAGER)).containsExactly(
                "the body is not valid JSON");
        assertThat(errors("[]", AlertGroupParser.Dialect.ALERTMANAGER)).containsExactly(
                "the body must be a JSON object");
        assertThat(errors("{\"version\":\"3\"}", AlertGroupParser.Dialect.ALERTMANAGER)).hasSize(3)
                .anyMatch(e -> e.contains("version 4")).anyMatch(e -> e.contains("groupKey"))
                .anyMatch(e -> e.contains("alerts"));
        assertThat(AlertGroupParser.parse("{\"groupKey\":\"g\",\"alerts\":[]}".getBytes(StandardCharsets.UTF_8),
                AlertGroupParser.Dialect.GRAFANA)).as("Grafana sends its own version").isEqualTo(
                new AlertGroupParser.Valid(List.of()));
        assertThat(errors("{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"pending\","
                + "\"fingerprint\":\"f\"}, 7]}", AlertGroupParser.Dialect.ALERTMANAGER))
                .containsExactly("'alerts[0].status' must be \"firing\" or \"resolved\"",
                        "'alerts[1]' must be an object");
    }
}
