package io.incident.notification.delivery;

import io.incident.notification.channel.ChannelKind;
import io.incident.runtime.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The delivery log as operators see it: filtered, with failures and their reasons, and "retry now". */
@ApplicationScoped
public class DeliveryLog {

    private final DeliveryRepository deliveries;
    private final DeliveryQueue queue;
    private final Clock clock;

    public DeliveryLog(DeliveryRepository deliveries, DeliveryQueue queue, Clock clock) {
        this.deliveries = deliveries;
        this.queue = queue;
        this.clock = clock;
    }

    public record Filter(UUID incident, String status, String channel, String template, int limit) {
    }

    @Transactional
    public List<Delivery> find(Filter f) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (f.incident() != null) {
            where.add("incidentId = :incident");
            p.and("incident", f.incident());
        }
        if (f.status() != null && !f.status().isBlank()) {
            where.add("status = :status");
            p.and("status", parse(DeliveryStatus.class, "status", f.status()));
        }
        if (f.channel() != null && !f.channel().isBlank()) {
            where.add("channel = :channel");
            p.and("channel", parse(ChannelKind.class, "channel", f.channel()));
        }
        if (f.template() != null && !f.template().isBlank()) {
            where.add("template = :template");
            p.and("template", f.template());
        }
        int limit = f.limit() <= 0 ? 100 : Math.min(f.limit(), 1000);
        Sort sort = Sort.descending("createdAt").and("id");
        return (where.isEmpty() ? deliveries.findAll(sort) : deliveries.find(String.join(" and ", where), sort, p))
                .page(0, limit).list();
    }

    /** Puts a delivery back in the queue now, with a fresh set of attempts; a sent one is refused. */
    @Transactional
    public Delivery retryNow(UUID id) {
        Delivery d = deliveries.findById(id);
        if (d == null) {
            throw new ProblemException(Response.Status.NOT_FOUND, "Unknown delivery", "No delivery " + id + ".");
        }
        if (d.status == DeliveryStatus.SENT) {
            throw new ProblemException(Response.Status.CONFLICT, "Already sent",
                    "Delivery " + id + " was sent at " + d.sentAt + "; sending it again would duplicate it.");
        }
        d.status = DeliveryStatus.PENDING;
        d.attempts = 0;
        d.failedAt = null;
        d.nextAttemptAt = clock.instant();
        queue.wakeWorkersAfterCommit(1);
        return d;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid filter",
                    field + " must be one of " + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
