package io.incident.notification.delivery;

import java.util.Set;

/**
 * Whether a notice asks someone to act now or tells people how an incident is going. Urgent deliveries are claimed
 * before routine ones, so a page is not queued behind the broadcast fan-out of every other incident.
 *
 * <p>Urgent are the notices whose worth decays in minutes because a person must act on them:
 * <ul>
 *   <li>{@code page}: the paged IC has 5 or 15 minutes to acknowledge before the next level is paged (R-ACK-2);</li>
 *   <li>{@code blocker}: the product owner and CTO are needed "at once, at any hour" (R-CMD-4);</li>
 *   <li>{@code escalation-exhausted}: nobody on the escalation policy took the incident; only the product owner and
 *       CTO can find someone now;</li>
 *   <li>{@code handoff-disputed}: two teams cannot agree who commands; the product owners and the CTO settle it
 *       (R-CMD-6);</li>
 *   <li>{@code deadline-warned}: a warning is worth something only before its clock runs out, and the triage and
 *       inquiry clocks are 15 minutes long (R-ACK-3, R-CMD-7), so seconds in a queue eat the time it gives;</li>
 *   <li>{@code deadline-breached}: the IC (and the product owner) must act on a clock that already ran out.</li>
 * </ul>
 * Everything else (active incident, resolved, closed, close proposals, leadership updates, hand-over news, room
 * topics, tickets, replies to reporters, the security form, which is filed when the deadline service's clock
 * stops, not when the mail lands) informs; a few seconds' delay changes nothing anyone does. Urgent notices are few
 * and go to one person or a handful of leaders, so putting them first cannot hold a broadcast back for long.
 */
public enum Urgency {
    URGENT(0),
    ROUTINE(1);

    private static final Set<String> URGENT_TEMPLATES = Set.of("page", "blocker", "escalation-exhausted",
            "handoff-disputed", "deadline-warned", "deadline-breached");

    /** The stored {@code delivery.priority}: lower is claimed first. */
    public final short priority;

    Urgency(int priority) {
        this.priority = (short) priority;
    }

    public static Urgency of(String template) {
        return template != null && URGENT_TEMPLATES.contains(template) ? URGENT : ROUTINE;
    }
}
