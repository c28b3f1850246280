package io.incident.notification.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped page reads top to bottom on a phone: what, how bad, since when, what it says, evidence, act. */
class PageTemplateTest {

    private final Engine engine = Engine.builder().addDefaults().strictRendering(true).build();

    @Test
    @DisplayName("the page lists every fact, one evidence link per line, and ends with the acknowledge and document links")
    void layout() throws IOException {
        Map<String, Object> values = TemplateSamples.values();
        String page = render("page", values);

        assertThat(page).isEqualTo("""
                [Page] SEV2 Checkout answers with errors
                You are paged (escalation level 1) to take command of incident 7d1c3a52-0000-4000-8000-000000000001 for team payments.

                Checkout answers with errors
                Severity: SEV2   Team: payments
                Source: Prometheus Alertmanager
                Started: 2026-01-01 10:00 UTC   Reports so far: 3

                Checkout answers 502 for about a third of requests since 09:58 UTC.
                Payments provider status page shows no incident.

                Evidence:
                - https://prometheus.example.org/graph?g0.expr=rate(http_5xx%5B5m%5D)
                - https://runbooks.example.org/checkout/5xx

                Acknowledge by 2026-01-01 10:05 UTC: http://commander.example.org/incidents/7d1c3a52-0000-4000-8000-000000000001
                Incident document: http://docs.example.org/incidents/7d1c3a52-0000-4000-8000-000000000001/document""");
        // Short enough for a phone: about a screen of lines.
        assertThat(page.lines().count()).isLessThanOrEqualTo(20);
    }

    @Test
    @DisplayName("a page without evidence says none was given")
    void noEvidence() throws IOException {
        Map<String, Object> values = TemplateSamples.values();
        values.put("evidenceLinks", List.of());
        assertThat(render("page", values)).contains("Evidence:\n(none given)\n\nAcknowledge by");
    }

    private String render(String name, Map<String, Object> values) throws IOException {
        TemplateText text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("notification-templates/" + name + ".txt")) {
            text = TemplateText.parseDefault(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return fill(text.subject(), values) + "\n" + fill(text.body(), values);
    }

    private String fill(String source, Map<String, Object> values) {
        Template t = engine.parse(source);
        var instance = t.instance();
        values.forEach(instance::data);
        return instance.render();
    }
}
