package io.incident.docs.benchmark;

import io.incident.docs.document.DocumentBuilder;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineMet;
import io.incident.events.DeadlineScheduled;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.NotificationChannel;
import io.incident.events.NotificationDelivered;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.events.SeverityChanged;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding every document by replaying 1,000,000 events through the document builder (header rules, timeline
 * lines and the SHA-256 chain): events per second. Not part of the normal build; run it with
 * {@code ./mvnw -o test -pl docs-service -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReplayBenchmark {

    static final int EVENTS = 1_000_000;
    static final int EVENTS_PER_INCIDENT = 100;

    @Test
    @DisplayName("benchmark: rebuild documents from 1,000,000 events (events/s)")
    void replay() {
        // One incident's worth of events, replayed for 10,000 documents: building the events is not what is measured.
        List<EventEnvelope> incident = incidentEvents(UUID.randomUUID(), Instant.parse("2026-03-01T10:00:00Z"));
        replayAll(incident, EVENTS / 10); // warm-up
        long start = System.nanoTime();
        long entries = replayAll(incident, EVENTS);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(entries).isEqualTo(EVENTS);
        System.out.printf(Locale.ROOT, "ReplayBenchmark: %,d events into %,d documents in %.2f s: %,.0f events/s%n",
                EVENTS, EVENTS / EVENTS_PER_INCIDENT, seconds, EVENTS / seconds);
    }

    private static long replayAll(List<EventEnvelope> incident, int events) {
        long entries = 0;
        for (int d = 0; d < events / EVENTS_PER_INCIDENT; d++) {
            DocumentBuilder builder = DocumentBuilder.start(UUID.randomUUID(), incident.get(0)).orElseThrow();
            for (int i = 1; i < incident.size(); i++) {
                builder.apply(incident.get(i));
            }
            assertThat(builder.header().status()).isEqualTo("closed");
            entries += builder.timeline().size();
        }
        return entries;
    }

    static List<EventEnvelope> incidentEvents(UUID id, Instant t0) {
        List<IncidentEvent> events = new ArrayList<>();
        events.add(new IncidentReported(id, UUID.randomUUID(), "payments", "Checkout returns 502", "Seen by a test",
                ReportChannel.ALERTMANAGER, Severity.SEV2, true, false, false, "checkout-502", "reporter-ref-1",
                List.of(), List.of(), t0));
        events.add(new CommanderPaged(id, "payments", "person-ref-7", 1, Severity.SEV2, false, t0.plusSeconds(300),
                t0));
        events.add(new CommanderAcknowledged(id, "person-ref-7", "payments", t0.plusSeconds(60)));
        events.add(new SeverityChanged(id, Severity.SEV2, Severity.SEV1, "person-ref-7", "Impact verified",
                t0.plusSeconds(90)));
        while (events.size() < EVENTS_PER_INCIDENT - 3) {
            Instant at = t0.plusSeconds(100 + events.size());
            events.add(switch (events.size() % 3) {
                case 0 -> new DeadlineScheduled(id, UUID.randomUUID(), DeadlineKind.DOCUMENT_UPDATE,
                        at.plusSeconds(7200), at);
                case 1 -> new DeadlineMet(id, UUID.randomUUID(), DeadlineKind.DOCUMENT_UPDATE, at.plusSeconds(7200),
                        at);
                default -> new NotificationDelivered(id, UUID.randomUUID(), NotificationChannel.CHAT,
                        "incident-room", "status-update", at);
            });
        }
        events.add(new IncidentMitigated(id, "person-ref-7", t0.plusSeconds(1800)));
        events.add(new IncidentResolved(id, "person-ref-7", t0.plusSeconds(2400)));
        events.add(new IncidentClosed(id, "person-ref-7", "payments", Severity.SEV1, t0, t0.plusSeconds(3600)));
        return events.stream().map(e -> EventEnvelope.wrap(e, "/test", t0)).toList();
    }
}
