package io.incident.docs.postmortem;

import io.incident.docs.document.TimelineText;
import io.incident.events.BlockerRaised;
import io.incident.events.CloseObjected;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEscalated;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.events.ResolveRequested;
import io.incident.events.Severity;
import io.incident.events.SeverityChanged;
import io.incident.events.TriageDecision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        assertThat(s.get("summary")).isEqualTo("INC-1001: \u201cCheckout fails\u201d. Flag is off.");
        String timeline = s.get("timeline");
        assertThat(timeline.lines()).containsExactly(
                "2026-03-01T10:00:00Z Incident start: the first report arrived.",
                "2026-03-01T10:00:00Z Outage start: the first report. Use an earlier time if the graphs show one.",
                "2026-03-01T10:00:00Z Reported by REST to team payments as SEV2: \u201cCheckout\u201d",
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

    /** The sections people write; on a fresh template they are empty, and saying so is the checker's job. */
    private static final List<String> WRITTEN_BY_PEOPLE = List.of("impact", "rootCause", "resolution", "wentWell",
            "wentBadly");

    @Test
    @DisplayName("R-PM-3 the pre-filled template passes its own check: only the sections people write are open")
    void templatePassesItsOwnCheck() {
        UUID id = UUID.randomUUID();
        // Titles as tools and people send them: an alert's name, a long mail subject in another language, a
        // subject in the first person with long words. They are the reporters' words and the template quotes them.
        String alert = "[FIRING:1] HighErrorRate checkout-api (critical) for payments-prod in eu-west-1";
        List<IncidentEvent> events = List.of(
                new IncidentReported(id, UUID.randomUUID(), "payments", alert, "Error rate above 5%",
                        ReportChannel.ALERTMANAGER, Severity.SEV2, true, false, false, "k", "alertmanager",
                        List.of("https://prometheus.example.org/graph?g0.expr=rate"), List.of(), T0),
                new ReportAttached(id, UUID.randomUUID(), ReportChannel.EMAIL,
                        "Zahlungsausfall bei \u00dcberweisungen seit heute Morgen", "reporter-ref-4", T0.plusSeconds(30)),
                new ReportAttached(id, UUID.randomUUID(), ReportChannel.EMAIL, "I cannot pay: unexplainable "
                        + "authorization misconfiguration on my account", "reporter-ref-5", T0.plusSeconds(40), 7,
                        T0.plusSeconds(50)),
                new IncidentEscalated(id, 1, 2, "acknowledge-deadline-breached", T0.plusSeconds(300)),
                new CommanderAcknowledged(id, "person-ref-7", "payments", T0.plusSeconds(320)),
                new IncidentTriaged(id, TriageDecision.INCIDENT, "person-ref-7", null, null, T0.plusSeconds(330)),
                new SeverityChanged(id, Severity.SEV2, Severity.SEV1, "person-ref-7", "We saw all card payments fail",
                        T0.plusSeconds(400)),
                new BlockerRaised(id, "person-ref-7", "I need database access, basically asap", T0.plusSeconds(500)),
                new CommandHandedOff(id, "person-ref-7", "person-ref-9", "checkout", T0.plusSeconds(600)),
                new IncidentMitigated(id, "person-ref-9", T0.plusSeconds(900)),
                new ResolveRequested(id, UUID.randomUUID(), ReportChannel.ALERTMANAGER, T0.plusSeconds(960)),
                new IncidentResolved(id, "person-ref-9", T0.plusSeconds(1000)),
                new CloseObjected(id, "person-ref-3", "Our retries are still running", T0.plusSeconds(1100)),
                new IncidentClosed(id, "person-ref-9", "checkout", Severity.SEV1, T0, T0.plusSeconds(3600)));
        List<PostmortemTemplate.Entry> timeline = new ArrayList<>();
        for (IncidentEvent event : events) {
            TimelineText.describe(event, "commander-service").ifPresent(line -> timeline.add(
                    new PostmortemTemplate.Entry(T0.plusSeconds(60L * timeline.size()), line.kind(), line.text())));
        }
        // What people wrote in the document during the incident, quoted as the record of what was said.
        timeline.add(new PostmortemTemplate.Entry(T0.plusSeconds(700), "update", "We rolled back release 42."));
        timeline.add(new PostmortemTemplate.Entry(T0.plusSeconds(710), "decision", "I decided to just fail over."));
        timeline.sort(java.util.Comparator.comparing(PostmortemTemplate.Entry::at));

        Map<String, String> template = PostmortemTemplate.prefill("INC-1042", alert,
                "Card payments work again. The team is watching the error rate.", timeline, List.of(
                        new PostmortemTemplate.Item("Add an owner to every flag", "person-ref-3",
                                LocalDate.parse("2026-04-01"), "https://jira.example.org/browse/OPS-1", false)));

        List<WritingChecker.Finding> findings = new WritingChecker(6).check(template);
        assertThat(findings).allSatisfy(f -> assertThat(f.rule()).isEqualTo(WritingChecker.EMPTY_SECTION));
        assertThat(findings).extracting(WritingChecker.Finding::section)
                .containsExactlyElementsOf(WRITTEN_BY_PEOPLE);
        assertThat(template.get("timeline")).contains("\u201cI cannot pay").contains("\u201cWe rolled back");
    }

    @Test
    @DisplayName("R-PM-3 the pre-filled summary of a bare incident, with no status summary, passes its own check")
    void bareSummaryPasses() {
        for (String title : List.of("Checkout returns 502", "Ausfall der Zahlungsabwicklung f\u00fcr Kartenzahlungen",
                "[FIRING:3] KubePodCrashLooping payments/checkout-api-6c9f7 (warning)",
                "We can't log in: intermittent authentication unavailability")) {
            Map<String, String> template = PostmortemTemplate.prefill("INC-1001", title, null, List.of(), List.of());
            assertThat(new WritingChecker(6).check(Map.of("summary", template.get("summary"))))
                    .as(template.get("summary")).isEmpty();
        }
    }
}
