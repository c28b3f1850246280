package io.incident.intake.pagerduty;

import io.incident.events.Severity;

import java.util.Arrays;
import java.util.Optional;

/** PagerDuty's {@code payload.severity} and what it means here (R-SEC-2, R-ACK-2). */
public enum PagerDutySeverity {
    CRITICAL("critical", Severity.SEV1),
    ERROR("error", Severity.SEV2),
    WARNING("warning", Severity.SEV3),
    INFO("info", Severity.SEV4);

    private final String wire;
    private final Severity severity;

    PagerDutySeverity(String wire, Severity severity) {
        this.wire = wire;
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /**
     * An alert from a tool is a standard automated alert, acknowledged within 15 minutes, unless the tool itself
     * calls it critical: then it is likely an incident and gets the 5-minute goal (R-ACK-2).
     */
    public boolean likelyIncident() {
        return this == CRITICAL;
    }

    public static Optional<PagerDutySeverity> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
