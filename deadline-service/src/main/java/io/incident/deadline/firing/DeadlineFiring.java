package io.incident.deadline.firing;

import io.incident.deadline.clock.Deadline;
import io.incident.deadline.clock.DeadlineRepository;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineWarned;
import io.incident.events.IncidentEvent;
import io.incident.runtime.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Warns and breaches due clocks. Claiming a clock, marking it and writing its event to the outbox happen in one
 * transaction: a clock is marked if and only if its event will be published, and a marked clock is never claimed
 * again.
 */
@ApplicationScoped
public class DeadlineFiring implements FiringLoop.DueClocks {

    /** One clock fired: warned or breached. */
    public record Fired(UUID deadlineId, UUID incidentId, DeadlineKind kind, Deadline.Firing firing) {
    }

    private final DeadlineRepository deadlines;
    private final Outbox outbox;
    private final Clock clock;
    private final Counter warned;
    private final Counter breached;

    public DeadlineFiring(DeadlineRepository deadlines, Outbox outbox, Clock clock, MeterRegistry registry) {
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.clock = clock;
        this.warned = Counter.builder("incident.deadlines.fired").tag("outcome", "warned")
                .description("Deadline warnings and breaches the firing loop published").register(registry);
        this.breached = Counter.builder("incident.deadlines.fired").tag("outcome", "breached")
                .description("Deadline warnings and breaches the firing loop published").register(registry);
    }

    @Override
    public int fireDue(int limit) {
        List<Fired> fired = QuarkusTransaction.requiringNew().call(() -> fire(limit));
        fired.forEach(f -> (f.firing() == Deadline.Firing.WARN ? warned : breached).increment());
        return fired.size();
    }

    /** Claims and fires up to {@code limit} due clocks in the caller's transaction; their rows stay locked until it ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Fired> fire(int limit) {
        Instant now = clock.instant();
        List<Fired> fired = new ArrayList<>();
        List<IncidentEvent> events = new ArrayList<>();
        for (Deadline d : deadlines.claimDue(now, limit)) {
            Deadline.Firing firing = d.fire(now);
            events.add(firing == Deadline.Firing.WARN
                    ? new DeadlineWarned(d.incidentId, d.id, d.kind, d.dueAt, d.warnedAt)
                    : new DeadlineBreached(d.incidentId, d.id, d.kind, d.dueAt, d.endedAt));
            fired.add(new Fired(d.id, d.incidentId, d.kind, firing));
        }
        // One batched insert for the whole claim: the firing rate is bound by round trips to the database.
        outbox.publishAll(events);
        return fired;
    }

    @Override
    public Optional<Instant> nextFiring() {
        return QuarkusTransaction.requiringNew().call(deadlines::nextFiring);
    }
}
