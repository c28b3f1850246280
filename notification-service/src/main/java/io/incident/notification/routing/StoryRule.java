package io.incident.notification.routing;

import io.incident.notification.delivery.Addressee;
import io.incident.notification.delivery.PlannedDelivery;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Nobody hears the end of a story they were never told the start of. A notice that ends an incident (the close
 * question, resolved, closed, the room topic reset) goes only to a recipient who already has an earlier notice about
 * that incident, queued or sent; a stakeholder whose rule never let them hear of it, or a room never told it was
 * active, gets nothing. The one exception is the notice that tells an incident resolved before anyone took command
 * from start to end: it needs no earlier notice, and it does not count as one, so a close that follows it adds
 * nothing.
 */
public final class StoryRule {

    public static final String RESOLVED_BEFORE_COMMAND = "resolved-before-command";

    /** Ends an incident and assumes the recipient knows it began. */
    static final Set<String> ENDINGS = Set.of("close-proposed", "resolved", "closed", "room-topic-reset");

    private StoryRule() {
    }

    public static boolean needsEarlierNotice(String template) {
        return ENDINGS.contains(template);
    }

    /** The templates whose deliveries do not tell a recipient an incident began. */
    public static final Set<String> NOT_TELLING = Set.of("close-proposed", "resolved", "closed", "room-topic-reset",
            RESOLVED_BEFORE_COMMAND);

    /** The deliveries {@code template} may make, given who was told of the incident already. */
    public static List<PlannedDelivery> keep(String template, List<PlannedDelivery> planned, Collection<Addressee> told) {
        if (!needsEarlierNotice(template)) {
            return planned;
        }
        return planned.stream().filter(p -> told.contains(new Addressee(p.channel(), p.recipient()))).toList();
    }
}
