package io.incident.intake.webhook;

import io.incident.events.Severity;
import io.incident.intake.alert.Alert;
import io.incident.intake.alert.EventAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenericWebhookParserTest {

    private static GenericWebhookParser.Result parse(String body) {
        return GenericWebhookParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> errors(String body) {
        GenericWebhookParser.Result result = parse(body);
        assertThat(result).isInstanceOf(GenericWebhookParser.Invalid.class);
        return ((GenericWebhookParser.Invalid) result).errors();
    }

    @Test
    @DisplayName("R-REP-3 a generic trigger needs only a title; the rest is optional and unknown fields are ignored")
    void minimal() {
        Alert alert = ((GenericWebhookParser.Valid) parse("{\"title\":\"Queue depth over 10k on orders\","
                + "\"tool\":\"cron-checker\"}")).alert();
        assertThat(alert.action()).isEqualTo(EventAction.TRIGGER);
        assertThat(alert.title()).isEqualTo("Queue depth over 10k on orders");
        assertThat(alert.dedupKey()).hasSize(32);
        assertThat(alert.severity()).isNull();
        assertThat(alert.startTimeKnown()).isFalse();
    }

    @Test
    void full() {
        Alert alert = ((GenericWebhookParser.Valid) parse("""
                {"action":"trigger","dedupKey":"orders-queue","title":"Queue depth over 10k","description":"Growing",
                 "severity":"critical","links":["https://grafana.example.org/d/q",{"href":"https://logs.example.org/q"}],
                 "startedAt":"2026-11-21T09:30:00Z","siteWide":true}""")).alert();
        assertThat(alert.dedupKey()).isEqualTo("orders-queue");
        assertThat(alert.severity()).isEqualTo(Severity.SEV1);
        assertThat(alert.evidenceLinks()).containsExactly("https://grafana.example.org/d/q",
                "https://logs.example.org/q");
        assertThat(alert.startTimeKnown()).isTrue();
        assertThat(alert.siteWide()).isTrue();
        assertThat(alert.description()).isEqualTo("Growing\n\nStarted at: 2026-11-21T09:30:00Z");
    }

    @Test
    @DisplayName("bad generic webhooks are refused with every reason at once")
    void invalid() {
        assertThat(errors("{")).containsExactly("the body is not valid JSON");
        assertThat(errors("{\"action\":\"snooze\",\"severity\":\"purple\",\"startedAt\":\"yesterday\","
                + "\"links\":[\"ftp://x\"]}")).hasSize(4);
        assertThat(errors("{}")).singleElement().asString().contains("'title' is required");
        assertThat(errors("{\"action\":\"resolve\"}")).containsExactly("'dedupKey' is required to resolve an alert");
    }
}
