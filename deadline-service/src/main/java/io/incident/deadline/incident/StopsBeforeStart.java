package io.incident.deadline.incident;

import io.incident.events.DeadlineKind;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What a clock's stop that arrived before its start does once the start arrives. Events about one incident come on
 * several topics and partitions in no fixed order, and even on one topic a stop can come first: commander publishes
 * the triage decision before the acknowledgement that starts the triage clock, and a paged person may triage before
 * anyone acknowledges. So the service remembers every stop it hears of, per incident and kind, and a clock that
 * starts is ended at once by the stops that belong to it, instead of running until it warns and breaches.
 *
 * <p>The acknowledge clock needs no remembered stop: the incident's acknowledgement instant is one, and no
 * acknowledge clock starts once it is known.
 */
public final class StopsBeforeStart {

    /** What a remembered stop does to the clock it belongs to. */
    public enum Effect {
        /** The kind runs once per incident; its stop meets it (or breaches it, if it came after the due time). */
        STOP_ONCE,
        /** The kind runs in rounds; a stop meets (or breaches) the round running when it happened. */
        STOP_ROUND,
        /** The kind runs in rounds; a stop ends the round running when it happened without a verdict. */
        CANCEL_ROUND,
        /** The period is met and the next one runs from the stop, as when the stop arrives in order. */
        RESTART
    }

    private StopsBeforeStart() {
    }

    public static Effect effect(DeadlineKind kind) {
        return switch (kind) {
            // An acknowledgement ends the clock of every level paged; a question is asked once.
            case ACKNOWLEDGE, TRIAGE, QUESTION, SECURITY_FORM, ROOT_CAUSE_ANALYSIS -> Effect.STOP_ONCE;
            case INQUIRY_RESPONSE -> Effect.STOP_ROUND;
            case CLOSE_OBJECTION_WINDOW -> Effect.CANCEL_ROUND;
            case DOCUMENT_UPDATE, FATIGUE_ROTATION, LEADERSHIP_UPDATE -> Effect.RESTART;
        };
    }

    /**
     * The instants, in the order to apply them, at which the remembered {@code stops} end the clock of {@code kind}
     * that starts at {@code startsAt} (for a restarting kind: that clock and each period after it).
     * <ul>
     *   <li>{@link Effect#STOP_ONCE}: any stop heard is the clock's stop, even one stamped before the start (triage
     *       decided before the acknowledgement), which meets the clock as it starts.</li>
     *   <li>{@link Effect#STOP_ROUND}, {@link Effect#CANCEL_ROUND}: a stop ends the round running when it happened,
     *       so the first one at or after the start ends this round; an earlier one ended an earlier round.</li>
     *   <li>{@link Effect#RESTART}: every stop after the start, each beginning the next period; one at or before
     *       the start is stale, as it is when it arrives in order.</li>
     * </ul>
     */
    public static List<Instant> endings(DeadlineKind kind, Instant startsAt, Collection<Instant> stops) {
        return switch (effect(kind)) {
            case STOP_ONCE -> stops.stream().min(Instant::compareTo)
                    .map(at -> at.isBefore(startsAt) ? startsAt : at).stream().toList();
            case STOP_ROUND, CANCEL_ROUND -> stops.stream().filter(at -> !at.isBefore(startsAt))
                    .min(Instant::compareTo).stream().toList();
            case RESTART -> stops.stream().filter(at -> at.isAfter(startsAt)).sorted().distinct().toList();
        };
    }
}
