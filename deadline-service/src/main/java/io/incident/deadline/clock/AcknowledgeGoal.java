package io.incident.deadline.clock;

import java.time.Duration;

/**
 * R-ACK-2: how long the paged IC has to acknowledge. Five minutes for an alert likely to be an incident (every
 * direct report to an incident address is one), fifteen for a standard automated alert.
 */
public final class AcknowledgeGoal {

    public static final Duration LIKELY_INCIDENT = Duration.ofMinutes(5);
    public static final Duration STANDARD_ALERT = Duration.ofMinutes(15);

    private AcknowledgeGoal() {
    }

    public static Duration of(boolean likelyIncident) {
        return likelyIncident ? LIKELY_INCIDENT : STANDARD_ALERT;
    }
}
