package io.incident.intake.pagerduty;

import io.incident.intake.alert.EventAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PagerDutyEventParserTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    /** PagerDuty's own documentation example, with example.org hosts. */
    private static final String DOCUMENTED_TRIGGER = """
            {
              "payload": {
                "summary": "Example alert on host1.example.org",
                "timestamp": "2015-07-17T08:42:58.315+0000",
                "source": "monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003",
                "severity": "info",
                "component": "postgres",
                "group": "prod-datapipe",
                "class": "deploy",
                "custom_details": {"ping time": "1500ms", "load avg": 0.75}
              },
              "routing_key": "%s",
              "dedup_key": "samplekeyhere",
              "images": [{"src": "https://grafana.example.org/render/d/1.png", "href": "https://grafana.example.org/d/1",
                          "alt": "Example text"}],
              "links": [{"href": "https://logs.example.org/search?q=api", "text": "Link text"}],
              "event_action": "trigger",
              "client": "Sample Monitoring Service",
              "client_url": "https://monitoring.example.org"
            }""".formatted(KEY);

    @Test
    @DisplayName("R-REP-3 PagerDuty's documented trigger example is read field by field")
    void documentedTrigger() {
        PagerDutyEventParser.Valid valid = valid(DOCUMENTED_TRIGGER);
        PagerDutyEvent e = valid.event();
        assertThat(e.routingKey()).isEqualTo(KEY);
        assertThat(e.action()).isEqualTo(EventAction.TRIGGER);
        assertThat(e.dedupKey()).isEqualTo("samplekeyhere");
        assertThat(e.payload().summary()).isEqualTo("Example alert on host1.example.org");
        assertThat(e.payload().severity()).isEqualTo(PagerDutySeverity.INFO);
        assertThat(e.payload().component()).isEqualTo("postgres");
        assertThat(e.payload().group()).isEqualTo("prod-datapipe");
        assertThat(e.payload().eventClass()).isEqualTo("deploy");
        assertThat(e.payload().timestamp()).isEqualTo("2015-07-17T08:42:58.315+0000");
        assertThat(e.payload().customDetails().get("load avg").asDouble()).isEqualTo(0.75);
        assertThat(e.links()).extracting(PagerDutyEvent.Link::href).containsExactly("https://logs.example.org/search?q=api");
        assertThat(e.images()).extracting(PagerDutyEvent.Image::src)
                .containsExactly("https://grafana.example.org/render/d/1.png");
        assertThat(e.client()).isEqualTo("Sample Monitoring Service");
        assertThat(e.clientUrl()).isEqualTo("https://monitoring.example.org");
    }

    @Test
    @DisplayName("the stored copy of an event keeps everything but the routing key")
    void storedFormHidesTheKey() {
        String stored = valid(DOCUMENTED_TRIGGER).storedForm();
        assertThat(stored).doesNotContain(KEY).contains("\"routing_key\":\"[redacted]\"").contains("load avg");
    }

    @Test
    @DisplayName("acknowledge and resolve need only the routing key and the dedup key")
    void acknowledgeAndResolve() {
        PagerDutyEvent ack = valid("{\"routing_key\":\"" + KEY + "\",\"dedup_key\":\"d1\",\"event_action\":\"acknowledge\"}")
                .event();
        assertThat(ack.action()).isEqualTo(EventAction.ACKNOWLEDGE);
        assertThat(ack.payload()).isNull();
        assertThat(valid("{\"routing_key\":\"" + KEY + "\",\"dedup_key\":\"d1\",\"event_action\":\"resolve\"}")
                .event().action()).isEqualTo(EventAction.RESOLVE);
    }

    @Test
    @DisplayName("a trigger without a dedup key, or with a blank one, is valid: intake gives it one")
    void triggerWithoutDedupKey() {
        assertThat(valid(trigger("", "critical", "db down")).event().dedupKey()).isNull();
        assertThat(valid(DOCUMENTED_TRIGGER.replace("\"samplekeyhere\"", "\" \"")).event().dedupKey()).isNull();
    }

    @Test
    @DisplayName("every problem is reported at once, in PagerDuty's words")
    void everyProblemAtOnce() {
        assertThat(errors("{\"routing_key\":\"short\",\"event_action\":\"page\"}")).containsExactly(
                "Length of 'routing_key' is incorrect (should be 32 characters)",
                "'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
        assertThat(errors("{}")).containsExactly("'routing_key' is missing or blank",
                "'event_action' is missing or blank");
        assertThat(errors("{\"routing_key\":\"" + KEY + "\",\"event_action\":\"trigger\",\"payload\":{}}"))
                .containsExactly("'payload.summary' is missing or blank", "'payload.source' is missing or blank",
                        "'payload.severity' is missing or blank");
        assertThat(errors("{\"routing_key\":\"" + KEY + "\",\"event_action\":\"trigger\"}"))
                .containsExactly("'payload' is missing or blank");
        assertThat(errors("{\"routing_key\":\"" + KEY + "\",\"event_action\":\"trigger\",\"payload\":\"x\"}"))
                .containsExactly("'payload' must be an object");
    }

    @Test
    @DisplayName("summaries up to 1024 characters pass; one more is refused")
    void summaryLength() {
        assertThat(valid(trigger("", "error", "x".repeat(1024))).event().payload().summary()).hasSize(1024);
        assertThat(errors(trigger("", "error", "x".repeat(1025))))
                .containsExactly("'payload.summary' is too long (maximum is 1024 characters)");
    }

    @Test
    @DisplayName("severity and event_action are PagerDuty's exact lower-case words")
    void exactWords() {
        assertThat(errors(trigger("", "CRITICAL", "s"))).hasSize(1).first().asString()
                .startsWith("'payload.severity' is invalid");
        assertThat(errors(trigger("", "sev1", "s"))).hasSize(1);
        assertThat(errors(trigger("", "critical", "s").replace("\"trigger\"", "\"TRIGGER\""))).hasSize(1).first()
                .asString().startsWith("'event_action' is invalid");
    }

    @Test
    @DisplayName("dedup keys: at most 255 characters, a string, and required to acknowledge or resolve")
    void dedupKeys() {
        assertThat(valid(trigger("k".repeat(255), "info", "s")).event().dedupKey()).hasSize(255);
        assertThat(errors(trigger("k".repeat(256), "info", "s")))
                .containsExactly("'dedup_key' is too long (maximum is 255 characters)");
        assertThat(errors(trigger("", "info", "s").replace("\"dedup_key\":\"\"", "\"dedup_key\":{\"a\":1}")))
                .containsExactly("'dedup_key' must be a string");
        assertThat(errors("{\"routing_key\":\"" + KEY + "\",\"event_action\":\"resolve\"}"))
                .containsExactly("'dedup_key' is missing or blank (required to resolve an alert)");
    }

    @Test
    @DisplayName("bodies that are not one JSON object are refused, including duplicate fields and trailing data")
    void notOneObject() {
        assertThat(errors("{\"routing_key\":")).containsExactly("Request body is not valid JSON");
        assertThat(errors("")).containsExactly("Request body must be a JSON object");
        assertThat(errors("[1,2]")).containsExactly("Request body must be a JSON object");
        assertThat(errors("\"trigger\"")).containsExactly("Request body must be a JSON object");
        assertThat(errors(trigger("", "info", "s") + " {}")).containsExactly("Request body is not valid JSON");
        assertThat(errors("{\"routing_key\":\"" + KEY + "\",\"routing_key\":\"" + KEY + "\"}"))
                .containsExactly("Request body is not valid JSON");
    }

    @Test
    @DisplayName("links and images without their URL are left out rather than failing the alert")
    void looseContext() {
        String body = trigger("", "info", "s").replace("\"event_action\"",
                "\"links\":[{\"text\":\"no href\"},{\"href\":\"https://logs.example.org\"}],\"images\":\"none\","
                        + "\"event_action\"");
        PagerDutyEvent e = valid(body).event();
        assertThat(e.links()).extracting(PagerDutyEvent.Link::href).containsExactly("https://logs.example.org");
        assertThat(e.images()).isEmpty();
    }

    static String trigger(String dedupKey, String severity, String summary) {
        return """
                {"routing_key":"%s","dedup_key":"%s","event_action":"trigger",
                 "payload":{"summary":"%s","source":"db-1.example.org","severity":"%s"}}"""
                .formatted(KEY, dedupKey, summary, severity);
    }

    private static PagerDutyEventParser.Valid valid(String body) {
        PagerDutyEventParser.Result result = PagerDutyEventParser.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(PagerDutyEventParser.Valid.class);
        return (PagerDutyEventParser.Valid) result;
    }

    private static java.util.List<String> errors(String body) {
        PagerDutyEventParser.Result result = PagerDutyEventParser.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(PagerDutyEventParser.Invalid.class);
        return ((PagerDutyEventParser.Invalid) result).errors();
    }
}
