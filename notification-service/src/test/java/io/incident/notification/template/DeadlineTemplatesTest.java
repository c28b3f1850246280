package io.incident.notification.template;

import io.incident.events.DeadlineKind;
import io.incident.notification.routing.DeadlineWording;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped deadline templates name a clock in words and say what to do, rather than print the enum name. */
class DeadlineTemplatesTest {

    private final Engine engine = Engine.builder().addDefaults().strictRendering(true).build();

    @Test
    @DisplayName("R-ACK-3 the triage warning and breach read as a decision to make or escalate, not as TRIAGE")
    void triageWording() throws IOException {
        String warned = render("deadline-warned", DeadlineKind.TRIAGE, false);
        String breached = render("deadline-breached", DeadlineKind.TRIAGE, true);

        assertThat(warned).startsWith("[Due soon] Triage decision for Checkout fails\n")
                .contains("escalate it and keep working on it (R-ACK-3)").doesNotContain("TRIAGE");
        assertThat(breached).startsWith("[Overdue] Triage decision for Checkout fails\n")
                .contains("Escalate it now").contains("keep working on it").doesNotContain("TRIAGE");
    }

    @Test
    @DisplayName("every clock kind has a wording that renders in both deadline templates")
    void everyKindRenders() throws IOException {
        for (DeadlineKind kind : DeadlineKind.values()) {
            assertThat(render("deadline-warned", kind, false)).as(kind.name()).doesNotContain(kind.name() + " ");
            assertThat(render("deadline-breached", kind, true)).as(kind.name())
                    .contains(DeadlineWording.action(kind, true));
        }
    }

    private String render(String name, DeadlineKind kind, boolean breached) throws IOException {
        TemplateText text;
        String path = "notification-templates/" + name + ".txt";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            text = TemplateText.parseDefault(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, Object> values = Map.of("title", "Checkout fails", "incidentId", "inc-1",
                "incidentUrl", "http://commander.example.org/incidents/inc-1", "kind", kind.name(),
                "clock", DeadlineWording.clock(kind), "action", DeadlineWording.action(kind, breached),
                "dueAt", "2026-01-01T12:00:00Z");
        return fill(text.subject(), values) + "\n" + fill(text.body(), values);
    }

    private String fill(String source, Map<String, Object> values) {
        Template t = engine.parse(source);
        var instance = t.instance();
        values.forEach(instance::data);
        return instance.render();
    }
}
