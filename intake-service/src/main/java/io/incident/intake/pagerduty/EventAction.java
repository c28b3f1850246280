package io.incident.intake.pagerduty;

import java.util.Arrays;
import java.util.Optional;

/** PagerDuty's {@code event_action}, spelled as on the wire. */
public enum EventAction {
    TRIGGER("trigger"), ACKNOWLEDGE("acknowledge"), RESOLVE("resolve");

    private final String wire;

    EventAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Exact match only: PagerDuty does not accept {@code TRIGGER} either. */
    public static Optional<EventAction> fromWire(String value) {
        return Arrays.stream(values()).filter(a -> a.wire.equals(value)).findFirst();
    }
}
