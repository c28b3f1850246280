package io.incident.intake.lifecycle;

import io.incident.events.EventEnvelope;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentResolved;
import io.incident.intake.alert.AlertDedupRepository;
import io.incident.intake.email.MailStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * When people resolve or close an incident, the alerts and mail threads that opened it stop pointing at it
 * (R-REP-5): the next trigger with one of their keys, or the next mail on the thread, is a new problem and opens a
 * new incident, even if the tool never sent its own resolve. Freeing keys twice changes nothing, so a redelivered event is harmless.
 */
@ApplicationScoped
public class IncidentEndings {

    public static final String CONSUMER = "intake-incident-endings";

    private final AlertDedupRepository dedup;
    private final MailStore mail;
    private final Clock clock;

    public IncidentEndings(AlertDedupRepository dedup, MailStore mail, Clock clock) {
        this.dedup = dedup;
        this.mail = mail;
        this.clock = clock;
    }

    /** Runs in the receiver's transaction. */
    public void apply(EventEnvelope envelope) {
        if (envelope.data() instanceof IncidentResolved resolved) {
            end(resolved.incidentId());
        } else if (envelope.data() instanceof IncidentClosed closed) {
            end(closed.incidentId());
        }
    }

    private void end(UUID incidentId) {
        dedup.release(incidentId, clock.instant());
        mail.closed(incidentId);
    }
}
