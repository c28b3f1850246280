package io.incident.docs.postmortem;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** R-PM-1: the template pre-filled from the document. */
class PostmortemTemplateTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    @DisplayName("R-PM-1 the timeline marks incident and outage start at the report, outage end at mitigation "
            + "and incident end at close, and leaves out clocks and deliveries")
    void markers() {
        Map<String, String> s = PostmortemTemplate.prefill("INC-1001", "Checkout fails", "Flag is off.", List.of(
                new PostmortemTemplate.Entry(T0, "reported", "Reported by REST to team payments as SEV2: Checkout"),
                new PostmortemTemplate.Entry(T0.plusSeconds(60), "deadline-scheduled", "Acknowledge clock started"),
                new PostmortemTemplate.Entry(T0.plusSeconds(120), "commander-acknowledged", "person-ref-7 took it"),
                new PostmortemTemplate.Entry(T0.plusSeconds(900), "mitigated", "person-ref-7 marked it mitigated."),
                new PostmortemTemplate.Entry(T0.plusSeconds(1800), "resolved", "person-ref-7 marked it resolved."),
                new PostmortemTemplate.Entry(T0.plusSeconds(3600), "closed", "person-ref-7 closed the incident.")),
                List.of(new PostmortemTemplate.Item("Add a flag owner", "person-ref-3", LocalDate.parse("2026-04-01"),
                        "https://jira.example.org/browse/OPS-1", false)));
        assertThat(s.keySet()).containsExactlyElementsOf(PostmortemTemplate.SECTIONS);
        assertThat(s.get("summary")).isEqualTo("INC-1001: Checkout fails. Flag is off.");
        String timeline = s.get("timeline");
        assertThat(timeline.lines()).containsExactly(
                "2026-03-01T10:00:00Z Incident start: the first report arrived.",
                "2026-03-01T10:00:00Z Outage start: the first report. Use an earlier time if the graphs show one.",
                "2026-03-01T10:00:00Z Reported by REST to team payments as SEV2: Checkout",
                "2026-03-01T10:02:00Z person-ref-7 took it",
                "2026-03-01T10:15:00Z Outage end: person-ref-7 marked it mitigated.",
                "2026-03-01T10:30:00Z person-ref-7 marked it resolved.",
                "2026-03-01T11:00:00Z Incident end: person-ref-7 closed the incident.");
        assertThat(s.get("actionItems")).isEqualTo("- Add a flag owner (owner person-ref-3, due 2026-04-01, ticket "
                + "https://jira.example.org/browse/OPS-1)");
        assertThat(s.get("impact")).isEmpty();
        assertThat(new WritingChecker(6).check(Map.of("timeline", timeline)))
                .filteredOn(f -> f.rule().equals(WritingChecker.TIMELINE_MARKERS)).isEmpty();
    }

    @Test
    @DisplayName("R-PM-3 an open incident's template lacks the end markers, and the checker says so")
    void openIncident() {
        String timeline = PostmortemTemplate.prefill("INC-1002", "Slow search", null, List.of(
                new PostmortemTemplate.Entry(T0, "reported", "Reported by e-mail")), List.of()).get("timeline");
        assertThat(new WritingChecker(6).check(Map.of("timeline", timeline)))
                .extracting(WritingChecker.Finding::suggestion)
                .anySatisfy(x -> assertThat(x).contains("Outage end"))
                .anySatisfy(x -> assertThat(x).contains("Incident end"));
    }
}
